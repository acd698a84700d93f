import { startFaultStack, welcomeEmail, type FaultStack } from './support/fault-stack.js';
import { until } from './support/processes.js';

const EMAILS = 40;

jest.setTimeout(120_000);

/**
 * `kill -9` of the web-worker while it is sending: some emails went out before, five are on the
 * wire (the sink holds them, unanswered), the rest wait in the queue. After a new worker starts,
 * every email has arrived exactly once: the held ones were never acknowledged (the client died),
 * so their jobs (stalled, then taken again) send them; the ones acknowledged and logged are not
 * sent again.
 */
describe('a worker killed in the middle of sending', () => {
  let stack: FaultStack;

  beforeAll(async () => {
    stack = await startFaultStack();
  });

  afterAll(async () => {
    await stack?.dispose();
  });

  it('sends each email exactly once after it restarts', async () => {
    const { sink } = stack;
    await stack.start('web'); // its relay moves the events to the queue
    const { process: worker } = await stack.start('web-worker');

    sink.pauseAfter(10);
    await stack.addEvents(Array.from({ length: EMAILS }, (_, i) => welcomeEmail(`crash${i}`)));
    // every pooled SMTP connection (5) now carries an unanswered message: no job is between the
    // server's 250 and its log record
    await until(
      () => sink.held() >= 5,
      30_000,
      () => `${sink.held()} emails held`,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const before = sink.received.length;
    expect(await worker.stop('SIGKILL')).toBe('SIGKILL');
    await until(
      () => sink.openSessions() === 0,
      10_000,
      () => `${sink.openSessions()} SMTP sessions open`,
    );
    sink.resume(); // the held messages' client is gone: none of them counts
    expect(sink.received).toHaveLength(before);

    await stack.start('web-worker');
    await until(
      () => sink.received.length >= EMAILS,
      60_000,
      () => `${sink.received.length} of ${EMAILS} emails arrived`,
    );
    await new Promise((resolve) => setTimeout(resolve, 1000)); // a duplicate would come now

    expect([...sink.counts().values()].filter((n) => n !== 1)).toEqual([]);
    expect(sink.received.flatMap((m) => m.envelopeTo).sort()).toEqual(
      Array.from({ length: EMAILS }, (_, i) => `crash${i}@example.com`).sort(),
    );
    // the held ones were tried twice: once by the killed worker, once after
    expect(sink.attempts.length).toBeGreaterThanOrEqual(EMAILS + 5);
  });
});
