/**
 * `npm run bench:email`: how many match emails per second get through both worker pairs, and how
 * long an email takes from the commit of its match to its arrival at an SMTP server.
 *
 * 1. Creates a throwaway PostgreSQL database (dropped at the end) and migrates it; claims a Redis
 *    database index (1–15) empty on both web's and api's Redis, so the apps' queues
 *    (`hotsox-web:*`, `hotsox-api:*`), sessions and throttle keys stay apart from anything else on
 *    those servers (its `hotsox*` keys are deleted at the end; nothing else is flushed); starts an
 *    SMTP sink in this process that records when each email arrived, its recipient and Message-ID.
 * 2. Starts the four deployables from dist/ as the native stack runs them: web (Express) and api
 *    (Fastify), each with its outbox relay, web-worker and api-worker (NODE_ENV=production,
 *    REDIS_URL web's / api's Redis, CHAT_REDIS_URL web's, API_REDIS_URL api's for the web app,
 *    SMTP_URL the sink, LOG_LEVEL=warn into log files), and waits for every `/readyz`.
 * 3. Per phase, seeds the users it needs through both APIs (sign-up with notifications on, log-in,
 *    one sock with a picture each; n users give n(n−1)/2 pairs, and a pair of users matches once)
 *    and sends the first like of each of its pairs (no match yet). Then it waits until the workers
 *    are idle (queue depth 0 on both workers' /metrics, no email for 2 s: the seeding's welcome
 *    emails and deck jobs are done).
 * 4. Main phase: sends the like back for `--matches` pairs at `--rate` per second (open loop, at
 *    most `--concurrency` in flight), half through Express (`/api/v1`: web's relay, web's Redis and
 *    web-worker carry the emails) and half through Fastify (`/fastify/v1`: api's relay, api's Redis
 *    and api-worker). A match's commit time is when the answer to the swipe that made it arrived
 *    (the transaction committed before the answer; an email may beat the answer when the app is
 *    slow to answer, so the report also counts those, and measures from the swipe being sent as an
 *    upper bound). Each match emails both users (`match-made`); an email is tied to its match by
 *    recipient and by the other user's name in its subject.
 * 5. Saturation phase: the same with the likes sent as fast as `--saturation-concurrency` requests
 *    in flight allow. By default it runs (600 matches) only when the main phase kept up: when the
 *    main phase left the workers a backlog, the rate at which they drained it after the last
 *    commit already is the most they do. `--saturation-matches N` runs it with N matches whatever
 *    happened, `--saturation-matches 0` never.
 * 6. Reports per phase: emails/s (emails arrived ÷ time from the first match commit to the last
 *    email), the steady rate (between the 10th and 90th percentile arrivals), the drain rate (after
 *    the last commit, when a tenth of the emails or more came then), p50/p95/p99/max from commit to
 *    arrival (also per API), missing and duplicate emails (per match and recipient, and by
 *    Message-ID), the swipe answer times, the workers' largest queue depth, SMTP connections per
 *    email and the SMTP round trips as the sink saw them, and the CPU of each process, of PostgreSQL and of the whole machine. Stops
 *    every process with SIGTERM (apps first, then workers) and drops the database, also on an error
 *    or Ctrl-C.
 *
 *   npm run bench:email -- [--rate 100] [--matches 600 | --duration 6] [--saturation-matches N]
 *                          [--concurrency 64] [--saturation-concurrency 16] [--json artifacts/bench/email.json]
 *
 * `--json` writes `{"emailsPerSecond", "matchToEmailP95Ms", …}` of the main phase, the most emails/s
 * measured, and every figure of both phases.
 *
 * Environment: BENCH_PG_URL (postgres://postgres@127.0.0.1:5432/postgres), BENCH_WEB_REDIS_URL
 * (redis://127.0.0.1:6379), BENCH_API_REDIS_URL (redis://127.0.0.1:6380), BENCH_CPU_PROF=<dir>,
 * BENCH_SMTP_QUERY (nodemailer options appended to the workers' SMTP_URL, e.g. `pool=false`: a
 * connection per email).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { logTail, startAppProcess, type AppProcess } from './support/app-processes.js';
import { cpuBetween, cpuByPid, ownCpuSeconds, processCpuSeconds } from './support/cpu.js';
import { createBenchDatabase, openProbe, type DatabaseProbe } from './support/database.js';
import { round, writeJsonFile } from './support/json-file.js';
import { startMailSink, type ArrivedMail, type MailSink } from './support/mail-sink.js';
import { MATCH_USERNAME_PATTERN, seedMatchUsers, type MatchUser } from './support/match-seed.js';
import { machineCpu, machineCpuPercent, type MachineCpu } from './support/machine-cpu.js';
import { paced } from './support/pace.js';
import { Progress } from './support/progress.js';
import { Random } from './support/random.js';
import { claimRedisDatabase } from './support/redis-database.js';
import { fixed, table } from './support/report.js';
import { inParallel } from './support/seed.js';
import { summarize, type Timing } from './support/timing.js';

const { values: args } = parseArgs({
  options: {
    json: { type: 'string' },
    rate: { type: 'string' },
    matches: { type: 'string' },
    duration: { type: 'string' },
    'saturation-matches': { type: 'string' },
    concurrency: { type: 'string' },
    'saturation-concurrency': { type: 'string' },
  },
});

const positive = (name: string, raw: string | undefined, fallback: number, whole = true): number => {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (whole && !Number.isInteger(value))) {
    throw new Error(`--${name} must be a ${whole ? 'whole ' : ''}number ≥ 0, got ${JSON.stringify(raw)}`);
  }
  return value;
};

const rate = Math.max(0.1, positive('rate', args.rate, 100, false));
const duration = args.duration === undefined ? null : positive('duration', args.duration, 10, false);
const settings = {
  adminUrl: process.env['BENCH_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  webRedisUrl: process.env['BENCH_WEB_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
  apiRedisUrl: process.env['BENCH_API_REDIS_URL'] ?? 'redis://127.0.0.1:6380',
  /** Offered matches per second in the main phase. */
  rate,
  /** Matches in the main phase (`--duration` × `--rate` when a duration is given). */
  matches: Math.max(
    2,
    duration === null ? positive('matches', args.matches, 600) : Math.round(duration * rate),
  ),
  /** null: automatic (run only when the main phase did not saturate the workers). */
  saturationMatches:
    args['saturation-matches'] === undefined
      ? null
      : positive('saturation-matches', args['saturation-matches'], 0),
  /** At most this many swipes in flight in the main phase (it falls behind the rate beyond). */
  concurrency: Math.max(1, positive('concurrency', args.concurrency, 64)),
  saturationConcurrency: Math.max(1, positive('saturation-concurrency', args['saturation-concurrency'], 16)),
};

const TARGET_P95_MS = 2000;
/** Matches of the automatic saturation phase. */
const AUTO_SATURATION_MATCHES = 600;
const EXPRESS_BASE = '/api/v1';
const FASTIFY_BASE = '/fastify/v1';
/** `dist/src/main/` seen from `dist/scripts/bench/`. */
const MAIN_DIR = resolve(__dirname, '../../src/main');
/** A phase gives up waiting for its emails when none arrived for this long. */
const STALL_MS = 20_000;
const MAX_WAIT_AFTER_LAST_COMMIT_MS = 120_000;

type Side = 'express' | 'fastify';
type ProcessName = 'web' | 'api' | 'web-worker' | 'api-worker';

interface Pair {
  /** Liked first, while seeding (no match yet). */
  readonly first: MatchUser;
  /** Likes back during a phase: that swipe makes the match. */
  readonly second: MatchUser;
  /** The API the match-making swipe goes through, so the worker pair that carries its emails. */
  readonly side: Side;
  readonly phase: string;
  matchId: string | null;
  /** `performance.now()` when the match-making swipe was sent: the commit came after. */
  sentAt: number | null;
  /** `performance.now()` when the answer to the match-making swipe arrived: the commit came before. */
  committedAt: number | null;
  /** Emails that arrived for this match, by recipient email. */
  readonly arrivals: Map<string, ArrivedMail[]>;
}

interface Processes {
  readonly web: AppProcess;
  readonly api: AppProcess;
  readonly webWorker: AppProcess;
  readonly apiWorker: AppProcess;
}

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s`;
const say = (line: string) => process.stdout.write(`[bench ${elapsed()}] ${line}\n`);

async function main(): Promise<void> {
  say(
    `Node ${process.version}, ${availableParallelism()} CPU(s) (${cpus()[0]?.model.trim() ?? 'unknown'}), ` +
      `load average ${loadAverage()}; main phase ${settings.matches} matches at ${settings.rate}/s ` +
      `(≤ ${settings.concurrency} swipes in flight)` +
      (settings.saturationMatches === 0
        ? ''
        : `, saturation phase ${settings.saturationMatches ?? `${AUTO_SATURATION_MATCHES} matches if the main phase kept up`}` +
          `${settings.saturationMatches === null ? '' : ' matches'}, ${settings.saturationConcurrency} in flight`),
  );
  const cleanups: Array<{ name: string; run: () => Promise<unknown> }> = [];
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      for (const cleanup of cleanups.splice(0).reverse()) {
        await cleanup.run().catch((error: unknown) => say(`cleanup (${cleanup.name}): ${String(error)}`));
      }
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      say(`${signal}: stopping the processes and dropping the database`);
      void cleanUp().then(() => process.exit(130));
    });
  }
  try {
    const database = await createBenchDatabase(settings.adminUrl);
    cleanups.push({ name: 'database', run: () => database.drop() });
    say(`created and migrated database ${database.name}`);
    const redis = await claimRedisDatabase([settings.webRedisUrl, settings.apiRedisUrl]);
    cleanups.push({
      name: 'redis',
      run: async () => {
        const left = await redis.release();
        if (left > 0) say(`Redis database ${redis.db}: ${left} keys not written by the bench were left`);
      },
    });
    say(
      `using Redis database ${redis.db} on ${settings.webRedisUrl} (web) and ${settings.apiRedisUrl} (api)`,
    );
    const sink = await startMailSink();
    cleanups.push({ name: 'mail sink', run: () => sink.close() });
    const dataDir = await mkdtemp(join(tmpdir(), 'hotsox-bench-email-'));
    cleanups.push({ name: 'data dir', run: () => rm(dataDir, { recursive: true, force: true }) });

    const processes = await startProcesses({
      databaseUrl: database.url,
      webRedisUrl: redis.urlFor(settings.webRedisUrl),
      apiRedisUrl: redis.urlFor(settings.apiRedisUrl),
      smtpUrl: process.env['BENCH_SMTP_QUERY'] ? `${sink.url}?${process.env['BENCH_SMTP_QUERY']}` : sink.url,
      dataDir,
    });
    cleanups.push({ name: 'processes', run: () => stopProcesses(processes) });

    const probe = await openProbe(database.url);
    cleanups.push({ name: 'database probe', run: () => probe.close() });
    const result = await runBench(processes, sink, probe).catch((error: unknown) => {
      for (const child of Object.values(processes)) {
        const tail = logTail(child.logFile, 10);
        if (tail) process.stdout.write(`--- ${child.name} log (last lines)\n${tail}\n`);
      }
      throw error;
    });
    const logProblems = countLogProblems(processes);
    const summary = report(result, logProblems);
    if (args.json) say(`wrote ${await writeJsonFile(args.json, summary)}`);
  } finally {
    await cleanUp();
  }
}

async function startProcesses(at: {
  databaseUrl: string;
  webRedisUrl: string;
  apiRedisUrl: string;
  smtpUrl: string;
  dataDir: string;
}): Promise<Processes> {
  const { PORT: _port, HEALTH_PORT: _health, API_REDIS_URL: _apiRedis, ...inherited } = process.env;
  const base: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_ENV: 'production',
    DATABASE_URL: at.databaseUrl,
    CHAT_REDIS_URL: at.webRedisUrl,
    SMTP_URL: at.smtpUrl,
    DATA_DIR: at.dataDir,
    MEDIA_DIR: join(at.dataDir, 'media'),
    LOG_LEVEL: 'warn',
    JWT_SECRET: randomBytes(32).toString('base64url'),
    SESSION_SECRET: randomBytes(32).toString('base64url'),
  };
  const start = (name: ProcessName, side: 'web' | 'api', portVariable: 'PORT' | 'HEALTH_PORT') =>
    startAppProcess({
      name,
      script: join(MAIN_DIR, `${name}.js`),
      env: {
        ...base,
        REDIS_URL: side === 'web' ? at.webRedisUrl : at.apiRedisUrl,
        // As `npm run stack` does: the web app's queue dashboard also shows the api's queue.
        ...(name === 'web' ? { API_REDIS_URL: at.apiRedisUrl } : {}),
      },
      portVariable,
      logFile: join(at.dataDir, `${name}.log`),
    });
  const started = await Promise.allSettled([
    start('web', 'web', 'PORT'),
    start('api', 'api', 'PORT'),
    start('web-worker', 'web', 'HEALTH_PORT'),
    start('api-worker', 'api', 'HEALTH_PORT'),
  ]);
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await Promise.all(
      started.map((s) => (s.status === 'fulfilled' ? s.value.stop() : Promise.resolve('not started'))),
    );
    throw failed.reason;
  }
  const [web, api, webWorker, apiWorker] = started.map(
    (s) => (s as PromiseFulfilledResult<AppProcess>).value,
  ) as [AppProcess, AppProcess, AppProcess, AppProcess];
  say(
    `ready: web ${web.origin}, api ${api.origin}, web-worker ${webWorker.origin}, api-worker ${apiWorker.origin}`,
  );
  return { web, api, webWorker, apiWorker };
}

/** The apps first (their relays stop taking events), then the workers (they finish their jobs). */
async function stopProcesses(p: Processes): Promise<void> {
  const stop = async (group: AppProcess[]) => {
    const ends = await Promise.all(group.map((child) => child.stop()));
    const unclean = group
      .map((child, i) => [child.name, ends[i]] as const)
      .filter(([, how]) => how !== 'exit code 0');
    for (const [name, how] of unclean) say(`${name} ended with ${how}`);
  };
  await stop([p.web, p.api]);
  await stop([p.webWorker, p.apiWorker]);
  say('stopped web, api, web-worker and api-worker');
}

interface BenchResult {
  readonly main: PhaseResult;
  readonly saturation: PhaseResult | null;
  readonly users: number;
}

async function runBench(processes: Processes, sink: MailSink, probe: DatabaseProbe): Promise<BenchResult> {
  const bases = {
    express: `${processes.web.origin}${EXPRESS_BASE}`,
    fastify: `${processes.api.origin}${FASTIFY_BASE}`,
  };
  const random = new Random(99);
  const users: MatchUser[] = [];
  /** Pairs of seeded users no phase has used yet, shuffled. */
  let unused: Array<[MatchUser, MatchUser]> = [];
  const mail = new MailIndex(sink);
  /** Seeds users until `count` unused pairs exist, then takes them for `phase`. */
  const takePairs = async (phase: string, count: number): Promise<Pair[]> => {
    const before = users.length;
    // n more users bring n·before + n(n−1)/2 pairs, each of which can match once.
    let more = 0;
    while (unused.length + more * before + (more * (more - 1)) / 2 < count) more += 1;
    if (more > 0) {
      const seeding = new Progress(`seeding users (${phase})`, 2_000);
      const added = await seedMatchUsers([bases.express, bases.fastify], before, more, (done, total) =>
        seeding.update(done, total, `${done}/${total} users with a pictured sock`),
      );
      users.push(...added);
      mail.addUsers(added);
      const fresh: Array<[MatchUser, MatchUser]> = [];
      for (let j = before; j < users.length; j += 1) {
        for (let i = 0; i < j; i += 1) fresh.push([users[i] as MatchUser, users[j] as MatchUser]);
      }
      unused = random.shuffle([...unused, ...fresh]);
      seeding.finish(`${users.length} users in all`);
    }
    const pairs = unused.splice(0, count).map(([a, b], i): Pair => {
      const swap = random.next() < 0.5;
      return {
        first: swap ? b : a,
        second: swap ? a : b,
        side: i % 2 === 0 ? 'express' : 'fastify',
        phase,
        matchId: null,
        sentAt: null,
        committedAt: null,
        arrivals: new Map(),
      };
    });
    mail.addPairs(pairs);
    await likeFirst(pairs, bases);
    await waitUntilIdle(processes, sink, mail);
    return pairs;
  };

  const mainPairs = await takePairs('main', settings.matches);
  const main = await runPhase(
    'main',
    mainPairs,
    settings.rate,
    settings.concurrency,
    bases,
    processes,
    sink,
    mail,
    probe,
  );

  let saturation: PhaseResult | null = null;
  const saturationMatches = settings.saturationMatches ?? AUTO_SATURATION_MATCHES;
  if (settings.saturationMatches === null && figuresOf(main).drainEmailsPerSecond !== null) {
    say(
      'saturation phase skipped: the main phase already left the workers a backlog, whose drain rate is ' +
        'the most they do (--saturation-matches N runs it anyway)',
    );
  } else if (saturationMatches > 0) {
    const saturationPairs = await takePairs('saturation', saturationMatches);
    saturation = await runPhase(
      'saturation',
      saturationPairs,
      Number.POSITIVE_INFINITY,
      settings.saturationConcurrency,
      bases,
      processes,
      sink,
      mail,
      probe,
    );
  }
  return { main, saturation, users: users.length };
}

/** The first like of every pair (no match yet), through both APIs. */
async function likeFirst(pairs: readonly Pair[], bases: Record<Side, string>): Promise<void> {
  const progress = new Progress(`first likes (${pairs[0]?.phase ?? ''})`, 2_000);
  let liked = 0;
  await inParallel(pairs, 16, async (pair, i) => {
    const response = await swipe(i % 2 === 0 ? bases.express : bases.fastify, pair.first, pair.second);
    if (response.status !== 201)
      throw new Error(`a first like answered ${response.status}: ${response.text}`);
    liked += 1;
    progress.update(liked, pairs.length, `${liked}/${pairs.length} likes`);
  });
  progress.finish(`${pairs.length} likes, none a match yet`);
}

/** Ties the sink's emails to the pairs: by recipient, and by the other user's name in the subject. */
class MailIndex {
  private readonly usersByEmail = new Map<string, MatchUser>();
  private readonly pairsByKey = new Map<string, Pair>();
  private seen = 0;
  /** Emails that belong to no pair of the bench (welcome emails, …). */
  other = 0;
  lastArrivalAt = performance.now();

  constructor(private readonly sink: MailSink) {}

  addUsers(users: readonly MatchUser[]): void {
    for (const user of users) this.usersByEmail.set(user.email, user);
  }

  addPairs(pairs: readonly Pair[]): void {
    for (const pair of pairs) {
      this.pairsByKey.set(key(pair.first.email, pair.second.username), pair);
      this.pairsByKey.set(key(pair.second.email, pair.first.username), pair);
    }
  }

  /** Takes in the emails that arrived since the last call. */
  update(): void {
    const received = this.sink.received;
    for (; this.seen < received.length; this.seen += 1) {
      const mail = received[this.seen] as ArrivedMail;
      this.lastArrivalAt = Math.max(this.lastArrivalAt, mail.at);
      for (const to of mail.to) {
        const recipient = this.usersByEmail.get(to);
        const names = [...mail.subject.matchAll(MATCH_USERNAME_PATTERN)].map((m) => m[0]);
        const pair = names
          .filter((name) => name !== recipient?.username)
          .map((name) => this.pairsByKey.get(key(to, name)))
          .find((p) => p !== undefined);
        if (!pair) {
          this.other += 1;
          continue;
        }
        const list = pair.arrivals.get(to) ?? [];
        list.push(mail);
        pair.arrivals.set(to, list);
      }
    }
  }
}

const key = (recipientEmail: string, otherUsername: string) => `${recipientEmail}|${otherUsername}`;

async function swipe(
  base: string,
  by: MatchUser,
  target: MatchUser,
): Promise<{ status: number; text: string; answeredAt: number }> {
  const response = await fetch(`${base}/socks/${by.sockId}/swipes`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${by.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ targetSockId: target.sockId, decision: 'like' }),
  });
  const answeredAt = performance.now();
  return { status: response.status, text: await response.text(), answeredAt };
}

interface QueueDepths {
  readonly web: number;
  readonly api: number;
}

/** Jobs waiting in each worker's queue, from its /metrics (NaN when it cannot tell). */
async function queueDepths(p: Processes): Promise<QueueDepths> {
  const depth = async (worker: AppProcess) => {
    try {
      const text = await (await fetch(`${worker.origin}/metrics`)).text();
      const match = /^hotsox_queue_depth(?:\{[^}]*\})?\s+(\S+)/m.exec(text);
      return match ? Number(match[1]) : Number.NaN;
    } catch {
      return Number.NaN;
    }
  };
  const [web, api] = await Promise.all([depth(p.webWorker), depth(p.apiWorker)]);
  return { web, api };
}

/**
 * Waits until the seeding's jobs are done: both queues empty and no email for 2 s, for 2 s in a
 * row (at most 90 s; then the phase starts anyway, and the report says so).
 */
async function waitUntilIdle(p: Processes, sink: MailSink, mail: MailIndex): Promise<void> {
  const start = performance.now();
  let quietSince: number | null = null;
  let last = '';
  for (;;) {
    mail.update();
    const depths = await queueDepths(p);
    const now = performance.now();
    const idle = !(depths.web > 0) && !(depths.api > 0) && now - mail.lastArrivalAt > 2_000;
    quietSince = idle ? (quietSince ?? now) : null;
    if (quietSince !== null && now - quietSince >= 2_000) {
      say(`workers idle (${sink.received.length} emails so far, ${mail.other} of them no match email)`);
      return;
    }
    const line = `waiting for the workers to be idle: queue depth web ${depths.web}, api ${depths.api}`;
    if (line !== last) say(line);
    last = line;
    if (now - start > 90_000) {
      say('the workers were not idle after 90 s: starting anyway');
      return;
    }
    await sleep(250);
  }
}

/** CPU seconds of each process of the bench so far; `postgres`: the bench database's backends. */
interface CpuSample {
  readonly at: number;
  readonly seconds: Record<CpuName, number | null>;
  readonly postgres: Map<number, number>;
  readonly machine: MachineCpu | null;
}

type CpuName = ProcessName | 'bench';

async function sampleCpu(p: Processes, probe: DatabaseProbe): Promise<CpuSample> {
  const backends = await probe.backendPids().catch(() => [] as number[]);
  return {
    at: performance.now(),
    seconds: {
      web: processCpuSeconds(p.web.pid),
      api: processCpuSeconds(p.api.pid),
      'web-worker': processCpuSeconds(p.webWorker.pid),
      'api-worker': processCpuSeconds(p.apiWorker.pid),
      bench: ownCpuSeconds(),
    },
    postgres: cpuByPid(backends),
    machine: machineCpu(),
  };
}

/** CPU use between two samples, in % of one core: each process, PostgreSQL, the whole machine. */
function cpuPercentBetween(before: CpuSample, after: CpuSample): Record<string, number | null> {
  const wallSeconds = (after.at - before.at) / 1000;
  const percent: Record<string, number | null> = {};
  let ours = 0;
  for (const name of Object.keys(before.seconds) as CpuName[]) {
    const [a, b] = [before.seconds[name], after.seconds[name]];
    percent[name] = a === null || b === null ? null : ((b - a) / wallSeconds) * 100;
    ours += percent[name] ?? 0;
  }
  percent['postgres'] = (cpuBetween(before.postgres, after.postgres) / wallSeconds) * 100;
  ours += percent['postgres'] ?? 0;
  const machine = machineCpuPercent(before.machine, after.machine);
  percent['machine'] = machine;
  // Everything else on the machine: other people's work, Redis, the kernel.
  percent['other'] = machine === null ? null : Math.max(0, machine - ours);
  return percent;
}

interface PhaseResult {
  readonly name: string;
  readonly offeredRate: number;
  readonly pairs: readonly Pair[];
  readonly failures: Readonly<Record<string, number>>;
  readonly swipeAnswerMs: readonly number[];
  readonly cpuPercent: Readonly<Record<string, number | null>>;
  /** Seconds from the first swipe sent to the end of the wait for the emails. */
  readonly wallSeconds: number;
  readonly maxQueueDepth: QueueDepths;
  readonly smtpConnections: number;
  readonly mailsInPhase: number;
  /** Emails of the phase that were no match email of the bench. */
  readonly otherEmails: number;
  readonly gaveUp: boolean;
}

async function runPhase(
  name: string,
  pairs: readonly Pair[],
  perSecond: number,
  maxInFlight: number,
  bases: Record<Side, string>,
  processes: Processes,
  sink: MailSink,
  mail: MailIndex,
  probe: DatabaseProbe,
): Promise<PhaseResult> {
  say(
    `${name} phase: ${pairs.length} matches, ${Number.isFinite(perSecond) ? `${perSecond}/s` : 'as fast as possible'}, ` +
      `≤ ${maxInFlight} swipes in flight, half through Express, half through Fastify`,
  );
  const failures: Record<string, number> = {};
  const swipeAnswerMs: number[] = [];
  let sent = 0;
  let committed = 0;
  let inFlight = 0;
  const maxDepth = { web: 0, api: 0 };
  const cpuBefore = await sampleCpu(processes, probe);
  const otherBefore = mail.other;
  const connectionsBefore = sink.connections();
  const mailsBefore = sink.received.length;
  const arrivedNow = () => {
    mail.update();
    let n = 0;
    for (const pair of pairs) n += pair.arrivals.size;
    return n;
  };
  let sending = true;
  const ticker = (async () => {
    let lastSent = 0;
    let lastArrived = 0;
    let lastTick = performance.now();
    while (sending) {
      await sleep(1000);
      const depths = await queueDepths(processes);
      maxDepth.web = Math.max(maxDepth.web, depths.web || 0);
      maxDepth.api = Math.max(maxDepth.api, depths.api || 0);
      const now = performance.now();
      const arrived = arrivedNow();
      const seconds = (now - lastTick) / 1000;
      say(
        `${name}: ${sent}/${pairs.length} sent (${fixed((sent - lastSent) / seconds)}/s), ${committed} matches, ` +
          `${arrived}/${committed * 2} emails (${fixed((arrived - lastArrived) / seconds)}/s), ` +
          `in flight ${inFlight}, queue depth web ${depths.web} / api ${depths.api}`,
      );
      lastSent = sent;
      lastArrived = arrived;
      lastTick = now;
    }
  })();
  await paced(pairs.length, perSecond, maxInFlight, async (i) => {
    const pair = pairs[i] as Pair;
    sent += 1;
    inFlight += 1;
    const sentAt = performance.now();
    try {
      const response = await swipe(bases[pair.side], pair.second, pair.first);
      swipeAnswerMs.push(response.answeredAt - sentAt);
      if (response.status !== 201) {
        failures[`HTTP ${response.status}`] = (failures[`HTTP ${response.status}`] ?? 0) + 1;
        return;
      }
      const body = JSON.parse(response.text) as { match: { id: string } | null };
      if (!body.match) {
        failures['201 without a match'] = (failures['201 without a match'] ?? 0) + 1;
        return;
      }
      pair.matchId = body.match.id;
      pair.sentAt = sentAt;
      pair.committedAt = response.answeredAt;
      committed += 1;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      failures[reason] = (failures[reason] ?? 0) + 1;
    } finally {
      inFlight -= 1;
    }
  });
  const sendEnded = performance.now();
  say(
    `${name}: all ${pairs.length} swipes answered in ${fixed((sendEnded - cpuBefore.at) / 1000, 1)} s; waiting for the emails`,
  );

  // Wait for every expected email (then a moment more, to catch duplicates), or give up when
  // none arrived for a while.
  let gaveUp = false;
  const expected = committed * 2;
  let lastCount = arrivedNow();
  let lastChange = performance.now();
  while (lastCount < expected) {
    await sleep(100);
    const count = arrivedNow();
    const now = performance.now();
    if (count !== lastCount) {
      lastCount = count;
      lastChange = now;
    }
    if (now - lastChange > STALL_MS || now - sendEnded > MAX_WAIT_AFTER_LAST_COMMIT_MS) {
      gaveUp = true;
      say(
        `${name}: giving up on ${expected - count} emails (the last one arrived ${fixed((now - lastChange) / 1000)} s ago)`,
      );
      break;
    }
  }
  sending = false;
  await ticker;
  if (!gaveUp) await sleep(1_000);
  mail.update();
  const cpuAfter = await sampleCpu(processes, probe);
  return {
    name,
    offeredRate: perSecond,
    pairs,
    failures,
    swipeAnswerMs,
    cpuPercent: cpuPercentBetween(cpuBefore, cpuAfter),
    wallSeconds: (cpuAfter.at - cpuBefore.at) / 1000,
    maxQueueDepth: maxDepth,
    smtpConnections: sink.connections() - connectionsBefore,
    mailsInPhase: sink.received.length - mailsBefore,
    otherEmails: mail.other - otherBefore,
    gaveUp,
  };
}

/** The figures of one phase. */
interface PhaseFigures {
  readonly matches: number;
  readonly failedSwipes: number;
  readonly matchesPerSecond: number;
  readonly expectedEmails: number;
  readonly arrivedEmails: number;
  readonly missingEmails: number;
  /** Emails beyond the first for a (match, recipient). */
  readonly duplicateEmails: number;
  /** Emails whose Message-ID had already arrived. */
  readonly duplicateMessageIds: number;
  /** Emails for a swipe that did not answer with a match. */
  readonly unexpectedEmails: number;
  readonly emailsPerSecond: number;
  readonly steadyEmailsPerSecond: number;
  readonly drainEmailsPerSecond: number | null;
  /** From the swipe's answer (the commit was before it) to the email: the headline figure. */
  readonly latency: Timing;
  readonly latencyBySide: Record<Side, Timing>;
  /** From the swipe being sent (the commit was after it) to the email: an upper bound. */
  readonly latencyFromSent: Timing;
  readonly latencyFromSentBySide: Record<Side, Timing>;
  /** Emails that arrived before the answer of the swipe that made their match. */
  readonly beforeAnswer: number;
  readonly swipeAnswer: Timing;
  readonly smtpConnectionsPerEmail: number;
  /** The sink's side: MAIL FROM → end of DATA of each email. */
  readonly smtpTransaction: Timing;
  /** The sink's side: connection opened → MAIL FROM, for each new connection. */
  readonly smtpHandshake: Timing;
  /**
   * CPU ms per unit of work, less moved by a busy machine than rates are: each worker per email
   * it sent, each app per match made through it (the swipe, plus its relay moving two events),
   * PostgreSQL per match.
   */
  readonly cpuMs: {
    readonly webWorkerPerEmail: number;
    readonly apiWorkerPerEmail: number;
    readonly webPerMatch: number;
    readonly apiPerMatch: number;
    readonly postgresPerMatch: number;
  };
}

function figuresOf(phase: PhaseResult): PhaseFigures {
  const made = phase.pairs.filter((p) => p.committedAt !== null);
  const latencies: number[] = [];
  const bySide: Record<Side, number[]> = { express: [], fastify: [] };
  const firstArrivals: number[] = [];
  let missing = 0;
  let duplicates = 0;
  let unexpected = 0;
  const messageIds = new Set<string>();
  let duplicateMessageIds = 0;
  const transactions: number[] = [];
  const handshakes: number[] = [];
  const fromSent: number[] = [];
  const fromSentBySide: Record<Side, number[]> = { express: [], fastify: [] };
  let beforeAnswer = 0;
  for (const pair of phase.pairs) {
    for (const list of pair.arrivals.values()) {
      for (const mail of list) {
        if (Number.isFinite(mail.transactionMs)) transactions.push(mail.transactionMs);
        if (mail.handshakeMs !== null) handshakes.push(mail.handshakeMs);
        if (mail.messageId === null) continue;
        if (messageIds.has(mail.messageId)) duplicateMessageIds += 1;
        messageIds.add(mail.messageId);
      }
    }
    if (pair.committedAt === null) {
      for (const list of pair.arrivals.values()) unexpected += list.length;
      continue;
    }
    for (const recipient of [pair.first, pair.second]) {
      const list = pair.arrivals.get(recipient.email) ?? [];
      const first = list[0];
      if (!first) {
        missing += 1;
        continue;
      }
      duplicates += list.length - 1;
      const ms = first.at - pair.committedAt;
      if (ms < 0) beforeAnswer += 1;
      fromSent.push(first.at - (pair.sentAt ?? pair.committedAt));
      fromSentBySide[pair.side].push(first.at - (pair.sentAt ?? pair.committedAt));
      latencies.push(ms);
      bySide[pair.side].push(ms);
      firstArrivals.push(first.at);
    }
  }
  const commits = made.map((p) => p.committedAt as number).sort((a, b) => a - b);
  firstArrivals.sort((a, b) => a - b);
  const firstCommit = commits[0] ?? Number.NaN;
  const lastCommit = commits.at(-1) ?? Number.NaN;
  const lastArrival = firstArrivals.at(-1) ?? Number.NaN;
  const n = firstArrivals.length;
  const i10 = Math.floor(0.1 * n);
  const i90 = Math.max(i10, Math.ceil(0.9 * n) - 1);
  const steady =
    (i90 - i10) / (((firstArrivals[i90] ?? Number.NaN) - (firstArrivals[i10] ?? Number.NaN)) / 1000);
  const draining = firstArrivals.filter((at) => at > lastCommit).length;
  return {
    matches: made.length,
    failedSwipes: phase.pairs.length - made.length,
    matchesPerSecond: (commits.length - 1) / ((lastCommit - firstCommit) / 1000),
    expectedEmails: made.length * 2,
    arrivedEmails: n,
    missingEmails: missing,
    duplicateEmails: duplicates,
    duplicateMessageIds,
    unexpectedEmails: unexpected,
    emailsPerSecond: n / ((lastArrival - firstCommit) / 1000),
    steadyEmailsPerSecond: steady,
    // Only meaningful when a backlog was left to drain (a tenth of the emails or more).
    drainEmailsPerSecond:
      draining >= Math.max(50, 0.1 * n) ? draining / ((lastArrival - lastCommit) / 1000) : null,
    latency: summarize(latencies),
    latencyBySide: { express: summarize(bySide.express), fastify: summarize(bySide.fastify) },
    swipeAnswer: summarize(phase.swipeAnswerMs),
    smtpConnectionsPerEmail: phase.mailsInPhase > 0 ? phase.smtpConnections / phase.mailsInPhase : Number.NaN,
    latencyFromSent: summarize(fromSent),
    latencyFromSentBySide: {
      express: summarize(fromSentBySide.express),
      fastify: summarize(fromSentBySide.fastify),
    },
    beforeAnswer,
    smtpTransaction: summarize(transactions),
    smtpHandshake: summarize(handshakes),
    cpuMs: {
      webWorkerPerEmail: cpuMsPer(phase, 'web-worker', bySide.express.length),
      apiWorkerPerEmail: cpuMsPer(phase, 'api-worker', bySide.fastify.length),
      webPerMatch: cpuMsPer(phase, 'web', made.filter((p) => p.side === 'express').length),
      apiPerMatch: cpuMsPer(phase, 'api', made.filter((p) => p.side === 'fastify').length),
      postgresPerMatch: cpuMsPer(phase, 'postgres', made.length),
    },
  };
}

/** CPU ms a process spent over the phase per unit of work (NaN when /proc cannot tell). */
function cpuMsPer(phase: PhaseResult, name: string, units: number): number {
  const percent = phase.cpuPercent[name];
  if (percent === null || percent === undefined || units === 0) return Number.NaN;
  return ((percent / 100) * phase.wallSeconds * 1000) / units;
}

/** Warnings and errors (pino levels ≥ 40) each process logged. */
function countLogProblems(p: Processes): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const child of [p.web, p.api, p.webWorker, p.apiWorker]) {
    const lines = logTail(child.logFile, 1_000_000).split('\n').filter(Boolean);
    const problems = lines.filter((line) => {
      const level = /"level":(\d+)/.exec(line);
      return level ? Number(level[1]) >= 40 : true;
    });
    counts[child.name] = problems.length;
    if (problems.length > 0) {
      say(`${child.name} logged ${problems.length} warnings/errors; the last ones:`);
      for (const line of problems.slice(-5)) process.stdout.write(`    ${line.slice(0, 400)}\n`);
    }
  }
  return counts;
}

function report(result: BenchResult, logProblems: Record<string, number>) {
  const main = figuresOf(result.main);
  const saturation = result.saturation ? figuresOf(result.saturation) : null;
  const phases: Array<[PhaseResult, PhaseFigures]> = [[result.main, main]];
  if (result.saturation && saturation) phases.push([result.saturation, saturation]);
  const ms = (t: Timing) => `${fixed(t.p50Ms)} / ${fixed(t.p95Ms)} / ${fixed(t.p99Ms)} / ${fixed(t.maxMs)}`;
  const row = (label: string, value: (phase: PhaseResult, f: PhaseFigures) => string) => [
    label,
    ...phases.map(([phase, f]) => value(phase, f)),
  ];
  const cpu = (name: string) => (phase: PhaseResult) => fixed(phase.cpuPercent[name] ?? Number.NaN);
  const rows = [
    row('offered matches/s', (phase) =>
      Number.isFinite(phase.offeredRate)
        ? fixed(phase.offeredRate)
        : `max (${settings.saturationConcurrency} in flight)`,
    ),
    row('matches made / failed swipes', (_, f) => `${f.matches} / ${f.failedSwipes}`),
    row('matches/s achieved', (_, f) => fixed(f.matchesPerSecond, 1)),
    row('emails expected / arrived', (_, f) => `${f.expectedEmails} / ${f.arrivedEmails}`),
    row('missing / duplicate emails', (_, f) => `${f.missingEmails} / ${f.duplicateEmails}`),
    row('duplicate Message-IDs / unexpected', (_, f) => `${f.duplicateMessageIds} / ${f.unexpectedEmails}`),
    row('emails/s (first commit → last email)', (_, f) => fixed(f.emailsPerSecond, 1)),
    row('emails/s steady (10–90 % of arrivals)', (_, f) => fixed(f.steadyEmailsPerSecond, 1)),
    row('emails/s draining (after last commit)', (_, f) =>
      f.drainEmailsPerSecond === null ? '–' : fixed(f.drainEmailsPerSecond, 1),
    ),
    row('commit → email p50/p95/p99/max ms', (_, f) => ms(f.latency)),
    row('  via Express → web-worker', (_, f) => ms(f.latencyBySide.express)),
    row('  via Fastify → api-worker', (_, f) => ms(f.latencyBySide.fastify)),
    row('swipe sent → email p50/p95/p99/max ms', (_, f) => ms(f.latencyFromSent)),
    row('emails before their swipe answer', (_, f) => String(f.beforeAnswer)),
    row('swipe answer p50/p95/p99/max ms', (_, f) => ms(f.swipeAnswer)),
    row('max queue depth web / api', (phase) => `${phase.maxQueueDepth.web} / ${phase.maxQueueDepth.api}`),
    row('SMTP connections per email', (_, f) => fixed(f.smtpConnectionsPerEmail, 2)),
    row('SMTP MAIL FROM → end of DATA p50/p95/p99/max ms', (_, f) => ms(f.smtpTransaction)),
    row('SMTP connect → MAIL FROM p50/p95/p99/max ms', (_, f) => ms(f.smtpHandshake)),
    row('CPU % web / api', (phase) => `${cpu('web')(phase)} / ${cpu('api')(phase)}`),
    row(
      'CPU % web-worker / api-worker',
      (phase) => `${cpu('web-worker')(phase)} / ${cpu('api-worker')(phase)}`,
    ),
    row(
      'CPU % bench (load, sink) / PostgreSQL',
      (phase) => `${cpu('bench')(phase)} / ${cpu('postgres')(phase)}`,
    ),
    row(
      'CPU ms per email web-worker / api-worker',
      (_, f) => `${fixed(f.cpuMs.webWorkerPerEmail, 1)} / ${fixed(f.cpuMs.apiWorkerPerEmail, 1)}`,
    ),
    row(
      'CPU ms per match web / api / PostgreSQL',
      (_, f) =>
        `${fixed(f.cpuMs.webPerMatch, 1)} / ${fixed(f.cpuMs.apiPerMatch, 1)} / ${fixed(f.cpuMs.postgresPerMatch, 1)}`,
    ),
    row('CPU % machine / everything else', (phase) => `${cpu('machine')(phase)} / ${cpu('other')(phase)}`),
    row('other emails (not match emails)', (phase) => String(phase.otherEmails)),
  ];
  const failures = phases.flatMap(([phase]) =>
    Object.entries(phase.failures).map(([reason, n]) => `  ${phase.name}: ${n} × ${reason}`),
  );
  // The most emails per second the workers did: a saturated phase's steady or drain rate.
  // Without a backlog to drain, the swipes limited the rate, not the workers: a lower bound.
  const capacity: { value: number; from: string; lowerBound: boolean } | null = saturation
    ? saturation.drainEmailsPerSecond !== null
      ? {
          value: Math.max(saturation.drainEmailsPerSecond, saturation.steadyEmailsPerSecond),
          from: 'saturation phase, the workers had a backlog',
          lowerBound: false,
        }
      : {
          value: saturation.steadyEmailsPerSecond,
          from: 'saturation phase, steady rate; the workers kept up, so the swipes limited it',
          lowerBound: true,
        }
    : main.drainEmailsPerSecond !== null
      ? {
          value: main.drainEmailsPerSecond,
          from: 'main phase, draining its backlog after the last commit',
          lowerBound: false,
        }
      : null;
  const pass = main.latency.p95Ms <= TARGET_P95_MS && main.missingEmails === 0 && main.duplicateEmails === 0;
  // Matches made at 90 % of the offered rate or more count as "at the rate"; below, the APIs could
  // not make the matches that fast, and the latency was measured at a lower load than the target's.
  const atRate = main.matchesPerSecond >= 0.9 * settings.rate;
  const verdict = !pass ? 'MISSED' : atRate ? 'met' : 'met at a lower rate only';
  process.stdout.write(
    `\nResults (${result.users} users; ${availableParallelism()} CPUs, load average now ${loadAverage()}; ` +
      `total ${elapsed().trim()})\n\n` +
      table(['figure', ...phases.map(([phase]) => phase.name)], rows) +
      (failures.length > 0 ? `\n\nFailed swipes:\n${failures.join('\n')}` : '') +
      `\n\nTarget: commit → email p95 ≤ ${TARGET_P95_MS} ms at ${settings.rate} matches/s, no email missing or ` +
      `duplicated: ${verdict} (p95 ${fixed(main.latency.p95Ms)} ms, ` +
      `${main.missingEmails} missing, ${main.duplicateEmails} duplicated` +
      `${atRate ? '' : `; the APIs made only ${fixed(main.matchesPerSecond, 1)} matches/s`})\n` +
      (capacity
        ? `Most emails/s: ${capacity.lowerBound ? 'at least ' : ''}${fixed(capacity.value, 1)} (${capacity.from})\n`
        : '') +
      '\n',
  );
  const phaseJson = (phase: PhaseResult, f: PhaseFigures) => ({
    offeredMatchesPerSecond: Number.isFinite(phase.offeredRate) ? phase.offeredRate : null,
    matches: f.matches,
    failedSwipes: f.failedSwipes,
    failures: phase.failures,
    matchesPerSecond: round(f.matchesPerSecond, 1),
    expectedEmails: f.expectedEmails,
    arrivedEmails: f.arrivedEmails,
    missingEmails: f.missingEmails,
    duplicateEmails: f.duplicateEmails,
    duplicateMessageIds: f.duplicateMessageIds,
    unexpectedEmails: f.unexpectedEmails,
    emailsPerSecond: round(f.emailsPerSecond, 1),
    steadyEmailsPerSecond: round(f.steadyEmailsPerSecond, 1),
    drainEmailsPerSecond: f.drainEmailsPerSecond === null ? null : round(f.drainEmailsPerSecond, 1),
    matchToEmailMs: timingJson(f.latency),
    matchToEmailMsBySide: {
      express: timingJson(f.latencyBySide.express),
      fastify: timingJson(f.latencyBySide.fastify),
    },
    swipeSentToEmailMs: timingJson(f.latencyFromSent),
    swipeSentToEmailMsBySide: {
      express: timingJson(f.latencyFromSentBySide.express),
      fastify: timingJson(f.latencyFromSentBySide.fastify),
    },
    emailsBeforeSwipeAnswer: f.beforeAnswer,
    swipeAnswerMs: timingJson(f.swipeAnswer),
    maxQueueDepth: phase.maxQueueDepth,
    smtpConnectionsPerEmail: round(f.smtpConnectionsPerEmail, 2),
    smtpTransactionMs: timingJson(f.smtpTransaction),
    smtpHandshakeMs: timingJson(f.smtpHandshake),
    cpuPercent: Object.fromEntries(
      Object.entries(phase.cpuPercent).map(([name, value]) => [
        name,
        value === null ? null : round(value, 1),
      ]),
    ),
    cpuMs: Object.fromEntries(Object.entries(f.cpuMs).map(([name, value]) => [name, round(value, 2)])),
    otherEmails: phase.otherEmails,
    gaveUpWaiting: phase.gaveUp,
  });
  return {
    emailsPerSecond: round(main.emailsPerSecond, 1),
    matchToEmailP95Ms: round(main.latency.p95Ms, 1),
    matchToEmailP50Ms: round(main.latency.p50Ms, 1),
    matchToEmailP99Ms: round(main.latency.p99Ms, 1),
    steadyEmailsPerSecond: round(main.steadyEmailsPerSecond, 1),
    matchesPerSecond: round(main.matchesPerSecond, 1),
    missingEmails: main.missingEmails,
    duplicateEmails: main.duplicateEmails,
    maxEmailsPerSecond: capacity ? round(capacity.value, 1) : null,
    maxEmailsPerSecondFrom: capacity?.from ?? null,
    maxEmailsPerSecondIsLowerBound: capacity?.lowerBound ?? null,
    target: {
      matchToEmailP95Ms: `≤ ${TARGET_P95_MS} at ${settings.rate} matches/s, 0 missing, 0 duplicates`,
      pass,
      /** Whether the APIs made the matches at (90 % of) the offered rate: else `pass` is at a lower load. */
      atTargetRate: atRate,
    },
    main: phaseJson(result.main, main),
    saturation: result.saturation && saturation ? phaseJson(result.saturation, saturation) : null,
    users: result.users,
    logWarningsAndErrors: logProblems,
    settings: {
      rate: settings.rate,
      matches: settings.matches,
      saturationMatches: settings.saturationMatches,
      concurrency: settings.concurrency,
      saturationConcurrency: settings.saturationConcurrency,
    },
    machine: {
      node: process.version,
      cpus: availableParallelism(),
      loadAverage: loadavg().map((l) => round(l, 2)),
    },
  };
}

const timingJson = (t: Timing) => ({
  p50: round(t.p50Ms, 1),
  p95: round(t.p95Ms, 1),
  p99: round(t.p99Ms, 1),
  max: round(t.maxMs, 1),
  n: t.n,
});

const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `bench:email failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
