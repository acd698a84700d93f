import { AsyncLocalStorage } from 'node:async_hooks';
import { createTestKit } from '../../application/testing/test-kit.js';
import { InvalidValueError } from '../../domain/shared/domain-error.js';
import { InProcessJobDispatcher } from './in-process-job-dispatcher.js';
import { backoffDelay } from './job-dispatcher.js';
import { deferred } from './testing/eventually.js';
import { anEvent, givenQueuedMail, handlerOver, matchMadeEmail } from './testing/handler-fixture.js';
import { recordingLogger } from './testing/recording-logger.js';
import { ScriptedProcessor } from './testing/scripted-processor.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const eventA = anEvent(A, matchMadeEmail('sam'));
const eventB = anEvent(B, { type: 'picture-files.delete', keys: ['pictures/1.webp'] });

function setUp(options: { attempts?: number; backoffMs?: number } = {}) {
  const processor = new ScriptedProcessor();
  const log = recordingLogger();
  const dispatcher = new InProcessJobDispatcher(processor, log.logger, { backoffMs: 5, ...options });
  return { processor, log, dispatcher };
}

describe('InProcessJobDispatcher', () => {
  it('returns before the events are processed, and processes each once', async () => {
    const { processor, dispatcher } = setUp();
    const gate = deferred();
    processor.gate = gate.promise;

    await dispatcher.dispatch([eventA, eventB]);
    expect(processor.completed).toEqual([]);
    gate.resolve();
    await dispatcher.drain();

    expect(processor.completed.sort()).toEqual([A, B]);
    expect(processor.calls).toHaveLength(2);
    expect(processor.givenUp).toEqual([]);
  });

  it('retries a failing event with exponential backoff until it succeeds', async () => {
    const { processor, dispatcher, log } = setUp({ backoffMs: 20 });
    processor.failNext(A, new Error('SMTP down'), new Error('SMTP still down'));

    await dispatcher.dispatch([eventA]);
    await dispatcher.drain();

    const times = processor.calls.map((c) => c.at);
    expect(times).toHaveLength(3);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(18);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(38);
    expect(processor.givenUp).toEqual([]);
    expect(log.at('warn').map((l) => l.attempt)).toEqual([1, 2]);
    expect(log.at('error')).toEqual([]);
  });

  it('gives up after the last attempt, once', async () => {
    const { processor, dispatcher, log } = setUp({ attempts: 3 });
    processor.alwaysFail = new Error('SMTP down');

    await dispatcher.dispatch([eventA]);
    await dispatcher.drain();

    expect(processor.callsOf(A)).toBe(3);
    expect(processor.givenUp).toEqual([A]);
    expect(log.at('error')).toHaveLength(1);
    expect(log.at('error')[0]).toMatchObject({ eventId: A, attempt: 3, msg: 'outbox job failed for good' });
  });

  it('does not retry a domain error', async () => {
    const { processor, dispatcher } = setUp();
    processor.failNext(A, new InvalidValueError('keys', 'bad'));

    await dispatcher.dispatch([eventA]);
    await dispatcher.drain();

    expect(processor.callsOf(A)).toBe(1);
    expect(processor.givenUp).toEqual([A]);
  });

  it('does not start an event that is still running here a second time', async () => {
    const { processor, dispatcher } = setUp();
    const gate = deferred();
    processor.gate = gate.promise;

    await dispatcher.dispatch([eventA]);
    await dispatcher.dispatch([eventA]);
    gate.resolve();
    await dispatcher.drain();

    expect(processor.callsOf(A)).toBe(1);
  });

  it('at close, lets running work finish and gives up the retries still waiting', async () => {
    const { processor, dispatcher, log } = setUp({ backoffMs: 60_000 });
    processor.failNext(A, new Error('SMTP down'));

    await dispatcher.dispatch([eventA, eventB]);
    await new Promise((resolve) => setTimeout(resolve, 20)); // A now waits a minute for its retry
    const started = Date.now();
    await dispatcher.close();

    expect(Date.now() - started).toBeLessThan(1000);
    expect(processor.callsOf(A)).toBe(1);
    expect(processor.callsOf(B)).toBe(1);
    expect(processor.givenUp).toEqual([A]);
    expect(log.lines.some((l) => l.msg === 'outbox job abandoned at shutdown')).toBe(true);
    await expect(dispatcher.dispatch([eventB])).rejects.toThrow('closed');
  });

  it("runs jobs outside the caller's async context: a job never joins the relay's transaction", async () => {
    const transaction = new AsyncLocalStorage<string>();
    const { processor, dispatcher } = setUp();
    const seen: (string | undefined)[] = [];
    processor.handle = async () => void seen.push(transaction.getStore());

    await transaction.run('the relay unit of work', () => dispatcher.dispatch([eventA]));
    await dispatcher.drain();

    expect(seen).toEqual([undefined]);
  });

  it('logs a failing give-up instead of losing it in an unhandled rejection', async () => {
    const { processor, dispatcher, log } = setUp({ attempts: 1 });
    processor.alwaysFail = new Error('SMTP down');
    processor.giveUp = () => Promise.reject(new Error('database down'));

    await dispatcher.dispatch([eventA]);
    await dispatcher.drain();

    expect(log.lines.some((l) => l.msg === 'recording a failed outbox job failed')).toBe(true);
  });

  describe('with the real handler', () => {
    it('marks a self-mail failed once SMTP failed on every attempt', async () => {
      const kit = createTestKit();
      const handler = handlerOver(kit);
      const mail = await givenQueuedMail(kit, await kit.givenUser());
      kit.emailSender.failNext = 3;
      const dispatcher = new InProcessJobDispatcher(handler, recordingLogger().logger, {
        attempts: 3,
        backoffMs: 1,
      });

      await dispatcher.dispatch([anEvent(A, { type: 'self-mail.send', mailId: mail.id })]);
      await dispatcher.drain();

      expect(kit.emailSender.sent).toEqual([]);
      expect((await kit.mails.findById(mail.id))?.status).toBe('failed');
    });

    it('sends a self-mail once SMTP is back within the attempts', async () => {
      const kit = createTestKit();
      const handler = handlerOver(kit);
      const mail = await givenQueuedMail(kit, await kit.givenUser());
      kit.emailSender.failNext = 2;
      const dispatcher = new InProcessJobDispatcher(handler, recordingLogger().logger, {
        attempts: 3,
        backoffMs: 1,
      });

      await dispatcher.dispatch([anEvent(A, { type: 'self-mail.send', mailId: mail.id })]);
      await dispatcher.drain();

      expect(kit.emailSender.sent.map((e) => e.id)).toEqual([mail.id]);
      expect((await kit.mails.findById(mail.id))?.status).toBe('sent');
    });
  });
});

describe('backoffDelay', () => {
  it('doubles from the base after each failure: 1 s, 2 s, 4 s, 8 s', () => {
    expect([1, 2, 3, 4].map((failures) => backoffDelay(failures, 1000))).toEqual([1000, 2000, 4000, 8000]);
  });
});
