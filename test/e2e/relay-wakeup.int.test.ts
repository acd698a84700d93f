import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMikroOrmRepositories } from '../../src/adapters/persistence/mikro-orm-repositories.js';
import { RELAY_SAFETY_POLL_MS, startOutboxRelay } from '../../src/main/background.js';
import { startRuntime, type Runtime } from '../../src/main/runtime.js';
import { createMigratedDatabase, type MigratedDatabase } from '../support/postgres-harness.js';

/**
 * The relay of an app runtime on PostgreSQL: idle, it runs (almost) no transactions; an event
 * committed by another process (a worker, the CLI: no nudge reaches this one) is dispatched at
 * once through PostgreSQL's NOTIFY, not after a poll.
 */
describe('the outbox relay, quiet when idle and woken by NOTIFY', () => {
  let database: MigratedDatabase;
  let runtime: Runtime;

  beforeAll(async () => {
    database = await createMigratedDatabase();
    runtime = await startRuntime('web', {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.db.url,
      JWT_SECRET: 'relay wake-up test jwt secret, 32+ characters',
      SESSION_SECRET: 'relay wake-up test session secret, 32+ chars',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'hotsox-relay-data-')),
      MEDIA_DIR: mkdtempSync(join(tmpdir(), 'hotsox-relay-media-')),
      PORT: '0',
    });
    startOutboxRelay(runtime, 'web');
    await new Promise((resolve) => setTimeout(resolve, 500)); // the first pass and the LISTEN
  });

  afterAll(async () => {
    await runtime?.lifecycle.stop(runtime.logger);
    await database?.dispose();
  });

  /** Transactions committed in the test database so far (PostgreSQL's statistics, flushed). */
  const commits = async (): Promise<number> => {
    const connection = database.orm.em.fork().getConnection();
    await connection.execute('select pg_stat_clear_snapshot()');
    const [row] = await connection.execute<Array<{ commits: string }>>(
      'select xact_commit::text as commits from pg_stat_database where datname = current_database()',
    );
    return Number(row?.commits);
  };

  const dispatchedCount = async (): Promise<number> => {
    const [row] = await database.orm.em
      .fork()
      .getConnection()
      .execute<Array<{ n: number }>>(
        'select count(*)::int as n from outbox_events where dispatched_at is not null',
      );
    return row?.n ?? 0;
  };

  it('runs no pass while idle (the old relay ran one every 500 ms)', async () => {
    const before = await commits();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const during = (await commits()) - before;

    // our own two statistics reads commit too; a 500 ms poll would add six passes
    expect(during).toBeLessThanOrEqual(2);
  });

  it("dispatches an event another process committed within a moment, without that process's nudge", async () => {
    const elsewhere = createMikroOrmRepositories(database.orm, {
      ids: { next: () => randomUUID() },
      clock: { now: () => new Date() },
    });
    const committedAt = Date.now();
    await elsewhere.uow.run(() => elsewhere.outbox.add({ type: 'picture-files.delete', keys: [] }));

    // the safety poll runs every 30 s: dispatched well before, it was the signal that woke the relay
    const until = committedAt + RELAY_SAFETY_POLL_MS.listening / 3;
    let dispatched = false;
    while (!dispatched && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      dispatched = (await dispatchedCount()) === 1;
    }

    expect(dispatched).toBe(true);
  });
});
