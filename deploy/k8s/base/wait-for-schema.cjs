// initContainer of every HotSox app and worker (same image, DATABASE_URL from the Secret): waits
// until the database has no pending migration, i.e. until this release's migration Job has run,
// then exits 0 and the container starts. The apps would refuse the schema anyway (exit 1,
// CrashLoopBackOff with growing delays); waiting here starts them as soon as the Job is done.
// Uses the image's compiled code: the same migrations list as `db-migrate.js`.
/* global require, process, console, setTimeout */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, run by node in the image */
'use strict';
const { resolve } = require('node:path');
// Relative to the working directory: /app in the image (its WORKDIR), the project root elsewhere.
const { createOrm } = require(resolve('dist/src/adapters/persistence/mikro-orm.config.js'));
const { pendingMigrations } = require(resolve('dist/src/adapters/persistence/schema-migrations.js'));

const INTERVAL_MS = 3000;

async function check() {
  const orm = await createOrm({ clientUrl: process.env.DATABASE_URL, pool: { min: 0, max: 1 } });
  try {
    return await pendingMigrations(orm);
  } finally {
    await orm.close(true);
  }
}

async function main() {
  for (;;) {
    try {
      const pending = await check();
      if (pending.length === 0) {
        console.log('wait-for-schema: the database schema is current');
        return;
      }
      console.log(`wait-for-schema: waiting for the migration Job (pending: ${pending.join(', ')})`);
    } catch (error) {
      console.log(
        `wait-for-schema: database not reachable yet: ${error instanceof Error ? error.message : error}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
