import { join } from 'node:path';
import {
  connectOrStartEmbedded,
  PGLITE_DIR,
  type EmbeddedPostgres,
} from '../adapters/persistence/embedded-postgres.js';
import {
  createMikroOrmRepositories,
  type MikroOrmRepositories,
} from '../adapters/persistence/mikro-orm-repositories.js';
import { createOrm, type Orm } from '../adapters/persistence/mikro-orm.config.js';
import type { OutboxOrigin } from '../adapters/persistence/schemas/outbox-event.schema.js';
import { assertSchemaCurrent, migrateUp } from '../adapters/persistence/schema-migrations.js';
import type { ReadinessCheck } from '../adapters/http-common/operations/readiness.js';
import type { Config } from './config.js';
import { RandomUuidGenerator } from '../adapters/system/random-uuid-generator.js';
import { SystemClock } from '../adapters/system/system-clock.js';

/** What `openDatabase` logs; a pino logger fits. */
export interface DatabaseLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface OpenDatabaseOptions {
  /**
   * With `DATABASE_URL`: `'auto'` applies pending migrations (the `db:migrate` script, tests),
   * `'check'` refuses an outdated schema (the apps and workers: migrating is a deliberate step).
   * The embedded database is always migrated.
   */
  readonly migrate: 'auto' | 'check';
  /** Connection pool bounds (default 2..10) and the wait for a free connection (see `createOrm`). */
  readonly pool?: { readonly min?: number; readonly max?: number; readonly acquireTimeoutMs?: number };
  /** Which app's outbox events this process writes and relays (default 'web'). */
  readonly origin?: OutboxOrigin;
  /** Gets the candidate pool's load lines (a pino logger fits). */
  readonly poolLogger?: { info(details: object, message: string): void };
}

export interface Database {
  readonly orm: Orm;
  readonly repositories: MikroOrmRepositories;
  /** Where the data lives, for logs and CLI output; never contains credentials. */
  readonly describe: string;
  /** True when the database is the embedded PGlite (served by this process or by another). */
  readonly embedded: boolean;
  /** The migrations this call applied, oldest first (empty when the schema was current). */
  readonly applied: readonly string[];
  /** `GET /readyz`'s check: `select 1` answers. */
  readonly readiness: ReadinessCheck;
  /** Closes the pool, then stops the embedded server if this process runs it. Idempotent. */
  close(): Promise<void>;
}

/**
 * The database of a process: PostgreSQL at `DATABASE_URL`, or without it the embedded PGlite
 * under `<DATA_DIR>/pglite` (shared with the process that already serves it, see
 * `connectOrStartEmbedded`), with every persistence port on top.
 * @throws {Error} when the schema is behind with `migrate: 'check'` (naming `npm run db:migrate`),
 *   or when the database cannot be reached
 */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  logger: DatabaseLogger,
  options: OpenDatabaseOptions,
): Promise<Database> {
  let embedded: EmbeddedPostgres | null = null;
  let url: string;
  let describe: string;
  if (config.databaseUrl) {
    url = config.databaseUrl;
    describe = `PostgreSQL at ${withoutCredentials(config.databaseUrl)}`;
  } else {
    embedded = await connectOrStartEmbedded({ dataDir: config.dataDir, logger });
    url = embedded.url;
    const where = join(config.dataDir, PGLITE_DIR);
    const server = embedded.shared ? `served by process ${embedded.ownerPid}` : 'served by this process';
    describe = `embedded PostgreSQL (PGlite) in ${where}`;
    logger.info(
      `using embedded PostgreSQL (PGlite) in ${where} (${server} on 127.0.0.1:${embedded.port}); set DATABASE_URL to use a server`,
    );
  }
  let orm: Orm | null = null;
  try {
    orm = await createOrm({ clientUrl: url, ...(options.pool ? { pool: options.pool } : {}) });
    const connected = orm;
    let applied: string[] = [];
    if (embedded || options.migrate === 'auto') applied = await migrateUp(connected);
    else await assertSchemaCurrent(connected);
    if (applied.length > 0) logger.info(`applied migrations: ${applied.join(', ')}`);
    const ownServer = embedded;
    let closing: Promise<void> | undefined;
    return {
      orm: connected,
      repositories: createMikroOrmRepositories(connected, {
        ids: new RandomUuidGenerator(),
        clock: new SystemClock(),
        ...(options.poolLogger ? { logger: options.poolLogger } : {}),
        ...(options.origin ? { origin: options.origin } : {}),
      }),
      describe,
      embedded: ownServer !== null,
      applied,
      readiness: {
        name: 'database',
        check: async () => {
          await connected.em.fork().getConnection().execute('select 1');
        },
      },
      close: () =>
        (closing ??= (async () => {
          try {
            await connected.close(true);
          } finally {
            await ownServer?.stop();
          }
        })()),
    };
  } catch (error) {
    await orm?.close(true).catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
}

/** `postgres://app:secret@db:5432/hotsox` → `db:5432/hotsox`. */
export function withoutCredentials(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.host}${url.pathname}`;
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}
