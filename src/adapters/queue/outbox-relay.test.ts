import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PendingOutbox } from '../../application/ports/outbox.js';
import type { UnitOfWork } from '../../application/ports/unit-of-work.js';
import { createTestKit, type TestKit } from '../../application/testing/test-kit.js';
import { EmlFileEmailSender } from './eml-file-email-sender.js';
import { InProcessJobDispatcher } from './in-process-job-dispatcher.js';
import { OutboxRelay } from './outbox-relay.js';
import { deferred, eventually } from './testing/eventually.js';
import {
  givenOutboxEvents,
  givenQueuedMail,
  handlerOver,
  matchMadeEmail,
} from './testing/handler-fixture.js';
import { recordingLogger } from './testing/recording-logger.js';
import { RecordingDispatcher } from './testing/recording-dispatcher.js';

describe('OutboxRelay', () => {
  let kit: TestKit;
  let dispatcher: RecordingDispatcher;
  let log: ReturnType<typeof recordingLogger>;
  let relay: OutboxRelay;

  function makeRelay(
    options: { intervalMs?: number; retryMs?: number; batchSize?: number } = {},
    pending: PendingOutbox = kit.outbox,
  ) {
    relay = new OutboxRelay(pending, kit.uow, dispatcher, log.logger, options);
    return relay;
  }

  beforeEach(() => {
    kit = createTestKit();
    dispatcher = new RecordingDispatcher();
    log = recordingLogger();
  });

  afterEach(async () => {
    await relay?.stop();
  });

  describe('a pass', () => {
    it('dispatches the pending events once, oldest first, and marks them dispatched', async () => {
      const events = await givenOutboxEvents(
        kit,
        matchMadeEmail('ann'),
        matchMadeEmail('bob'),
        matchMadeEmail('cat'),
      );
      makeRelay();

      expect(await relay.runOnce()).toBe(3);
      expect(await relay.runOnce()).toBe(0);

      expect(dispatcher.batches).toEqual([events]);
      expect(kit.outbox.pending()).toEqual([]);
      expect(kit.outbox.dispatchedIds()).toEqual(events.map((e) => e.id));
    });

    it('takes at most a batch', async () => {
      await givenOutboxEvents(kit, ...['a1', 'b2', 'c3', 'd4', 'e5'].map((u) => matchMadeEmail(u)));
      makeRelay({ batchSize: 2 });

      expect([await relay.runOnce(), await relay.runOnce(), await relay.runOnce()]).toEqual([2, 2, 1]);
      expect(dispatcher.batches.map((b) => b.length)).toEqual([2, 2, 1]);
    });

    it('leaves the events pending when the dispatcher throws, and a later pass delivers them', async () => {
      const events = await givenOutboxEvents(kit, matchMadeEmail('ann'), matchMadeEmail('bob'));
      makeRelay();
      dispatcher.failing = true;

      await expect(relay.runOnce()).rejects.toThrow('ECONNREFUSED');
      expect(kit.outbox.pending()).toEqual(events);
      expect(kit.outbox.dispatchedIds()).toEqual([]);

      dispatcher.failing = false;
      expect(await relay.runOnce()).toBe(2);
      expect(dispatcher.dispatchedIds()).toEqual(events.map((e) => e.id));
      expect(kit.outbox.pending()).toEqual([]);
    });

    it('never runs two passes at once', async () => {
      await givenOutboxEvents(kit, matchMadeEmail('ann'));
      const gate = deferred();
      dispatcher.gate = gate.promise;
      // Units that do not queue behind each other (as in PostgreSQL): only the relay can serialise.
      let activeUnits = 0;
      let maxActiveUnits = 0;
      const concurrentUow: UnitOfWork = {
        run: async (work) => {
          maxActiveUnits = Math.max(maxActiveUnits, ++activeUnits);
          try {
            return await work();
          } finally {
            activeUnits -= 1;
          }
        },
      };
      relay = new OutboxRelay(kit.outbox, concurrentUow, dispatcher, log.logger, { intervalMs: 1 });

      relay.start();
      const passes = [relay.runOnce(), relay.runOnce(), relay.runOnce()];
      for (let i = 0; i < 5; i++) relay.nudge();
      await eventually(() => dispatcher.calls >= 1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      gate.resolve();
      await Promise.all(passes);

      expect(maxActiveUnits).toBe(1);
      expect(dispatcher.maxActive).toBe(1);
      expect(dispatcher.dispatchedIds()).toHaveLength(1);
    });
  });

  describe('at least once, with idempotent handlers', () => {
    let dir: string;

    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'hotsox-relay-'));
    });

    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('writes exactly one .eml per event even when a pass is repeated after a crash before marking', async () => {
      const sender = new EmlFileEmailSender(dir, 'HotSox <no-reply@hotsox.local>');
      const handler = handlerOver(kit, sender);
      const jobs = new InProcessJobDispatcher(handler, log.logger, { backoffMs: 1 });
      const mail = await givenQueuedMail(kit, await kit.givenUser({ username: 'sam' }));
      const events = await givenOutboxEvents(kit, matchMadeEmail('ann'), matchMadeEmail('bob'), {
        type: 'self-mail.send',
        mailId: mail.id,
      });
      let crashes = 1;
      const crashingOnce: PendingOutbox = {
        takePending: (limit) => kit.outbox.takePending(limit),
        markDispatched: async (ids) => {
          if (crashes-- > 0) throw new Error('connection to the database lost before commit');
          await kit.outbox.markDispatched(ids);
        },
      };
      relay = new OutboxRelay(crashingOnce, kit.uow, jobs, log.logger);

      await expect(relay.runOnce()).rejects.toThrow('connection to the database lost');
      await jobs.drain();
      expect(kit.outbox.pending()).toHaveLength(3); // dispatched, but not marked: will go again
      expect(await relay.runOnce()).toBe(3);
      await jobs.drain();

      const files = (await readdir(dir)).sort();
      const emailIds = events.slice(0, 2).map((e) => e.id);
      expect(files).toEqual([...emailIds, mail.id].map((id) => `${id}.eml`).sort());
      expect((await kit.mails.findById(mail.id))?.status).toBe('sent');
      expect(kit.outbox.pending()).toEqual([]);
    });
  });

  describe('running', () => {
    it('polls: events committed after the start are dispatched', async () => {
      makeRelay({ intervalMs: 10 });
      relay.start();

      const events = await givenOutboxEvents(kit, matchMadeEmail('ann'));

      await eventually(() => expect(dispatcher.dispatchedIds()).toEqual(events.map((e) => e.id)));
      await eventually(() => expect(kit.outbox.pending()).toEqual([]));
    });

    it('runs a pass soon when nudged, without waiting for the interval', async () => {
      makeRelay({ intervalMs: 60_000 });
      relay.start();
      await new Promise((resolve) => setTimeout(resolve, 20)); // the first pass found nothing

      const events = await givenOutboxEvents(kit, matchMadeEmail('ann'));
      relay.nudge();

      await eventually(() => expect(dispatcher.dispatchedIds()).toEqual(events.map((e) => e.id)), 1000);
    });

    it("starts a nudged pass outside the caller's async context", async () => {
      const requestState = new AsyncLocalStorage<string>();
      const seen: (string | undefined)[] = [];
      const observingUow: UnitOfWork = {
        run: (work) => {
          seen.push(requestState.getStore());
          return kit.uow.run(work);
        },
      };
      relay = new OutboxRelay(kit.outbox, observingUow, dispatcher, log.logger, { intervalMs: 60_000 });
      relay.start();
      await new Promise((resolve) => setTimeout(resolve, 20));
      await givenOutboxEvents(kit, matchMadeEmail('ann'));

      requestState.run('inside a request', () => relay.nudge());

      await eventually(() => expect(dispatcher.dispatchedIds()).toHaveLength(1), 1000);
      expect(seen.every((store) => store === undefined)).toBe(true);
    });

    it('keeps going while a backlog fills whole batches', async () => {
      await givenOutboxEvents(kit, ...['a1', 'b2', 'c3', 'd4', 'e5'].map((u) => matchMadeEmail(u)));
      makeRelay({ intervalMs: 60_000, batchSize: 2 });

      relay.start();

      await eventually(() => expect(dispatcher.dispatchedIds()).toHaveLength(5), 1000);
    });

    it('logs an outage once and its end once, and delivers what waited', async () => {
      const events = await givenOutboxEvents(kit, matchMadeEmail('ann'));
      dispatcher.failing = true;
      makeRelay({ intervalMs: 2, retryMs: 2 });

      relay.start();
      await eventually(() => dispatcher.calls >= 4);
      dispatcher.failing = false;
      await eventually(() => expect(kit.outbox.pending()).toEqual([]));

      expect(dispatcher.dispatchedIds()).toEqual(events.map((e) => e.id));
      expect(log.at('error')).toHaveLength(1);
      expect(log.at('error')[0]?.msg).toBe('outbox relay pass failed: events stay pending and are retried');
      expect(log.at('info').filter((l) => l.msg?.startsWith('outbox relay recovered'))).toHaveLength(1);
    });

    it('retries a failed pass after retryMs, not after the slow safety poll', async () => {
      const events = await givenOutboxEvents(kit, matchMadeEmail('ann'));
      dispatcher.failing = true;
      makeRelay({ intervalMs: 60_000, retryMs: 5 });

      relay.start();
      await eventually(() => dispatcher.calls >= 3);
      dispatcher.failing = false;

      await eventually(() => expect(dispatcher.dispatchedIds()).toEqual(events.map((e) => e.id)));
    });

    it('stop waits for the running pass to finish, and no pass runs after it', async () => {
      const events = await givenOutboxEvents(kit, matchMadeEmail('ann'));
      const gate = deferred();
      dispatcher.gate = gate.promise;
      makeRelay({ intervalMs: 1 });
      relay.start();
      await eventually(() => dispatcher.active === 1);

      let stopped = false;
      const stopping = relay.stop().then(() => (stopped = true));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(stopped).toBe(false);
      gate.resolve();
      await stopping;

      expect(kit.outbox.dispatchedIds()).toEqual(events.map((e) => e.id));
      const calls = dispatcher.calls;
      await givenOutboxEvents(kit, matchMadeEmail('bob'));
      relay.nudge();
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(dispatcher.calls).toBe(calls);
    });
  });
});
