import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSmtpSink, type SmtpSink } from '../../src/adapters/queue/testing/smtp-sink.js';
import { buildIfStale } from '../support/build.js';
import { createMigratedDatabase, type MigratedDatabase } from '../support/postgres-harness.js';
import { FAULTS_JWT_SECRET, givenPeople, inParallel, like, pairsOf, type Person } from './support/people.js';
import {
  freePort,
  startDeployable,
  until,
  waitUntilReady,
  type DeployableProcess,
} from './support/processes.js';
import { startTestRedis, type TestRedis } from './support/redis-server.js';

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
  let database: MigratedDatabase;
  let redis: TestRedis;
  let sink: SmtpSink;
  const processes: DeployableProcess[] = [];
  let api: string;

  beforeAll(async () => {
    buildIfStale();
    [database, redis, sink] = await Promise.all([
      createMigratedDatabase(),
      startTestRedis(),
      startSmtpSink(),
    ]);
    const [apiPort, workerPort] = [await freePort(), await freePort()];
    const env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: database.db.url,
      REDIS_URL: redis.url,
      CHAT_REDIS_URL: redis.url,
      SMTP_URL: sink.url,
      JWT_SECRET: FAULTS_JWT_SECRET,
      SESSION_SECRET: 'fault tests session secret, 32+ characters!',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'hotsox-faults-data-')),
      MEDIA_DIR: mkdtempSync(join(tmpdir(), 'hotsox-faults-media-')),
    };
    const app = startDeployable('api', { ...env, PORT: String(apiPort) });
    const worker = startDeployable('api-worker', { ...env, HEALTH_PORT: String(workerPort) });
    processes.push(app, worker);
    await Promise.all([
      waitUntilReady(app, `http://127.0.0.1:${apiPort}/readyz`),
      waitUntilReady(worker, `http://127.0.0.1:${workerPort}/readyz`),
    ]);
    api = `http://127.0.0.1:${apiPort}/fastify/v1`;
  });

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await Promise.all([redis?.dispose(), sink?.close()]);
    await database?.dispose();
  });

  it('fails no request and delivers every email exactly once', async () => {
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
