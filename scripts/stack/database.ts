import { createOrm } from '../../src/adapters/persistence/mikro-orm.config.js';

/**
 * Creates the database `name` on the server of `adminUrl` (a URL of a database that exists, such
 * as `postgres://postgres@127.0.0.1:5432/postgres`) unless it is there. Returns true when created.
 */
export async function ensureDatabase(adminUrl: string, name: string): Promise<boolean> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain SQL name: ${name}`);
  const orm = await createOrm({ clientUrl: adminUrl, pool: { min: 0, max: 1 } });
  try {
    const connection = orm.em.fork().getConnection();
    const rows = (await connection.execute(
      'select 1 from pg_database where datname = ?',
      [name],
      'all',
    )) as unknown[];
    if (rows.length > 0) return false;
    try {
      await connection.execute(`create database "${name}"`);
      return true;
    } catch (error) {
      // Another process created it a moment ago.
      if ((error as { code?: string }).code === '42P04') return false;
      throw error;
    }
  } finally {
    await orm.close(true);
  }
}
