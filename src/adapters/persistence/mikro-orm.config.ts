import { MikroORM, type LoggerNamespace } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type PostgreSqlDriver } from '@mikro-orm/postgresql';
import { MIGRATIONS } from './migrations/index.js';
import { ENTITY_SCHEMAS } from './schemas/index.js';

export interface OrmOptions {
  /** e.g. `postgres://app:app@127.0.0.1:5432/hotsox` */
  readonly clientUrl: string;
  /**
   * Connection pool bounds (default 2..10). A unit of work holds one connection until it ends.
   * `acquireTimeoutMs`: how long a unit may wait for one (default `DATABASE_TIMEOUTS.acquireMs`).
   */
  readonly pool?: { readonly min?: number; readonly max?: number; readonly acquireTimeoutMs?: number };
  /** Log queries (`true`) or chosen MikroORM namespaces such as `['query', 'schema']`. */
  readonly debug?: boolean | LoggerNamespace[];
  /** Where MikroORM's log lines go (e.g. a pino logger); the console by default. */
  readonly logger?: (message: string) => void;
}

export type Orm = MikroORM<PostgreSqlDriver>;

/**
 * How long a request may wait for the database before it fails with `ServiceUnavailableError`
 * (HTTP 503), instead of hanging: opening a connection (a server that accepts TCP but does not
 * answer, a dropped network) and waiting for a pooled one (knex's default is 60 s).
 */
export const DATABASE_TIMEOUTS = { connectMs: 3_000, acquireMs: 5_000 } as const;

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
    pool: {
      min: options.pool?.min ?? 2,
      max: options.pool?.max ?? 10,
      acquireTimeoutMillis: options.pool?.acquireTimeoutMs ?? DATABASE_TIMEOUTS.acquireMs,
    },
    // node-postgres: a bounded connect, and TCP keepalive so that an idle pooled connection to a
    // vanished host errors eventually instead of never. A pooled connection that broke (PostgreSQL
    // restarted: its idle sessions get 57P01) has its 'error' handled by knex, which drops it from
    // the pool at the next acquire; the pool opens new ones once PostgreSQL is back.
    driverOptions: {
      connection: {
        connectionTimeoutMillis: DATABASE_TIMEOUTS.connectMs,
        keepAlive: true,
        keepAliveInitialDelayMillis: 10_000,
      },
    },
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
