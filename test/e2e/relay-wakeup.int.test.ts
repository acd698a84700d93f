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
  let relay: { passes(): number };

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
    relay = startOutboxRelay(runtime, 'web');
    await new Promise((resolve) => setTimeout(resolve, 500)); // the first pass and the LISTEN
  });

  afterAll(async () => {
    await runtime?.lifecycle.stop(runtime.logger);
    await database?.dispose();
  });

  const dispatchedCount = async (): Promise<number> => {
    const [row] = await database.orm.em
      .fork()
      .getConnection()
      .execute<Array<{ n: number }>>(
        'select count(*)::int as n from outbox_events where dispatched_at is not null',
      );
    return row?.n ?? 0;
  };

  it('runs no pass while idle (the old relay ran one, a transaction, every 500 ms)', async () => {
    const before = relay.passes();
    await new Promise((resolve) => setTimeout(resolve, 3000));

    expect(relay.passes() - before).toBe(0);
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
