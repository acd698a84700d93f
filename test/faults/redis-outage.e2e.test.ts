import { startFaultStack, type FaultStack } from './support/fault-stack.js';
import { givenPeople, inParallel, like, pairsOf, type Person } from './support/people.js';
import { until } from './support/processes.js';

const PEOPLE = 33; // 528 pairs: 528 matches, 1056 emails
const OUTAGE_MS = 10_000;

jest.setTimeout(180_000);

/**
 * The api app and its worker as real processes on their own Redis (AOF on, as deployed). Its
 * Redis is stopped during a burst of more than 500 matches and started again after 10 s: no
 * request fails (swipes need only PostgreSQL; the relay keeps events pending meanwhile), and
 * every match email arrives at the SMTP sink exactly once.
 */
describe('a Redis outage during a burst of matches', () => {
  let stack: FaultStack;
  let api: string;

  beforeAll(async () => {
    stack = await startFaultStack();
    const [{ port }] = await Promise.all([stack.start('api'), stack.start('api-worker')]);
    api = `http://127.0.0.1:${port}/fastify/v1`;
  });

  afterAll(async () => {
    await stack?.dispose();
  });

  it('fails no request and delivers every email exactly once', async () => {
    const { database, redis, sink } = stack;
    const people = await givenPeople(database.orm, PEOPLE, 'outage');
    const pairs = pairsOf(people);
    expect(pairs.length).toBeGreaterThanOrEqual(500);
    const failures: string[] = [];
    let matches = 0;
    const match = async ([a, b]: [Person, Person]) => {
      for (const [from, to] of [
        [a, b],
        [b, a],
      ] as const) {
        const result = await like(api, from, to).catch((error: unknown) => ({
          status: 0,
          body: String(error),
        }));
        if (result.status !== 201) failures.push(`${result.status} ${JSON.stringify(result.body)}`);
        else if ((result.body as { match: unknown }).match) matches += 1;
      }
    };

    const t0 = Date.now();
    const mark = (what: string) =>
      process.stdout.write(
        `redis outage: ${what} at ${Date.now() - t0} ms (${sink.received.length} emails)\n`,
      );
    await inParallel(pairs.slice(0, 150), 6, match);
    mark('150 matches');
    await redis.stop();
    const stoppedAt = Date.now();
    await inParallel(pairs.slice(150, 400), 6, match);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, stoppedAt + OUTAGE_MS - Date.now())));
    mark('outage over');
    await redis.start();
    await inParallel(pairs.slice(400), 6, match);
    mark('burst done');

    expect(failures).toEqual([]);
    expect(matches).toBe(pairs.length);
    const expected = pairs.length * 2;
    await until(
      () => sink.received.length >= expected,
      90_000,
      () => `${sink.received.length} of ${expected} emails arrived`,
    );
    mark('emails in');
    await new Promise((resolve) => setTimeout(resolve, 1000)); // a duplicate would come now

    const perEmail = [...sink.counts().values()];
    expect(perEmail.filter((n) => n > 1)).toEqual([]);
    expect(sink.received).toHaveLength(expected);
    const recipients = sink.received.flatMap((m) => m.envelopeTo).sort();
    expect(recipients).toEqual(pairs.flatMap(([a, b]) => [a.email, b.email]).sort());
  });
});
