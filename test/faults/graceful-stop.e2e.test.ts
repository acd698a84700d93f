import { request } from 'node:http';
import { Queue } from 'bullmq';
import { JOB_QUEUE, jobPrefix } from '../../src/main/background.js';
import { givenPeople } from './support/people.js';
import { startFaultStack, welcomeEmail, type FaultStack } from './support/fault-stack.js';
import { until } from './support/processes.js';

const EMAILS = 12;

jest.setTimeout(120_000);

/**
 * SIGTERM drains: a worker finishes the jobs it is running (the emails it is sending arrive)
 * before it exits, leaves the others waiting and nothing stalled; an app answers the request it
 * is reading before it exits. Exit code 0 both times.
 */
describe('stopping with SIGTERM', () => {
  let stack: FaultStack;

  beforeAll(async () => {
    stack = await startFaultStack();
  });

  afterAll(async () => {
    await stack?.dispose();
  });

  it('lets a worker finish its running jobs, leaving nothing stalled, and the next worker the rest', async () => {
    const { sink } = stack;
    const queue = new Queue(JOB_QUEUE, { connection: { url: stack.redis.url }, prefix: jobPrefix('web') });
    try {
      await stack.start('web');
      const { process: worker } = await stack.start('web-worker');
      sink.pauseAfter(0);
      await stack.addEvents(Array.from({ length: EMAILS }, (_, i) => welcomeEmail(`drain${i}`)));
      await until(
        () => sink.held() >= 5,
        30_000,
        () => `${sink.held()} emails held`,
      );
      const running = await queue.getActiveCount();
      expect(running).toBeGreaterThanOrEqual(5);

      worker.child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(worker.child.exitCode).toBeNull(); // still sending
      sink.resume();

      expect(await worker.exited).toBe(0);
      expect(sink.received).toHaveLength(running); // what it was running, and nothing else
      const counts = await queue.getJobCounts('active', 'waiting', 'completed', 'failed');
      expect(counts).toEqual({ active: 0, waiting: EMAILS - running, completed: running, failed: 0 });

      await stack.start('web-worker');
      await until(
        () => sink.received.length >= EMAILS,
        30_000,
        () => `${sink.received.length} of ${EMAILS}`,
      );
      expect([...sink.counts().values()].filter((n) => n !== 1)).toEqual([]);
    } finally {
      await queue.close();
    }
  });

  it('lets an app answer the request it is reading before it exits', async () => {
    const [sam] = await givenPeople(stack.database.orm, 1, 'slowposter');
    if (!sam) throw new Error('no person');
    const { process: app, port } = await stack.start('web');
    const body = JSON.stringify({ subject: 'Sent while stopping', content: 'x'.repeat(2000) });

    const answer = new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/v1/users/me/mails',
          method: 'POST',
          headers: {
            authorization: `Bearer ${sam.token}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 100));
      setTimeout(() => {
        app.child.kill('SIGTERM'); // half the body is in
        setTimeout(() => req.end(body.slice(100)), 1000);
      }, 300);
    });

    expect(await answer).toBe(202);
    expect(await app.exited).toBe(0);
  });
});
