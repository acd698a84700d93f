/**
 * `npm run bench:api`: how fast the two APIs answer, next to a bare `node:http` server and to
 * pgbench running the swipe INSERT.
 *
 * 1. Creates a throwaway PostgreSQL database (dropped at the end) and migrates it.
 * 2. Starts three child processes, so that the load generator (autocannon, in this process)
 *    shares no event loop with a server: a raw `node:http` server, the `web` app (Express) and
 *    the `api` app (Fastify), both over that database (NODE_ENV=production, LOG_LEVEL=silent,
 *    no Redis: as `startRuntime` runs them).
 * 3. Seeds through both APIs: bench users whose socks swipe, target users whose socks (each
 *    with a picture) are swiped. Every swipe request takes a fresh (sock, target) pair from one
 *    shuffled list, so none should answer 409; non-2xx answers are counted and shown.
 *    The apps carry out their outbox events in process (no Redis): each new sock's deck is built
 *    and each sock with a picture is placed into the others' decks. The bench waits until every
 *    bench sock's deck is built and no event is pending, so `GET candidates` is served from decks
 *    (the report shows how many candidate requests still fell back to the exact query).
 * 4. Warms every target up, then runs interleaved rounds of raw, healthz, swipes and candidates
 *    on both apps (and pgbench once per round), and prints medians and ratios. Before each run
 *    it waits for the servers and the database to drain what the previous run left queued.
 *    Next to req/s it shows the CPU the server process and its PostgreSQL backends spent per
 *    request, and how busy the load generator was: figures a shared, noisy machine moves less.
 *
 * Environment: BENCH_PG_URL (postgres://postgres@127.0.0.1:5432/postgres), BENCH_ROUNDS (3),
 * BENCH_SECONDS (6), BENCH_WARMUP_SECONDS (2), BENCH_CONNECTIONS (50), BENCH_PGBENCH_SECONDS
 * (3, per round; 0 skips pgbench), BENCH_USERS (10), BENCH_SOCKS_PER_USER (10),
 * BENCH_TARGET_USERS (20), BENCH_TARGET_SOCKS_PER_USER (15), BENCH_CANDIDATE_LIMIT (10).
 * The default 30 000 swipe pairs last at up to ~650 swipes/s; past them swipes answer 409, which
 * the report shows.
 *
 *   npm run bench:api -- [--json artifacts/bench/api.json]
 *
 * `--json` also writes the ratios and the app CPU per swipe request (the server process's CPU
 * seconds over a run ÷ its requests, median over the rounds) to that file.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { startServer, type ServerProcess } from './support/children.js';
import { cpuBetween, cpuByPid, ownCpuSeconds, processCpuSeconds } from './support/cpu.js';
import {
  createBenchDatabase,
  openProbe,
  type BenchDatabase,
  type DatabaseProbe,
} from './support/database.js';
import { round, writeJsonFile } from './support/json-file.js';
import { measure, type LoadOptions, type Measurement } from './support/load.js';
import { runPgbenchSwipe } from './support/pgbench.js';
import { Random } from './support/random.js';
import { fixed, median, table } from './support/report.js';
import { seedThroughApi, type Seeded } from './support/seed.js';
import { settle } from './support/settle.js';

const { values: args } = parseArgs({ options: { json: { type: 'string' } } });

const int = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`);
  return value;
};

const settings = {
  adminUrl: process.env['BENCH_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  rounds: Math.max(1, int('BENCH_ROUNDS', 3)),
  seconds: Math.max(1, int('BENCH_SECONDS', 6)),
  warmupSeconds: int('BENCH_WARMUP_SECONDS', 2),
  connections: Math.max(1, int('BENCH_CONNECTIONS', 50)),
  pgbenchSeconds: int('BENCH_PGBENCH_SECONDS', 3),
  candidateLimit: int('BENCH_CANDIDATE_LIMIT', 10),
  seed: {
    benchUsers: int('BENCH_USERS', 10),
    socksPerBenchUser: int('BENCH_SOCKS_PER_USER', 10),
    targetUsers: int('BENCH_TARGET_USERS', 20),
    socksPerTargetUser: int('BENCH_TARGET_SOCKS_PER_USER', 15),
  },
};

const TARGETS = { swipesOverPgbench: 0.25, appCpuMsPerSwipe: 1 } as const;

const FASTIFY_BASE = '/fastify/v1';
const EXPRESS_BASE = '/api/v1';
/** `dist/src/main/` seen from `dist/scripts/bench/`. */
const MAIN_DIR = resolve(__dirname, '../../src/main');

type Endpoint = 'healthz' | 'swipes' | 'candidates';
type ServerName = 'raw' | 'fastify' | 'express';

interface Target {
  readonly label: string;
  readonly server: ServerProcess;
  readonly kind: ServerName;
  readonly endpoint: Endpoint;
  readonly load: Omit<LoadOptions, 'connections' | 'seconds'>;
}

/** One measured run, with where the CPU went. */
interface Run extends Measurement {
  /** CPU ms of the server process per response. */
  readonly appCpuMs: number | null;
  /** The server process's CPU use over the run, in % of one core. */
  readonly appCpuPct: number | null;
  /** CPU ms of the database backends per response. */
  readonly dbCpuMs: number | null;
  /** This process's (autocannon's) CPU use over the run, in % of one core. */
  readonly loadGenCpuPct: number;
}

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s`;
const say = (line: string) => process.stdout.write(`[bench ${elapsed()}] ${line}\n`);

async function main(): Promise<void> {
  say(
    `Node ${process.version}, ${availableParallelism()} CPU(s) (${cpus()[0]?.model.trim() ?? 'unknown'}), ` +
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}; ${settings.rounds} rounds × ${settings.seconds} s per target after a ` +
      `${settings.warmupSeconds} s warm-up, ${settings.connections} connections`,
  );
  const cleanups: Array<() => Promise<void>> = [];
  const cleanUp = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup().catch((error: unknown) => say(`cleanup: ${String(error)}`));
    }
  };
  process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));
  try {
    const database = await createBenchDatabase(settings.adminUrl);
    cleanups.push(() => database.drop());
    say(`created and migrated database ${database.name}`);
    const probe = await openProbe(database.url);
    cleanups.push(() => probe.close());
    const dataDir = await mkdtemp(join(tmpdir(), 'hotsox-bench-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));

    const servers = await startServers(database, dataDir);
    cleanups.push(async () => {
      await Promise.all(Object.values(servers).map((s) => s.stop()));
    });
    say(
      `started raw node:http (pid ${servers.raw.pid}), api/Fastify (pid ${servers.fastify.pid}), ` +
        `web/Express (pid ${servers.express.pid})`,
    );

    const seeded = await seedThroughApi(
      [`${servers.fastify.origin}${FASTIFY_BASE}`, `${servers.express.origin}${EXPRESS_BASE}`],
      settings.seed,
      (line) => say(line),
    );
    const pairs = seeded.benchSocks.length * seeded.targetSockIds.length;
    say(
      `seeded ${seeded.benchSocks.length} bench socks and ${seeded.targetSockIds.length} target socks: ` +
        `${pairs} fresh swipe pairs`,
    );

    await waitForDecks(probe, seeded);
    const buildRequestsBefore = await deckBuildEvents(probe);

    const { targets, swipesSent } = defineTargets(servers, seeded);
    const results = await runRounds(targets, database, probe, Object.values(servers));
    const summary = printReport(targets, results);
    const buildRequests = (await deckBuildEvents(probe)) - buildRequestsBefore;
    say(
      `deck.build events written during the runs (candidates requests on a cold or low deck): ${buildRequests}`,
    );
    if (args.json) {
      say(
        `wrote ${await writeJsonFile(args.json, { ...summary, deckBuildEventsDuringRuns: buildRequests })}`,
      );
    }
    const sent = swipesSent();
    say(
      `swipe requests built: ${sent} of ${pairs} fresh pairs` +
        (sent > pairs ? ' (EXHAUSTED: later swipes repeat pairs and answer 409)' : ''),
    );
  } finally {
    await cleanUp();
    say('stopped the servers, dropped the database');
  }
}

async function startServers(
  database: BenchDatabase,
  dataDir: string,
): Promise<Record<ServerName, ServerProcess>> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    JWT_SECRET: randomBytes(32).toString('base64url'),
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    // Everything in process: no Redis, no SMTP, whatever the caller's environment says.
    REDIS_URL: '',
    CHAT_REDIS_URL: '',
    SMTP_URL: '',
  };
  const [raw, fastify, express] = await Promise.all([
    startServer('raw node:http', join(__dirname, 'support/raw-server.js'), env, '/healthz'),
    startServer('api (Fastify)', join(MAIN_DIR, 'api.js'), env, '/readyz'),
    startServer('web (Express)', join(MAIN_DIR, 'web.js'), env, '/readyz'),
  ]);
  return { raw, fastify, express };
}

/**
 * Waits until the apps' in-process workers have built the deck of every bench sock and no outbox
 * event is pending (the target socks' placements included). @throws after 5 minutes
 */
async function waitForDecks(probe: DatabaseProbe, seeded: Seeded): Promise<void> {
  const ids = seeded.benchSocks.map((s) => `'${s.id}'`).join(',');
  const deadline = Date.now() + 300_000;
  let last = '';
  for (;;) {
    const built = await probe.count(
      `select count(*)::int as n from decks where built_at is not null and sock_id in (${ids})`,
    );
    const pending = await probe.count(
      'select count(*)::int as n from outbox_events where dispatched_at is null',
    );
    const line = `decks built for ${built}/${seeded.benchSocks.length} bench socks; outbox events pending: ${pending}`;
    if (line !== last) say(line);
    last = line;
    if (built === seeded.benchSocks.length && pending === 0) return;
    if (Date.now() > deadline) throw new Error(`decks not built within 5 minutes: ${line}`);
    await sleep(250);
  }
}

/** `deck.build` events so far (from new socks, and from candidates requests on a cold or low deck). */
function deckBuildEvents(probe: DatabaseProbe): Promise<number> {
  return probe.count(`select count(*)::int as n from outbox_events where type = 'deck.build'`);
}

function defineTargets(
  servers: Record<ServerName, ServerProcess>,
  seeded: Seeded,
): { targets: Target[]; swipesSent: () => number } {
  // One shuffled list of every (bench sock, target sock) pair, shared by both APIs and all runs.
  const { benchSocks, targetSockIds } = seeded;
  const random = new Random(7);
  const order = random.shuffle(Array.from({ length: benchSocks.length * targetSockIds.length }, (_, i) => i));
  let cursor = 0;
  const swipe = (base: string) => () => {
    const code = order[cursor % order.length] as number;
    const decision = cursor % 2 === 0 ? 'like' : 'dislike';
    cursor += 1;
    const sock = benchSocks[Math.floor(code / targetSockIds.length)] as (typeof benchSocks)[number];
    return {
      method: 'POST' as const,
      path: `${base}/socks/${sock.id}/swipes`,
      headers: { Authorization: `Bearer ${sock.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ targetSockId: targetSockIds[code % targetSockIds.length], decision }),
    };
  };
  let asked = 0;
  const candidates = (base: string) => () => {
    const sock = benchSocks[asked++ % benchSocks.length] as (typeof benchSocks)[number];
    return {
      method: 'GET' as const,
      path: `${base}/socks/${sock.id}/candidates?limit=${settings.candidateLimit}`,
      headers: { Authorization: `Bearer ${sock.token}` },
    };
  };
  const { raw, fastify, express } = servers;
  const target = (label: string, kind: ServerName, endpoint: Endpoint, load: Target['load']): Target => ({
    label,
    server: servers[kind],
    kind,
    endpoint,
    load,
  });
  const targets: Target[] = [
    target('raw node:http /healthz', 'raw', 'healthz', { url: `${raw.origin}/healthz` }),
    target('Fastify /healthz', 'fastify', 'healthz', { url: `${fastify.origin}/healthz` }),
    target('Express /healthz', 'express', 'healthz', { url: `${express.origin}/healthz` }),
    target('Fastify POST swipes', 'fastify', 'swipes', { url: fastify.origin, next: swipe(FASTIFY_BASE) }),
    target('Express POST swipes', 'express', 'swipes', { url: express.origin, next: swipe(EXPRESS_BASE) }),
    target('Fastify GET candidates', 'fastify', 'candidates', {
      url: fastify.origin,
      next: candidates(FASTIFY_BASE),
    }),
    target('Express GET candidates', 'express', 'candidates', {
      url: express.origin,
      next: candidates(EXPRESS_BASE),
    }),
  ];
  return { targets, swipesSent: () => cursor };
}

interface Results {
  readonly runs: Map<Target, Run[]>;
  readonly pgbench: number[];
}

async function runRounds(
  targets: readonly Target[],
  database: BenchDatabase,
  probe: DatabaseProbe,
  servers: readonly ServerProcess[],
): Promise<Results> {
  const drain = async () => {
    const waited = await settle(
      servers.map((s) => s.origin),
      probe,
    );
    if (waited > 1000) say(`(waited ${fixed(waited / 1000, 1)} s for the previous run to drain)`);
  };
  const run = async (target: Target, seconds: number): Promise<Run> => {
    await drain();
    const appBefore = processCpuSeconds(target.server.pid);
    const dbBefore = cpuByPid(await probe.backendPids());
    const ownBefore = ownCpuSeconds();
    const m = await measure({ ...target.load, connections: settings.connections, seconds });
    const ownAfter = ownCpuSeconds();
    const appAfter = processCpuSeconds(target.server.pid);
    const dbAfter = cpuByPid(await probe.backendPids());
    const perResponse = (cpu: number) => (m.responses > 0 ? (cpu * 1000) / m.responses : null);
    const app = appBefore === null || appAfter === null ? null : appAfter - appBefore;
    return {
      ...m,
      appCpuMs: app === null ? null : perResponse(app),
      appCpuPct: app === null ? null : (app / m.seconds) * 100,
      dbCpuMs: dbAfter.size > 0 || dbBefore.size > 0 ? perResponse(cpuBetween(dbBefore, dbAfter)) : null,
      loadGenCpuPct: ((ownAfter - ownBefore) / m.seconds) * 100,
    };
  };
  if (settings.warmupSeconds > 0) {
    for (const target of targets) {
      const warm = await run(target, settings.warmupSeconds);
      say(`warm-up  ${target.label}: ${fixed(warm.okPerSecond)} req/s${problems(warm)}`);
    }
  }
  const runs = new Map<Target, Run[]>(targets.map((t) => [t, []]));
  const pgbench: number[] = [];
  let pgbenchUsable = settings.pgbenchSeconds > 0;
  for (let round = 1; round <= settings.rounds; round += 1) {
    for (const target of targets) {
      const r = await run(target, settings.seconds);
      runs.get(target)?.push(r);
      say(
        `round ${round}/${settings.rounds}  ${target.label}: ${fixed(r.okPerSecond)} req/s, ` +
          `p50 ${r.p50} ms, p99 ${r.p99} ms; server CPU ${fixed(r.appCpuMs ?? Number.NaN, 2)} ms/req ` +
          `(${fixed(r.appCpuPct ?? Number.NaN)}% of a core), PostgreSQL CPU ${fixed(r.dbCpuMs ?? Number.NaN, 2)} ms/req, ` +
          `autocannon ${fixed(r.loadGenCpuPct)}%${problems(r)}`,
      );
    }
    if (pgbenchUsable) {
      await drain();
      const outcome = await runPgbenchSwipe(database.url, settings.pgbenchSeconds);
      if (outcome.kind === 'ok') {
        pgbench.push(outcome.tps);
        say(`round ${round}/${settings.rounds}  ${outcome.summary}`);
        for (const warning of outcome.warnings) say(`  ${warning}`);
      } else {
        pgbenchUsable = false;
        say(
          outcome.kind === 'missing'
            ? 'pgbench not found (apt-get install postgresql-contrib): no swipe ÷ pgbench ratio'
            : `pgbench failed, no swipe ÷ pgbench ratio:\n${outcome.output}`,
        );
      }
    }
  }
  return { runs, pgbench };
}

function problems(m: Measurement): string {
  const parts: string[] = [];
  if (m.non2xx > 0) {
    const statuses = Object.entries(m.statuses).map(([status, count]) => `${status}×${count}`);
    parts.push(`non-2xx ${m.non2xx} (${statuses.join(', ')})`);
  }
  if (m.errors > 0) parts.push(`errors ${m.errors}`);
  return parts.length > 0 ? ` — ${parts.join(', ')}` : '';
}

/** What `--json` writes: the ratios of the medians, and the app CPU per swipe request (ms). */
interface Summary {
  readonly ratios: {
    readonly fastifySwipesOverPgbench: number | null;
    readonly expressSwipesOverPgbench: number | null;
    readonly fastifyHealthzOverRaw: number;
    readonly expressOverFastifyCandidates: number;
  };
  readonly appCpuMsPerSwipe: { readonly fastify: number; readonly express: number };
  readonly reqPerSecond: Readonly<Record<string, number>>;
  readonly pgbenchTps: number | null;
  readonly targets: Readonly<Record<string, { readonly target: string; readonly pass: boolean | null }>>;
  readonly settings: typeof settings;
}

function printReport(targets: readonly Target[], { runs, pgbench }: Results): Summary {
  const of = (target: Target) => runs.get(target) ?? [];
  const med = (target: Target, value: (r: Run) => number | null) =>
    median(
      of(target)
        .map(value)
        .filter((v): v is number => v !== null),
    );
  const rate = (target: Target) => med(target, (r) => r.okPerSecond);
  const rows = targets.map((target) => [
    target.label,
    fixed(rate(target)),
    fixed(med(target, (r) => r.p99)),
    fixed(
      med(target, (r) => r.appCpuMs),
      2,
    ),
    fixed(med(target, (r) => r.appCpuPct)),
    target.endpoint === 'healthz'
      ? ''
      : fixed(
          med(target, (r) => r.dbCpuMs),
          2,
        ),
    fixed(med(target, (r) => r.loadGenCpuPct)),
    of(target)
      .map((r) => fixed(r.okPerSecond))
      .join(' / '),
    String(of(target).reduce((sum, r) => sum + r.non2xx, 0)),
    String(of(target).reduce((sum, r) => sum + r.errors, 0)),
  ]);
  if (pgbench.length > 0) {
    rows.push([
      'pgbench swipe INSERT, 8 clients (tps)',
      fixed(median(pgbench)),
      ...Array<string>(5).fill(''),
      pgbench.map((t) => fixed(t)).join(' / '),
      '',
      '',
    ]);
  }
  const find = (kind: ServerName, endpoint: Endpoint) =>
    targets.find((t) => t.kind === kind && t.endpoint === endpoint) as Target;
  const ratio = (label: string, a: Target, b: Target, goal?: number) =>
    ratioRow(
      label,
      rate(a) / rate(b),
      of(a).map((r, i) => r.okPerSecond / (of(b)[i]?.okPerSecond ?? Number.NaN)),
      goal,
    );
  const ratios = [
    ratio('healthz  Fastify / raw', find('fastify', 'healthz'), find('raw', 'healthz'), 0.8),
    ratio('healthz  Express / raw', find('express', 'healthz'), find('raw', 'healthz')),
    ratio('healthz  Express / Fastify', find('express', 'healthz'), find('fastify', 'healthz')),
    ratio('swipes  Express / Fastify', find('express', 'swipes'), find('fastify', 'swipes'), 0.7),
    ratio('candidates  Express / Fastify', find('express', 'candidates'), find('fastify', 'candidates'), 0.7),
  ];
  const swipeCpu = {
    fastify: med(find('fastify', 'swipes'), (r) => r.appCpuMs),
    express: med(find('express', 'swipes'), (r) => r.appCpuMs),
  };
  for (const kind of ['fastify', 'express'] as const) {
    const cpu = swipeCpu[kind];
    ratios.push([
      `app CPU ms per swipe  ${kind === 'fastify' ? 'Fastify' : 'Express'}`,
      fixed(cpu, 2),
      `[${of(find(kind, 'swipes'))
        .map((r) => fixed(r.appCpuMs ?? Number.NaN, 2))
        .join(', ')}]`,
      `≤ ${TARGETS.appCpuMsPerSwipe.toFixed(2)}`,
      Number.isFinite(cpu) ? (cpu <= TARGETS.appCpuMsPerSwipe ? 'met' : 'MISSED') : '',
    ]);
  }
  if (pgbench.length > 0) {
    for (const kind of ['fastify', 'express'] as const) {
      const swipes = find(kind, 'swipes');
      ratios.push(
        ratioRow(
          `swipes  ${kind === 'fastify' ? 'Fastify' : 'Express'} / pgbench`,
          rate(swipes) / median(pgbench),
          of(swipes).map((r, i) => r.okPerSecond / (pgbench[i] ?? Number.NaN)),
          TARGETS.swipesOverPgbench,
        ),
      );
    }
  }
  process.stdout.write(
    `\nResults: medians over ${settings.rounds} rounds of ${settings.seconds} s, ${settings.connections} ` +
      `connections. req/s counts 2xx answers only; CPU columns: the server process (ms per request, ` +
      `% of one core), its PostgreSQL backends (ms per request), autocannon (% of one core).\n\n` +
      table(
        [
          'target',
          'req/s',
          'p99 ms',
          'app ms/req',
          'app %',
          'PG ms/req',
          'load-gen %',
          'req/s per round',
          'non-2xx',
          'errors',
        ],
        rows,
      ) +
      '\n\nRatios of the medians (per round in brackets)\n\n' +
      table(['ratio', 'value', 'per round', 'target', ''], ratios) +
      `\n\nload average now ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}; total ${elapsed().trim()}\n\n`,
  );
  const pg = pgbench.length > 0 ? median(pgbench) : null;
  const overPgbench = (kind: ServerName) => (pg === null ? null : round(rate(find(kind, 'swipes')) / pg, 3));
  const summary = {
    fastifySwipesOverPgbench: overPgbench('fastify'),
    expressSwipesOverPgbench: overPgbench('express'),
    fastifyHealthzOverRaw: round(rate(find('fastify', 'healthz')) / rate(find('raw', 'healthz')), 3),
    expressOverFastifyCandidates: round(
      rate(find('express', 'candidates')) / rate(find('fastify', 'candidates')),
      3,
    ),
  };
  const atLeast = (value: number | null, goal: number) => (value === null ? null : value >= goal);
  return {
    ratios: summary,
    appCpuMsPerSwipe: { fastify: round(swipeCpu.fastify, 3), express: round(swipeCpu.express, 3) },
    reqPerSecond: Object.fromEntries(targets.map((t) => [t.label, round(rate(t), 1)])),
    pgbenchTps: pg === null ? null : round(pg, 1),
    targets: {
      fastifySwipesOverPgbench: {
        target: `≥ ${TARGETS.swipesOverPgbench}`,
        pass: atLeast(summary.fastifySwipesOverPgbench, TARGETS.swipesOverPgbench),
      },
      expressSwipesOverPgbench: {
        target: `≥ ${TARGETS.swipesOverPgbench}`,
        pass: atLeast(summary.expressSwipesOverPgbench, TARGETS.swipesOverPgbench),
      },
      appCpuMsPerSwipeFastify: {
        target: `≤ ${TARGETS.appCpuMsPerSwipe}`,
        pass: swipeCpu.fastify <= TARGETS.appCpuMsPerSwipe,
      },
      appCpuMsPerSwipeExpress: {
        target: `≤ ${TARGETS.appCpuMsPerSwipe}`,
        pass: swipeCpu.express <= TARGETS.appCpuMsPerSwipe,
      },
    },
    settings,
  };
}

function ratioRow(label: string, value: number, rounds: readonly number[], goal?: number): string[] {
  return [
    label,
    fixed(value, 2),
    `[${rounds.map((r) => fixed(r, 2)).join(', ')}]`,
    goal === undefined ? '' : `≥ ${goal.toFixed(2)}`,
    goal === undefined ? '' : value >= goal ? 'met' : 'MISSED',
  ];
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `bench:api failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
