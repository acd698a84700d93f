import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import type { ConnectionOptions } from 'bullmq';
import type { OutboxEvent } from '../../application/ports/outbox.js';
import type { PictureStore } from '../../application/ports/picture-store.js';
import { createTestKit, type TestKit } from '../../application/testing/test-kit.js';
import { InvalidValueError } from '../../domain/shared/domain-error.js';
import { BullMqJobDispatcher } from './bullmq-job-dispatcher.js';
import { BullMqWorker } from './bullmq-worker.js';
import { NodemailerSmtpEmailSender } from './nodemailer-smtp-email-sender.js';
import { OutboxEventHandler } from './outbox-event-handler.js';
import { deferred, eventually } from './testing/eventually.js';
import { anEvent, givenQueuedMail, handlerOver, matchMadeEmail } from './testing/handler-fixture.js';
import { parseMime } from './testing/mime.js';
import { recordingLogger } from './testing/recording-logger.js';
import { ScriptedProcessor } from './testing/scripted-processor.js';
import { startSmtpSink, type SmtpSink } from './testing/smtp-sink.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
/** The producer fails fast while Redis is down; the worker's blocking reads wait through reconnects. */
const PRODUCER: ConnectionOptions = { url: REDIS_URL, enableOfflineQueue: false };
const CONSUMER: ConnectionOptions = { url: REDIS_URL, maxRetriesPerRequest: null };
const QUEUE = 'outbox';
const FAST = { attempts: 3, backoffMs: 20 };

jest.setTimeout(20_000);

describe('BullMQ dispatcher and worker (Redis, SMTP)', () => {
  let prefix: string;
  let kit: TestKit;
  let sink: SmtpSink;
  let smtp: NodemailerSmtpEmailSender;
  let log: ReturnType<typeof recordingLogger>;
  let dispatcher: BullMqJobDispatcher;
  let worker: BullMqWorker | undefined;

  function startWorker(processor: ConstructorParameters<typeof BullMqWorker>[3]): BullMqWorker {
    worker = new BullMqWorker(CONSUMER, QUEUE, prefix, processor, log.logger);
    worker.start();
    return worker;
  }

  async function stateOf(jobId: string) {
    const job = await dispatcher.queue.getJob(jobId);
    return { state: await job?.getState(), attemptsMade: job?.attemptsMade };
  }

  beforeEach(async () => {
    prefix = `hotsox-test-${randomUUID()}`;
    kit = createTestKit();
    sink = await startSmtpSink();
    smtp = new NodemailerSmtpEmailSender(sink.url, 'HotSox <no-reply@hotsox.local>');
    log = recordingLogger();
    dispatcher = new BullMqJobDispatcher(PRODUCER, QUEUE, prefix, FAST);
    worker = undefined;
  });

  afterEach(async () => {
    await worker?.close();
    await dispatcher.queue.obliterate({ force: true });
    await dispatcher.close();
    smtp.close();
    await sink.close();
  });

  it('delivers an email event to the SMTP server, with the right recipient, subject and Message-ID', async () => {
    const handler = handlerOver(kit, smtp);
    const event = anEvent(randomUUID(), matchMadeEmail('sam', 'kim'));
    startWorker(handler);

    await dispatcher.dispatch([event]);

    await eventually(() => expect(sink.received).toHaveLength(1));
    const mail = sink.received[0]!;
    const headers = parseMime(mail.raw).headers;
    expect(mail.envelopeTo).toEqual(['sam@example.com']);
    expect(headers.get('to')).toBe('sam@example.com');
    expect(headers.get('subject')).toBe('You have a match with kim');
    expect(headers.get('message-id')).toBe(`<${event.id}@hotsox>`);
    // BullMQ counts every finished attempt in attemptsMade, the successful one included.
    await eventually(async () =>
      expect(await stateOf(event.id)).toEqual({ state: 'completed', attemptsMade: 1 }),
    );
  });

  it('delivers an event dispatched twice only once, before and after it ran', async () => {
    const handler = handlerOver(kit, smtp);
    const event = anEvent(randomUUID(), matchMadeEmail('sam'));

    await dispatcher.dispatch([event]);
    await dispatcher.dispatch([event]); // a relay that crashed before marking it dispatched
    expect(await dispatcher.queue.getJobCountByTypes('waiting')).toBe(1); // one job for both
    startWorker(handler);
    await eventually(async () => expect((await stateOf(event.id)).state).toBe('completed'));
    await dispatcher.dispatch([event]);
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(sink.received).toHaveLength(1);
  });

  it('retries a refused SMTP delivery and delivers it once, with the same Message-ID', async () => {
    const handler = handlerOver(kit, smtp);
    const event = anEvent(randomUUID(), matchMadeEmail('sam'));
    sink.failNext(1);
    startWorker(handler);

    await dispatcher.dispatch([event]);

    await eventually(async () =>
      expect(await stateOf(event.id)).toEqual({ state: 'completed', attemptsMade: 2 }),
    );
    expect(sink.received).toHaveLength(1);
    expect(parseMime(sink.received[0]!.raw).headers.get('message-id')).toBe(`<${event.id}@hotsox>`);
    expect(log.at('warn').map((l) => l.msg)).toEqual(['outbox job failed, will retry']);
  });

  it('marks a self-mail failed when its last attempt fails, and only then', async () => {
    const handler = handlerOver(kit, smtp);
    const mail = await givenQueuedMail(kit, await kit.givenUser({ username: 'sam' }));
    const event = anEvent(randomUUID(), { type: 'self-mail.send', mailId: mail.id });
    sink.failNext(FAST.attempts);
    startWorker(handler);

    await dispatcher.dispatch([event]);

    await eventually(async () => expect((await stateOf(event.id)).state).toBe('failed'));
    expect((await stateOf(event.id)).attemptsMade).toBe(FAST.attempts);
    expect((await kit.mails.findById(mail.id))?.status).toBe('failed');
    expect(log.at('warn')).toHaveLength(FAST.attempts - 1);
    expect(log.at('error').map((l) => l.msg)).toEqual(['outbox job failed for good']);
  });

  it('does not retry a domain error', async () => {
    let removals = 0;
    const refusing: PictureStore = {
      store: () => Promise.reject(new Error('unused')),
      remove: async () => {
        removals += 1;
        throw new InvalidValueError('keys', 'not a picture key');
      },
    };
    const handler = new OutboxEventHandler(
      {
        mails: {
          sendEmail: { execute: (email) => smtp.send(email) },
          deliverSelfMail: { execute: async () => {} },
          markSelfMailFailed: { execute: async () => {} },
        },
        decks: { buildDeck: { execute: async () => null }, placeSockInDecks: { execute: async () => 0 } },
      },
      refusing,
      { publicUrl: 'http://localhost:3000' },
      { publish: async () => {} },
    );
    const event = anEvent(randomUUID(), { type: 'picture-files.delete', keys: ['nope'] });
    startWorker(handler);

    await dispatcher.dispatch([event]);

    await eventually(async () => expect((await stateOf(event.id)).state).toBe('failed'));
    expect(removals).toBe(1);
    expect((await dispatcher.queue.getJob(event.id))?.failedReason).toBe('not a picture key');
  });

  it('refuses a job whose data is not an outbox event, without retrying it', async () => {
    const processor = new ScriptedProcessor();
    startWorker(processor);

    const job = await dispatcher.queue.add('email.send', { hello: 'world' } as never, { attempts: 3 });

    await eventually(async () => expect((await stateOf(job.id!)).state).toBe('failed'));
    expect(processor.calls).toEqual([]);
    expect((await stateOf(job.id!)).attemptsMade).toBe(1);
  });

  it('reports the queue depth: jobs not yet taken', async () => {
    const processor = new ScriptedProcessor();
    const events: OutboxEvent[] = ['ann', 'bob', 'cat'].map((u) => anEvent(randomUUID(), matchMadeEmail(u)));
    await dispatcher.dispatch(events);
    const idle = new BullMqWorker(CONSUMER, QUEUE, prefix, processor, log.logger);
    worker = idle;

    expect(await idle.queueDepth()).toBe(3);
    idle.start();
    await eventually(() => expect(processor.completed).toHaveLength(3));
    expect(await idle.queueDepth()).toBe(0);
  });

  it('close waits for the running job to finish', async () => {
    const processor = new ScriptedProcessor();
    const gate = deferred();
    processor.gate = gate.promise;
    const event = anEvent(randomUUID(), matchMadeEmail('sam'));
    const running = startWorker(processor);
    await dispatcher.dispatch([event]);
    await eventually(() => processor.calls.length === 1);

    let closed = false;
    const closing = running.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed).toBe(false);
    gate.resolve();
    await closing;
    worker = undefined;

    expect(processor.completed).toEqual([event.id]);
    expect((await stateOf(event.id)).state).toBe('completed');
  });

  it('fails a dispatch within its timeout while Redis does not answer, so the relay keeps the events', async () => {
    const blackHole = await startBlackHole(); // accepts connections, never replies
    const unresponsive = new BullMqJobDispatcher(
      { host: '127.0.0.1', port: blackHole.port, enableOfflineQueue: false },
      QUEUE,
      prefix,
      { timeoutMs: 300 },
    );
    const started = Date.now();

    await expect(unresponsive.dispatch([anEvent(randomUUID(), matchMadeEmail('sam'))])).rejects.toThrow(
      'Redis did not take the jobs within 300 ms',
    );
    expect(Date.now() - started).toBeLessThan(1500);
    await unresponsive.close();
    await blackHole.close();
  });
});

async function startBlackHole(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
