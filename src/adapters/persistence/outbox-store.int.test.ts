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

  describe('origins: the web and api apps share the table, each relay takes only its own app’s events', () => {
    it('gives each store only the events of its own origin', async () => {
      const ids = new SequentialIdGenerator();
      const web = createMikroOrmRepositories(database.orm, { ids, clock, origin: 'web' });
      const api = createMikroOrmRepositories(database.orm, { ids, clock, origin: 'api' });
      await web.uow.run(() => web.outbox.add(mail(1)));
      await api.uow.run(() => api.outbox.add(mail(2)));
      await web.uow.run(() => web.outbox.add(mail(3)));
      await api.uow.run(() => api.outbox.add(mail(4)));

      const forWeb = await web.uow.run(() => web.outboxStore.takePending(10));
      const forApi = await api.uow.run(() => api.outboxStore.takePending(10));

      expect(forWeb.map((e) => e.message)).toEqual([mail(1), mail(3)]);
      expect(forApi.map((e) => e.message)).toEqual([mail(2), mail(4)]);
    });

    it('marks only its own origin’s events dispatched', async () => {
      const ids = new SequentialIdGenerator();
      const web = createMikroOrmRepositories(database.orm, { ids, clock, origin: 'web' });
      const api = createMikroOrmRepositories(database.orm, { ids, clock, origin: 'api' });
      await web.uow.run(() => web.outbox.add(mail(1)));
      await api.uow.run(() => api.outbox.add(mail(2)));
      const all = (await readOutboxEvents(database.orm)).map((e) => e.id);

      await web.uow.run(() => web.outboxStore.markDispatched(all, clock.now()));

      expect(await web.uow.run(() => web.outboxStore.takePending(10))).toEqual([]);
      expect((await api.uow.run(() => api.outboxStore.takePending(10))).map((e) => e.message)).toEqual([
        mail(2),
      ]);
    });

    it("records and takes the web app's events when no origin is given", async () => {
      await r.uow.run(() => r.outbox.add(mail(1)));
      const [row] = await database.orm.em.fork().getConnection().execute('select origin from outbox_events');
      expect(row).toEqual({ origin: 'web' });
      const web = createMikroOrmRepositories(database.orm, {
        ids: new SequentialIdGenerator(),
        clock,
        origin: 'web',
      });
      expect((await web.uow.run(() => web.outboxStore.takePending(10))).map((e) => e.message)).toEqual([
        mail(1),
      ]);
    });
  });

  it('refuses to take events outside a unit of work (the locks would end at once)', async () => {
    await expect(r.outboxStore.takePending(1)).rejects.toThrow('must run inside UnitOfWork.run');
  });
});
