import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';

/** The maintenance database of the local test server (trust auth, see VERSIONS.md §9). */
export const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  /** Drops the database, ending any connection still open to it. Idempotent. */
  drop(): Promise<void>;
}

/** A fresh, empty database `hotsox_test_<random>` on the test server. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `hotsox_test_${randomBytes(6).toString('hex')}`;
  await admin(
    `create database "${name}"`,
    // Throwaway data: commits need not wait for the disk (a crash loses only test rows).
    `alter database "${name}" set synchronous_commit = off`,
  );
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      await admin(`drop database if exists "${name}" with (force)`);
    },
  };
}

/** Runs statements one by one on the maintenance database (CREATE DATABASE refuses a transaction). */
async function admin(...statements: string[]): Promise<void> {
  const orm = await MikroORM.init({
    driver: PostgreSqlDriver,
    clientUrl: ADMIN_URL,
    entities: [],
    discovery: { warnWhenNoEntities: false },
    ensureDatabase: false,
    allowGlobalContext: true,
    pool: { min: 0, max: 1 },
  });
  try {
    for (const sql of statements) await orm.em.getConnection().execute(sql);
  } finally {
    await orm.close(true);
  }
}
