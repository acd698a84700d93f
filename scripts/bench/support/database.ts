import { createOrm, type Orm } from '../../../src/adapters/persistence/mikro-orm.config.js';
import { migrateUp } from '../../../src/adapters/persistence/schema-migrations.js';

export interface BenchDatabase {
  readonly name: string;
  readonly url: string;
  /** Drops the database (closing whatever is still connected to it). Idempotent. */
  drop(): Promise<void>;
}

/**
 * A throwaway database on the server of `adminUrl` (a URL of an existing database, such as
 * `postgres://postgres@127.0.0.1:5432/postgres`), migrated like `npm run db:migrate` does.
 */
export async function createBenchDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `hotsox_bench_${process.pid}_${Date.now().toString(36)}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await adminExecute(adminUrl, `create database "${name}"`);
  let dropped: Promise<void> | undefined;
  const database: BenchDatabase = {
    name,
    url: url.toString(),
    drop: () => (dropped ??= adminExecute(adminUrl, `drop database if exists "${name}" with (force)`)),
  };
  try {
    const orm = await createOrm({ clientUrl: database.url, pool: { min: 0, max: 1 } });
    try {
      await migrateUp(orm);
    } finally {
      await orm.close(true);
    }
  } catch (error) {
    await database.drop().catch(() => undefined);
    throw error;
  }
  return database;
}

/** Runs SQL (`pg` directly, like the app) on a database; for statements outside transactions. */
export async function execute(orm: Orm, sql: string): Promise<unknown> {
  return orm.em.fork().getConnection().execute(sql, [], 'all');
}

async function adminExecute(adminUrl: string, sql: string): Promise<void> {
  const orm = await createOrm({ clientUrl: adminUrl, pool: { min: 0, max: 1 } });
  try {
    await execute(orm, sql);
  } finally {
    await orm.close(true);
  }
}

/** A connection to watch a database from the side. */
export interface DatabaseProbe {
  /** Statements running on the database now, other than this probe's. */
  activeStatements(): Promise<number>;
  /** The server processes (backends) connected to the database, other than this probe's. */
  backendPids(): Promise<number[]>;
  /** The integer column `n` of the first row of `sql` (a `select count(*)::int as n …`). */
  count(sql: string): Promise<number>;
  close(): Promise<void>;
}

export async function openProbe(url: string): Promise<DatabaseProbe> {
  const orm = await createOrm({ clientUrl: url, pool: { min: 0, max: 1 } });
  return {
    activeStatements: async () => {
      const rows = (await execute(
        orm,
        `select count(*)::int as n from pg_stat_activity
         where datname = current_database() and state = 'active' and pid <> pg_backend_pid()`,
      )) as Array<{ n: number }>;
      return rows[0]?.n ?? 0;
    },
    backendPids: async () => {
      const rows = (await execute(
        orm,
        `select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
      )) as Array<{ pid: number }>;
      return rows.map((r) => r.pid);
    },
    count: async (sql) => {
      const rows = (await execute(orm, sql)) as Array<{ n: number }>;
      return rows[0]?.n ?? 0;
    },
    close: () => orm.close(true),
  };
}
