import { randomUUID } from 'node:crypto';
import { createMigratedDatabase, type MigratedDatabase } from '../../../test/support/postgres-harness.js';
import { createMikroOrmRepositories } from './mikro-orm-repositories.js';
import { OutboxListener, outboxChannel } from './outbox-listener.js';

const quietLogger = { info: () => undefined, warn: () => undefined };
const message = { type: 'deck.build', sockId: randomUUID() } as const;

/** PostgreSQL's NOTIFY on committed outbox events, heard by the relay's listener. */
describe('OutboxListener (PostgreSQL)', () => {
  let database: MigratedDatabase;
  let listener: OutboxListener;
  let signals: number;

  const repositories = (origin: 'web' | 'api') =>
    createMikroOrmRepositories(database.orm, {
      ids: { next: () => randomUUID() },
      clock: { now: () => new Date() },
      origin,
    });
  const addEvent = (origin: 'web' | 'api') => {
    const r = repositories(origin);
    return r.uow.run(() => r.outbox.add(message));
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
  const waitFor = async (condition: () => boolean, timeoutMs = 10_000) => {
    const until = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > until) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  beforeAll(async () => {
    database = await createMigratedDatabase();
  });

  beforeEach(async () => {
    signals = 0;
    listener = new OutboxListener(database.db.url, 'web', () => (signals += 1), quietLogger, {
      reconnectMs: 50,
    });
    await listener.start();
  });

  afterEach(async () => {
    await listener.stop();
  });

  afterAll(async () => {
    await database?.dispose();
  });

  it('signals once per committing transaction that adds events of its origin', async () => {
    const r = repositories('web');
    await r.uow.run(async () => {
      await r.outbox.add(message);
      await r.outbox.add(message);
    });

    await waitFor(() => signals === 1);
    await settle();
    expect(signals).toBe(1);
  });

  it("hears nothing of another origin's events, nor of a rolled-back transaction", async () => {
    const r = repositories('web');
    await addEvent('api');
    await expect(
      r.uow.run(async () => {
        await r.outbox.add(message);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');

    await settle();
    expect(signals).toBe(0);
    await addEvent('web');
    await waitFor(() => signals === 1);
  });

  it('reconnects after its connection is killed, signals once for what it may have missed, and hears again', async () => {
    expect(listener.listening()).toBe(true);
    await database.orm.em
      .fork()
      .getConnection()
      .execute(
        `select pg_terminate_backend(pid) from pg_stat_activity
         where datname = current_database() and query = 'listen ${outboxChannel('web')}'`,
      );

    await waitFor(() => signals === 1);
    expect(listener.listening()).toBe(true);
    await addEvent('web');
    await waitFor(() => signals === 2);
  });
});
