import { MikroORM, type LoggerNamespace } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type PostgreSqlDriver } from '@mikro-orm/postgresql';
import { MIGRATIONS } from './migrations/index.js';
import { ENTITY_SCHEMAS } from './schemas/index.js';

export interface OrmOptions {
  /** e.g. `postgres://app:app@127.0.0.1:5432/hotsox` */
  readonly clientUrl: string;
  /** Connection pool bounds (default 2..10). A unit of work holds one connection until it ends. */
  readonly pool?: { readonly min?: number; readonly max?: number };
  /** Log queries (`true`) or chosen MikroORM namespaces such as `['query', 'schema']`. */
  readonly debug?: boolean | LoggerNamespace[];
  /** Where MikroORM's log lines go (e.g. a pino logger); the console by default. */
  readonly logger?: (message: string) => void;
}

export type Orm = MikroORM<PostgreSqlDriver>;

/** The MikroORM configuration of HotSox (PostgreSQL driver, entity schemas, static migrations). */
export function ormConfig(options: OrmOptions) {
  return defineConfig({
    clientUrl: options.clientUrl,
    entities: ENTITY_SCHEMAS,
    extensions: [Migrator],
    // Every unit of work forks its own EntityManager (see TransactionScope).
    allowGlobalContext: false,
    // The database exists before the app starts; never create it implicitly.
    ensureDatabase: false,
    debug: options.debug ?? false,
    ...(options.logger ? { logger: options.logger } : {}),
    pool: { min: options.pool?.min ?? 2, max: options.pool?.max ?? 10 },
    migrations: {
      // Imported statically: file discovery cannot load `.ts` migrations under Jest (VERSIONS.md G8).
      migrationsList: MIGRATIONS,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
  });
}

/** Connects to PostgreSQL. Does not migrate: see `migrateUp` and `assertSchemaCurrent`. */
export async function createOrm(options: OrmOptions): Promise<Orm> {
  return MikroORM.init<PostgreSqlDriver>(ormConfig(options));
}
