import type { PasswordResetHarnessFactory } from '../../src/application/testing/contracts/password-reset-token-repository.contract.js';
import { FixedClock } from '../../src/application/testing/fixed-clock.js';
import { SequentialIdGenerator } from '../../src/application/testing/sequential-id-generator.js';
import {
  createMikroOrmRepositories,
  type MikroOrmRepositories,
} from '../../src/adapters/persistence/mikro-orm-repositories.js';
import { createOrm, type Orm } from '../../src/adapters/persistence/mikro-orm.config.js';
import { toOutboxEvent } from '../../src/adapters/persistence/outbox-events.js';
import { OutboxEventSchema } from '../../src/adapters/persistence/schemas/outbox-event.schema.js';
import { ENTITY_SCHEMAS } from '../../src/adapters/persistence/schemas/index.js';
import { migrateUp } from '../../src/adapters/persistence/schema-migrations.js';
import { createTestDatabase, type TestDatabase } from './postgres.js';

/** One migrated database for a whole test file, emptied before each test. */
export interface MigratedDatabase {
  readonly db: TestDatabase;
  readonly orm: Orm;
  /**
   * Deletes every row of every table. A test leaves a few dozen rows, and DELETE removes them in
   * about 1 ms, while TRUNCATE … CASCADE of the nine tables takes about 70 ms (it swaps the
   * relations' files), which would triple the contract suites' run time.
   */
  empty(): Promise<void>;
  /** Closes the pool and drops the database. */
  dispose(): Promise<void>;
}

export async function createMigratedDatabase(
  options: { poolMax?: number; acquireTimeoutMs?: number } = {},
): Promise<MigratedDatabase> {
  const db = await createTestDatabase();
  try {
    const orm = await createOrm({
      clientUrl: db.url,
      pool: {
        min: 0,
        max: options.poolMax ?? 5,
        // tests of correctness queue many units of work on a small pool, on busy machines: they
        // wait for a connection as long as needed, not the apps' 5 s before a 503
        acquireTimeoutMs: options.acquireTimeoutMs ?? 60_000,
      },
    });
    await migrateUp(orm);
    // Children before parents, so that no foreign key is in the way.
    const deletes = [...ENTITY_SCHEMAS]
      .reverse()
      .map((schema) => `delete from "${schema.meta.tableName}";`)
      .join(' ');
    return {
      db,
      orm,
      empty: async () => {
        await orm.em.fork().getConnection().execute(deletes);
      },
      dispose: async () => {
        try {
          await orm.close(true);
        } finally {
          await db.drop();
        }
      },
    };
  } catch (error) {
    await db.drop();
    throw error;
  }
}

/** The PostgreSQL adapters with deterministic ids and a fixed clock for the outbox. */
export function postgresRepositories(orm: Orm): MikroOrmRepositories {
  return createMikroOrmRepositories(orm, { ids: new SequentialIdGenerator(), clock: new FixedClock() });
}

/** Every committed outbox event (dispatched or not), oldest first. */
export async function readOutboxEvents(orm: Orm) {
  const rows = await orm.em
    .fork()
    .find(OutboxEventSchema, {}, { orderBy: { createdAt: 'asc', seq: 'asc' }, disableIdentityMap: true });
  return rows.map(toOutboxEvent);
}

/**
 * The contract suites' harness over `database`: every test starts from empty tables. Register
 * `createMigratedDatabase` in `beforeAll` and `dispose` in `afterAll` of the same file.
 */
export function postgresHarnessFactory(database: () => MigratedDatabase): PasswordResetHarnessFactory {
  return async () => {
    const { orm, empty } = database();
    await empty();
    const repositories = postgresRepositories(orm);
    return {
      harness: { ...repositories, readOutbox: () => readOutboxEvents(orm) },
      cleanup: async () => undefined,
    };
  };
}
