import type { OutboxMessage } from '../../application/ports/outbox.js';
import { FixedClock } from '../../application/testing/fixed-clock.js';
import { SequentialIdGenerator } from '../../application/testing/sequential-id-generator.js';
import {
  createMigratedDatabase,
  readOutboxEvents,
  type MigratedDatabase,
} from '../../../test/support/postgres-harness.js';
import { createMikroOrmRepositories, type MikroOrmRepositories } from './mikro-orm-repositories.js';

const mail = (n: number): OutboxMessage => ({
  type: 'self-mail.send',
  mailId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
});

describe('OutboxStore (PostgreSQL)', () => {
  let database: MigratedDatabase;
  let r: MikroOrmRepositories;
  let clock: FixedClock;

  beforeAll(async () => {
    database = await createMigratedDatabase({ poolMax: 4 });
  });

  afterAll(async () => {
    await database?.dispose();
  });

  beforeEach(async () => {
    await database.empty();
    clock = new FixedClock('2026-11-29T12:00:00.000Z');
    r = createMikroOrmRepositories(database.orm, { ids: new SequentialIdGenerator(), clock });
  });

  async function given(count: number): Promise<void> {
    for (let n = 1; n <= count; n++) {
      await r.uow.run(() => r.outbox.add(mail(n)));
      clock.advanceSeconds(1);
    }
  }

  it('takes pending events oldest first, up to the limit', async () => {
    await given(5);

    const taken = await r.uow.run(() => r.outboxStore.takePending(3));

    expect(taken.map((e) => e.message)).toEqual([mail(1), mail(2), mail(3)]);
  });

  it('gives concurrent relays disjoint batches (FOR UPDATE SKIP LOCKED)', async () => {
    await given(6);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let signalTaken: () => void = () => undefined;
    const taken = new Promise<void>((resolve) => (signalTaken = resolve));

    const first = r.uow.run(async () => {
      const batch = await r.outboxStore.takePending(4);
      signalTaken();
      await held;
      return batch;
    });
    await taken;
    const second = await r.uow.run(() => r.outboxStore.takePending(4));
    release();

    expect((await first).map((e) => e.message)).toEqual([mail(1), mail(2), mail(3), mail(4)]);
    expect(second.map((e) => e.message)).toEqual([mail(5), mail(6)]);
  });

  it('never takes an event again once it is marked dispatched, and keeps the first time', async () => {
    await given(3);
    const firstTime = new Date('2026-11-29T13:00:00.000Z');

    await r.uow.run(async () => {
      const batch = await r.outboxStore.takePending(2);
      await r.outboxStore.markDispatched(
        batch.map((e) => e.id),
        firstTime,
      );
    });
    const oldest = (await readOutboxEvents(database.orm))[0]?.id ?? '';
    await r.uow.run(() => r.outboxStore.markDispatched([oldest], clock.now()));

    expect((await r.uow.run(() => r.outboxStore.takePending(10))).map((e) => e.message)).toEqual([mail(3)]);
    const [row] = await database.orm.em
      .fork()
      .getConnection()
      .execute('select dispatched_at from outbox_events order by created_at limit 1');
    expect(new Date((row as { dispatched_at: string }).dispatched_at)).toEqual(firstTime);
  });

  it('refuses to take events outside a unit of work (the locks would end at once)', async () => {
    await expect(r.outboxStore.takePending(1)).rejects.toThrow('must run inside UnitOfWork.run');
  });
});
