/**
 * `npm run bench:api`: how fast the two APIs answer, next to a bare `node:http` server and to
 * pgbench running the swipe INSERT.
 *
 * 1. Creates a throwaway PostgreSQL database (dropped at the end) and migrates it.
 * 2. Starts three child processes, so that the load generator (autocannon, in this process)
 *    shares no event loop with a server: a raw `node:http` server, the `web` app (Express) and
 *    the `api` app (Fastify), both over that database (NODE_ENV=production, LOG_LEVEL=silent).
 * 3. Seeds through the Fastify API: bench users whose socks swipe, target users whose socks
 *    (each with a picture) are swiped. Every swipe request takes a fresh (sock, target) pair
 *    from one shuffled list, so none answers 409; non-2xx answers are counted and shown.
 * 4. Warms every target up, then runs interleaved rounds of raw, healthz, swipes and candidates
 *    on both apps (and pgbench once per round), and prints medians and ratios. Before each run
 *    it waits for the servers and the database to drain what the previous run left queued.
 *
 * Environment: BENCH_PG_URL (postgres://postgres@127.0.0.1:5432/postgres), BENCH_ROUNDS (3),
 * BENCH_SECONDS (7), BENCH_WARMUP_SECONDS (2), BENCH_CONNECTIONS (50), BENCH_PGBENCH_SECONDS
 * (3, per round; 0 skips pgbench), BENCH_USERS (10), BENCH_SOCKS_PER_USER (16),
 * BENCH_TARGET_USERS (20), BENCH_TARGET_SOCKS_PER_USER (20), BENCH_CANDIDATE_LIMIT (10).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, type ServerProcess } from './support/children.js';
import {
  createBenchDatabase,
  openProbe,
  type BenchDatabase,
  type DatabaseProbe,
} from './support/database.js';
import { measure, type LoadOptions, type Measurement } from './support/load.js';
import { runPgbenchSwipe } from './support/pgbench.js';
import { Random } from './support/random.js';
import { fixed, median, table } from './support/report.js';
import { seedThroughApi, type Seeded } from './support/seed.js';
import { settle } from './support/settle.js';

const int = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`);
  return value;
};

const settings = {
  adminUrl: process.env['BENCH_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  rounds: int('BENCH_ROUNDS', 3),
  seconds: int('BENCH_SECONDS', 7),
  warmupSeconds: int('BENCH_WARMUP_SECONDS', 2),
  connections: int('BENCH_CONNECTIONS', 50),
  pgbenchSeconds: int('BENCH_PGBENCH_SECONDS', 3),
  candidateLimit: int('BENCH_CANDIDATE_LIMIT', 10),
  seed: {
    benchUsers: int('BENCH_USERS', 10),
    socksPerBenchUser: int('BENCH_SOCKS_PER_USER', 16),
    targetUsers: int('BENCH_TARGET_USERS', 20),
    socksPerTargetUser: int('BENCH_TARGET_SOCKS_PER_USER', 20),
  },
};

const FASTIFY_BASE = '/fastify/v1';
const EXPRESS_BASE = '/api/v1';
/** `dist/src/main/` seen from `dist/scripts/bench/`. */
const MAIN_DIR = resolve(__dirname, '../../src/main');

type Endpoint = 'healthz' | 'swipes' | 'candidates';
type ServerName = 'raw' | 'fastify' | 'express';

interface Target {
  readonly label: string;
  readonly server: ServerName;
  readonly endpoint: Endpoint;
  readonly load: Omit<LoadOptions, 'connections' | 'seconds'>;
}

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s`;
const say = (line: string) => process.stdout.write(`[bench ${elapsed()}] ${line}\n`);

async function main(): Promise<void> {
  say(
    `Node ${process.version}, ${availableParallelism()} CPU(s) (${cpus()[0]?.model.trim() ?? 'unknown'}); ` +
      `${settings.rounds} rounds × ${settings.seconds} s per target after a ${settings.warmupSeconds} s warm-up, ` +
      `${settings.connections} connections`,
  );
  const cleanups: Array<() => Promise<void>> = [];
  const cleanUp = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((e) => say(`cleanup: ${e}`));
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

    const { targets, swipesSent } = defineTargets(servers, seeded);
    const results = await runRounds(targets, database, probe, Object.values(servers));
    printReport(targets, results);
    say(
      `swipe requests sent: ${swipesSent()} of ${pairs} fresh pairs${swipesSent() > pairs ? ' (EXHAUSTED: 409s)' : ''}`,
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
  const targets: Target[] = [
    {
      label: 'raw node:http /healthz',
      server: 'raw',
      endpoint: 'healthz',
      load: { url: `${raw.origin}/healthz` },
    },
    {
      label: 'Fastify /healthz',
      server: 'fastify',
      endpoint: 'healthz',
      load: { url: `${fastify.origin}/healthz` },
    },
    {
      label: 'Express /healthz',
      server: 'express',
      endpoint: 'healthz',
      load: { url: `${express.origin}/healthz` },
    },
    {
      label: 'Fastify POST swipes',
      server: 'fastify',
      endpoint: 'swipes',
      load: { url: fastify.origin, next: swipe(FASTIFY_BASE) },
    },
    {
      label: 'Express POST swipes',
      server: 'express',
      endpoint: 'swipes',
      load: { url: express.origin, next: swipe(EXPRESS_BASE) },
    },
    {
      label: 'Fastify GET candidates',
      server: 'fastify',
      endpoint: 'candidates',
      load: { url: fastify.origin, next: candidates(FASTIFY_BASE) },
    },
    {
      label: 'Express GET candidates',
      server: 'express',
      endpoint: 'candidates',
      load: { url: express.origin, next: candidates(EXPRESS_BASE) },
    },
  ];
  return { targets, swipesSent: () => cursor };
}

interface Results {
  readonly runs: Map<Target, Measurement[]>;
  readonly pgbench: number[];
}

async function runRounds(
  targets: readonly Target[],
  database: BenchDatabase,
  probe: DatabaseProbe,
  servers: readonly ServerProcess[],
): Promise<Results> {
  const run = async (target: Target, seconds: number) => {
    const waited = await settle(
      servers.map((s) => s.origin),
      probe,
    );
    if (waited > 1000) say(`(waited ${fixed(waited / 1000, 1)} s for the previous run to drain)`);
    return measure({ ...target.load, connections: settings.connections, seconds });
  };
  if (settings.warmupSeconds > 0) {
    for (const target of targets) {
      const warm = await run(target, settings.warmupSeconds);
      say(`warm-up  ${target.label}: ${fixed(warm.okPerSecond)} req/s${problems(warm)}`);
    }
  }
  const runs = new Map<Target, Measurement[]>(targets.map((t) => [t, []]));
  const pgbench: number[] = [];
  let pgbenchUsable = settings.pgbenchSeconds > 0;
  for (let round = 1; round <= settings.rounds; round += 1) {
    for (const target of targets) {
      const result = await run(target, settings.seconds);
      runs.get(target)?.push(result);
      say(
        `round ${round}/${settings.rounds}  ${target.label}: ${fixed(result.okPerSecond)} req/s, ` +
          `p50 ${result.p50} ms, p99 ${result.p99} ms${problems(result)}`,
      );
    }
    if (pgbenchUsable) {
      await settle(
        servers.map((s) => s.origin),
        probe,
      );
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

function printReport(targets: readonly Target[], { runs, pgbench }: Results): void {
  const stats = (target: Target) => {
    const list = runs.get(target) ?? [];
    return {
      list,
      rate: median(list.map((m) => m.okPerSecond)),
      p99: median(list.map((m) => m.p99)),
      non2xx: list.reduce((sum, m) => sum + m.non2xx, 0),
      errors: list.reduce((sum, m) => sum + m.errors, 0),
    };
  };
  const rows = targets.map((target) => {
    const s = stats(target);
    return [
      target.label,
      fixed(s.rate),
      fixed(s.p99),
      s.list.map((m) => fixed(m.okPerSecond)).join(' / '),
      String(s.non2xx),
      String(s.errors),
    ];
  });
  if (pgbench.length > 0) {
    rows.push([
      'pgbench swipe INSERT, 8 clients (tps)',
      fixed(median(pgbench)),
      '',
      pgbench.map((t) => fixed(t)).join(' / '),
      '',
      '',
    ]);
  }
  const find = (server: ServerName, endpoint: Endpoint) =>
    targets.find((t) => t.server === server && t.endpoint === endpoint) as Target;
  const perRound = (a: Target, b: Target) =>
    (runs.get(a) ?? []).map((m, i) => m.okPerSecond / ((runs.get(b) ?? [])[i]?.okPerSecond ?? Number.NaN));
  const ratio = (label: string, a: Target, b: Target, goal?: number) => {
    const value = stats(a).rate / stats(b).rate;
    return ratioRow(label, value, perRound(a, b), goal);
  };
  const ratios = [
    ratio('healthz  Fastify / raw', find('fastify', 'healthz'), find('raw', 'healthz'), 0.8),
    ratio('healthz  Express / raw', find('express', 'healthz'), find('raw', 'healthz')),
    ratio('healthz  Express / Fastify', find('express', 'healthz'), find('fastify', 'healthz')),
    ratio('swipes  Express / Fastify', find('express', 'swipes'), find('fastify', 'swipes'), 0.7),
    ratio('candidates  Express / Fastify', find('express', 'candidates'), find('fastify', 'candidates'), 0.7),
  ];
  if (pgbench.length > 0) {
    for (const server of ['fastify', 'express'] as const) {
      const swipes = find(server, 'swipes');
      const value = stats(swipes).rate / median(pgbench);
      const rounds = (runs.get(swipes) ?? []).map((m, i) => m.okPerSecond / (pgbench[i] ?? Number.NaN));
      ratios.push(
        ratioRow(`swipes  ${server === 'fastify' ? 'Fastify' : 'Express'} / pgbench`, value, rounds, 0.25),
      );
    }
  }
  process.stdout.write(
    `\nResults (median over ${settings.rounds} rounds of ${settings.seconds} s, ${settings.connections} connections; ` +
      `req/s counts 2xx answers only)\n\n` +
      table(['target', 'req/s', 'p99 ms', 'per round', 'non-2xx', 'errors'], rows) +
      '\n\nRatios (of the medians; per round in brackets)\n\n' +
      table(['ratio', 'value', 'per round', 'target', ''], ratios) +
      `\n\ntotal ${elapsed().trim()}\n\n`,
  );
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
