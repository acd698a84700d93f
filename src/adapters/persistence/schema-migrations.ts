import type { Orm } from './mikro-orm.config.js';

/** Applies every pending migration (each in its own transaction, all or nothing). */
export async function migrateUp(orm: Orm): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}

/** The names of the committed migrations this database has not run yet. */
export async function pendingMigrations(orm: Orm): Promise<string[]> {
  return (await orm.getMigrator().getPendingMigrations()).map((m) => m.name);
}

/**
 * For processes that must not migrate by themselves (web, api, workers): refuse to start on
 * an outdated schema rather than fail later on a missing column.
 * @throws {Error} when migrations are pending
 */
export async function assertSchemaCurrent(orm: Orm): Promise<void> {
  const pending = await pendingMigrations(orm);
  if (pending.length > 0) {
    throw new Error(`Database schema is behind: run \`npm run db:migrate\` (pending: ${pending.join(', ')})`);
  }
}
