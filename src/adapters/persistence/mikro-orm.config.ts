import { MikroORM, type LoggerNamespace, type LoggerOptions, type Logger } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver, defineConfig } from '@mikro-orm/postgresql';
import { MIGRATIONS } from './migrations/index.js';
import { ENTITY_SCHEMAS } from './schemas/index.js';

export interface OrmOptions {
  /** e.g. `postgres://app:app@127.0.0.1:5432/hotsox` */
  readonly clientUrl: string;
  /** Connection pool bounds (default 2..10). */
  readonly pool?: { readonly min?: number; readonly max?: number };
  /** Log every query (through MikroORM's logger). */
  readonly debug?: boolean | LoggerNamespace[];
  /** Where MikroORM's log lines go (e.g. a pino child logger); console by default. */
  readonly logger?: (message: string) => void;
}

export type Orm = MikroORM<PostgreSqlDriver>;

/** The MikroORM configuration of HotSox; `createOrm` connects with it. */
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
    discovery: { warnWhenNoEntities: true },
    migrations: {
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

export type { Logger, LoggerOptions };
