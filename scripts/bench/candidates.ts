/**
 * `npm run bench:candidates`: serving the next card from precomputed decks, at 10k to 1M socks.
 *
 *   npm run bench:candidates -- --sizes 10000,1000000 --json artifacts/bench/candidates.json
 *
 * 1. Creates a throwaway database per size on the local PostgreSQL server and migrates it (all
 *    dropped at the end, also on failure or Ctrl-C; `--keep` keeps them).
 * 2. Seeds each in bulk (`support/bulk-seed.ts`): users = socks ÷ 3, 90 % of socks with 1–3
 *    pictures, ~3 swipes per sock, some matches, then VACUUM ANALYZE. Deterministic (`--seed`),
 *    ids included. Prints how long each phase took.
 * 3. At each size, with a new `PostgresCandidatePool` (a worker just started) and no decks:
 *    - picks `--measured` random socks (deterministic); the first `--heavy` of them first judge
 *      their 2,000 best candidates by numeric score (a user who swiped down the list);
 *    - the pool's initial load (as the pool logs it: ms, typed-array MB) and a `best` call after it;
 *    - builds their decks with `BuildDeck` over the real adapters (the deck worker's job): p50/p99,
 *      and the size of `deck_entries` (per deck, and projected to a deck for every sock);
 *    - cold deck: `ListCandidates` for `--cold` socks without a deck (the exact fallback query,
 *      today's path), and the shortlist query alone;
 *    - exactness: for every measured sock, the served answer at limits 20 and 1 next to the exact
 *      ranking (`support/deck-exactness.ts`): top-1 agreement and top-20 overlap, ties counted as
 *      agreement;
 *    - freshness: `--fresh` new socks through `AddSock` + `AddSockPicture`, with the deck worker
 *      (outbox relay + in-process handlers) running here; seconds until each is in every built
 *      deck it belongs in (`support/deck-freshness.ts`), p50/p95;
 *    - at the largest size only: `pool.best` and the deck write for deck sizes `--deck-sizes`.
 * 4. Next card, every size side by side (their databases and pools stay up): `--rounds` rounds,
 *    each visiting every size in turn for `ListCandidates` at limit 1 and 20 and the deck query
 *    alone (`DeckRepository.peek`), `--runs` calls per size and figure in all; so a noisy minute
 *    on this shared machine hits every size alike, and the ratio largest ÷ smallest is fair.
 * 5. Prints the figures next to their targets, and writes them as JSON (`--json <file>`).
 *
 * Options: [--sizes 10000,100000] [--measured 200] [--heavy 10] [--runs 1000] [--rounds 5] [--warmup 200]
 *   [--cold 20] [--cold-runs 60] [--fresh 30] [--fresh-interval-ms 500] [--deck-sizes 50,100,200,500]
 *   [--sweep-socks 30] [--socks-per-user 3] [--seed 42] [--batch 5000] [--concurrency 2]
 *   [--seed-row-triggers] [--seed-only] [--json <file>] [--explain] [--keep]
 *
 * `--explain` prints every statement of one next-card request (limit 1) and EXPLAIN (ANALYZE,
 * BUFFERS) of its reads, at each size: the deck query's planning time shows there. `--seed-row-triggers` keeps
 * the `sock_changes` triggers on during the seed (slower; see `seedUpTo`); `--seed-only` stops
 * after seeding (to time it). The server is `BENCH_PG_URL` (default
 * `postgres://postgres@127.0.0.1:5432/postgres`, the test server); `BENCH_LOG_LEVEL` (warn) is
 * the deck worker's log level.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { LocalPictureStore } from '../../src/adapters/media/local-picture-store.js';
import { createOrm, type Orm } from '../../src/adapters/persistence/mikro-orm.config.js';
import { numericScoreSql } from '../../src/adapters/persistence/candidate-shortlist.js';
import { BuildDeck } from '../../src/application/decks/build-deck.js';
import type { DeckExclusions } from '../../src/application/ports/candidate-pool.js';
import type { Clock } from '../../src/application/ports/clock.js';
import { ListCandidates } from '../../src/application/swiping/list-candidates.js';
import type { ColorKey } from '../../src/domain/options/option-lists.js';
import type { Sock } from '../../src/domain/sock/sock.js';
import { DECK } from '../../src/domain/swiping/deck.js';
import { sockSvg } from '../../src/tools/seed/demo-images.js';
import { benchRepositories, type BenchRepositories } from './support/bench-repositories.js';
import { seedUpTo, type SeededWorld, type SeedReport } from './support/bulk-seed.js';
import { createBenchDatabase, execute, type BenchDatabase } from './support/database.js';
import { compareAnswers, ExactRanking } from './support/deck-exactness.js';
import { measureFreshness, type FreshnessResult } from './support/deck-freshness.js';
import { startDeckWorker } from './support/deck-worker.js';
import { round, writeJsonFile } from './support/json-file.js';
import { Progress } from './support/progress.js';
import { Random } from './support/random.js';
import { fixed, median, table } from './support/report.js';
import { summarize, timed, timeRuns, type Timing } from './support/timing.js';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    measured: { type: 'string', default: '200' },
    heavy: { type: 'string', default: '10' },
    runs: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '200' },
    cold: { type: 'string', default: '20' },
    'cold-runs': { type: 'string', default: '60' },
    fresh: { type: 'string', default: '30' },
    'fresh-interval-ms': { type: 'string', default: '500' },
    'deck-sizes': { type: 'string', default: '50,100,200,500' },
    'sweep-socks': { type: 'string', default: '30' },
    'socks-per-user': { type: 'string', default: '3' },
    seed: { type: 'string', default: '42' },
    batch: { type: 'string', default: '5000' },
    concurrency: { type: 'string', default: '2' },
    'seed-row-triggers': { type: 'boolean', default: false },
    'seed-only': { type: 'boolean', default: false },
    json: { type: 'string' },
    explain: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});

const ADMIN_URL = process.env['BENCH_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SIZES = args.sizes.split(',').map((s) => wholeNumber(s, 'sizes', 100));
const MEASURED = wholeNumber(args.measured, 'measured', 1);
const HEAVY = Math.min(MEASURED, wholeNumber(args.heavy, 'heavy', 0));
const RUNS = wholeNumber(args.runs, 'runs', 1);
const ROUNDS = wholeNumber(args.rounds, 'rounds', 1);
const WARMUP = wholeNumber(args.warmup, 'warmup', 0);
const COLD = wholeNumber(args.cold, 'cold', 1);
const COLD_RUNS = wholeNumber(args['cold-runs'], 'cold-runs', 1);
const FRESH = wholeNumber(args.fresh, 'fresh', 0);
const FRESH_INTERVAL_MS = wholeNumber(args['fresh-interval-ms'], 'fresh-interval-ms', 0);
const DECK_SIZES = args['deck-sizes'].split(',').map((s) => wholeNumber(s, 'deck-sizes', 1));
const SWEEP_SOCKS = wholeNumber(args['sweep-socks'], 'sweep-socks', 0);
const SOCKS_PER_USER = Number(args['socks-per-user']);
if (!(SOCKS_PER_USER >= 1)) throw new Error('--socks-per-user must be a number ≥ 1');
/** Best-ranked candidates a heavy swiper has judged. */
const HEAVY_SWIPES = 2_000;
const NOW = new Date('2026-12-01T12:00:00.000Z');
const clock: Clock = { now: () => NOW };

const TARGETS = {
  nextCardP99Ms: 5,
  nextCardP99Ratio: 3,
  top1Agreement: 0.95,
  top20Overlap: 0.9,
  freshnessP95Seconds: 5,
} as const;

interface SizeResult {
  readonly socks: number;
  readonly seed: SeedReport;
  readonly measured?: Measured | (Measured & Serving);
}

interface Measured {
  readonly poolLoadMs: number;
  readonly poolFirstCallMs: number;
  readonly poolMemoryMb: number;
  readonly deckBuild: Timing;
  readonly deckEntries: DeckTableSize;
  readonly coldNextCard: Timing;
  readonly shortlistQuery: Timing;
  readonly top1Agreement: number;
  readonly top1AgreementAtLimit20: number;
  readonly top20Overlap: number;
  readonly exactness: {
    socks: number;
    medianWindow: number;
    maxWindow: number;
    scoreMismatches: number;
    ms: number;
  };
  readonly freshness: FreshnessResult | null;
  readonly deckSizeSweep: DeckSizeRow[] | null;
}

interface DeckTableSize {
  readonly decks: number;
  readonly rows: number;
  readonly bytes: number;
  readonly bytesPerDeck: number;
  /** `bytesPerDeck` × every sock: the table once every sock has a deck. */
  readonly projectedBytesAllSocks: number;
}

interface DeckSizeRow {
  readonly deckSize: number;
  readonly best: Timing;
  readonly bestAndWrite: Timing;
  readonly meanEntries: number;
}

const say = (line: string) => console.log(line);

/** A size whose database, pool and decks stay up until the end, for the side-by-side rounds. */
interface LiveSize {
  readonly socks: number;
  readonly r: BenchRepositories;
  readonly measured: readonly Sock[];
  readonly list: List;
}

async function main(): Promise<void> {
  const databases: BenchDatabase[] = [];
  const orms: Orm[] = [];
  let mediaDir: string | null = null;
  const cleanUp = async (): Promise<void> => {
    for (const orm of orms.splice(0)) await orm.close(true).catch(() => undefined);
    if (mediaDir) await rm(mediaDir, { recursive: true, force: true });
    mediaDir = null;
    for (const database of databases.splice(0)) {
      if (args.keep) say(`kept database ${database.name} (${database.url})`);
      else await database.drop();
    }
  };
  process.once('SIGINT', () => {
    process.stderr.write('\ninterrupted: dropping the benchmark databases\n');
    void cleanUp().finally(() => process.exit(130));
  });
  try {
    mediaDir = await mkdtemp(join(tmpdir(), 'hotsox-bench-media-'));
    say(
      `Node ${process.version}, ${availableParallelism()} CPU(s), load average ` +
        `${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}; DECK.size ${DECK.size}, refill below ${DECK.refillBelow}; sizes ${SIZES.join(', ')}`,
    );
    const results: SizeResult[] = [];
    const live: LiveSize[] = [];
    for (const size of SIZES) {
      // One database per size, all kept until the end: the next-card rounds run side by side.
      const database = await createBenchDatabase(ADMIN_URL);
      databases.push(database);
      const orm = await createOrm({ clientUrl: database.url, pool: { min: 1, max: 6 } });
      orms.push(orm);
      // Throwaway data: commits need not wait for the disk.
      await execute(orm, `alter database "${database.name}" set synchronous_commit = off`);
      const world: SeededWorld = { userIds: [], sockIds: [], sockOwners: [] };
      const random = new Random(wholeNumber(args.seed, 'seed', 0));
      const seed = await seedUpTo(orm, world, size, random, {
        socksPerUser: SOCKS_PER_USER,
        rowTriggers: args['seed-row-triggers'],
        batch: wholeNumber(args.batch, 'batch', 1),
        concurrency: wholeNumber(args.concurrency, 'concurrency', 1),
        now: NOW,
      });
      say(
        `\n== ${size.toLocaleString('en')} socks (database ${database.name}): seeded in ${fixed(seed.ms / 1000, 1)} s ` +
          `(${phaseList(seed.phases)})\n   ` +
          Object.entries(seed.counts)
            .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
            .join(', '),
      );
      if (args['seed-only']) {
        results.push({ socks: size, seed });
        continue;
      }
      const measured = await measureSize(orm, world, size, random, size === Math.max(...SIZES), mediaDir);
      live.push(measured.live);
      results.push({ socks: size, seed, measured: measured.figures });
    }
    const serving = live.length > 0 ? await sideBySide(live) : new Map<number, Serving>();
    const report = summaryReport(
      results.map((result) => {
        const figures = serving.get(result.socks);
        return result.measured && figures
          ? { ...result, measured: { ...result.measured, ...figures } }
          : result;
      }),
    );
    if (args.json) say(`\nwrote ${await writeJsonFile(args.json, report)}`);
  } finally {
    await cleanUp();
  }
}

/** Next-card figures, measured in rounds that visit every size in turn. */
interface Serving {
  readonly nextCard: Timing;
  readonly nextCard20: Timing;
  readonly deckPeek: Timing;
  /** p99 of each round at limit 1 (for the ratio per round). */
  readonly roundP99s: number[];
}

/**
 * Next card at every size side by side: `ROUNDS` rounds, each visiting every size (in a rotating
 * order) for a warm-up and `RUNS ÷ ROUNDS` calls of `ListCandidates` at limit 1, then limit 20,
 * then `DeckRepository.peek` alone; so a noisy minute on this shared machine hits all sizes alike.
 */
async function sideBySide(live: readonly LiveSize[]): Promise<Map<number, Serving>> {
  const perRound = Math.max(1, Math.ceil(RUNS / ROUNDS));
  const warmup = Math.ceil(WARMUP / ROUNDS);
  const at = (socks: readonly Sock[], i: number) => socks[i % socks.length] as Sock;
  const samples = new Map(
    live.map((l) => [
      l.socks,
      { one: [] as number[], twenty: [] as number[], peek: [] as number[], roundP99s: [] as number[] },
    ]),
  );
  const progress = new Progress(`next card side by side (${ROUNDS} rounds × ${live.length} sizes)`);
  for (let round = 0; round < ROUNDS; round++) {
    const order = live.map((_, i) => live[(i + round) % live.length] as LiveSize);
    for (const size of order) {
      const into = samples.get(size.socks) as NonNullable<ReturnType<typeof samples.get>>;
      const offset = round * perRound;
      for (let i = 0; i < warmup; i++) await size.list(at(size.measured, offset + i), 1);
      const one = await durations(perRound, (i) => size.list(at(size.measured, offset + i), 1));
      const twenty = await durations(perRound, (i) => size.list(at(size.measured, offset + i), 20));
      const peek = await durations(perRound, (i) => size.r.decks.peek(at(size.measured, offset + i).id, 1));
      into.one.push(...one);
      into.twenty.push(...twenty);
      into.peek.push(...peek);
      into.roundP99s.push(summarize(one).p99Ms);
      progress.update(round + 1, ROUNDS, `round ${round + 1}/${ROUNDS}`);
    }
  }
  progress.finish();
  const result = new Map<number, Serving>();
  for (const [socks, s] of samples) {
    result.set(socks, {
      nextCard: summarize(s.one),
      nextCard20: summarize(s.twenty),
      deckPeek: summarize(s.peek),
      roundP99s: s.roundP99s,
    });
  }
  for (const l of live) {
    const f = result.get(l.socks) as Serving;
    say(
      `next card @${l.socks.toLocaleString('en')} (${f.nextCard.n} calls over ${l.measured.length} socks): limit 1 p50 ` +
        `${fixed(f.nextCard.p50Ms, 2)} ms, p99 ${fixed(f.nextCard.p99Ms, 2)} ms (per round ${f.roundP99s.map((v) => fixed(v, 1)).join(' / ')}); ` +
        `limit 20 p50 ${fixed(f.nextCard20.p50Ms, 2)} ms, p99 ${fixed(f.nextCard20.p99Ms, 2)} ms; the deck query alone ` +
        `p50 ${fixed(f.deckPeek.p50Ms, 2)} ms, p99 ${fixed(f.deckPeek.p99Ms, 2)} ms`,
    );
  }
  return result;
}

/** The duration of each of `n` calls, in ms. */
async function durations(n: number, work: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await work(i);
    out.push(performance.now() - started);
  }
  return out;
}

async function measureSize(
  orm: Orm,
  world: SeededWorld,
  size: number,
  random: Random,
  largest: boolean,
  mediaDir: string,
): Promise<{ figures: Measured; live: LiveSize }> {
  // A new pool, as a worker started now would have: it loads this size's socks.
  const r = repositories(orm);
  const picks = pickDistinct(random, size, MEASURED + COLD + SWEEP_SOCKS).map(
    (i) => world.sockIds[i] as string,
  );
  const measuredIds = picks.slice(0, MEASURED);
  const coldIds = picks.slice(MEASURED, MEASURED + COLD);
  const sweepIds = picks.slice(MEASURED + COLD);

  const heavyProgress = new Progress(`${HEAVY} heavy swipers judge their ${HEAVY_SWIPES} best`);
  for (const [i, id] of measuredIds.slice(0, HEAVY).entries()) {
    await swipeBestRanked(orm, await sockById(r, id), HEAVY_SWIPES);
    heavyProgress.update(i + 1, HEAVY, `${i + 1}/${HEAVY}`);
  }
  if (HEAVY > 0) heavyProgress.finish();
  const measured = await socksByIds(r, measuredIds);

  // Pool: the first call loads every sock (the pool logs how long, and its typed arrays' size).
  const first = measured[0] as Sock;
  const firstExclusions = await exclusionsOf(r, first);
  const load = await timed(() => r.candidatePool.best(first, firstExclusions, DECK.size));
  const again = await timed(() => r.candidatePool.best(first, firstExclusions, DECK.size));
  const loaded = r.poolLoads[0];
  const poolLoadMs = loaded?.ms ?? load.ms - again.ms;
  const poolMemoryMb = loaded?.typedArrayMegabytes ?? Number.NaN;
  say(
    `pool: initial load ${fixed(poolLoadMs)} ms (${loaded?.socks.toLocaleString('en') ?? '?'} socks, typed arrays ` +
      `${fixed(poolMemoryMb, 1)} MB); first best() ${fixed(load.ms)} ms, second ${fixed(again.ms, 1)} ms`,
  );

  const buildDeck = new BuildDeck(r.socks, r.swipes, r.matches, r.candidatePool, r.decks, r.uow, clock);
  const buildProgress = new Progress(`building ${measured.length} decks`);
  const deckBuild = await timeRuns(
    measured.length,
    0,
    (i) => buildDeck.execute({ sockId: (measured[i] as Sock).id }),
    (done) => buildProgress.update(done, measured.length, `${done}/${measured.length}`),
  );
  buildProgress.finish();
  const deckEntries = await deckTableSize(orm, size);
  say(
    `deck build (BuildDeck, ${measured.length} socks): p50 ${fixed(deckBuild.p50Ms, 1)} ms, p99 ${fixed(deckBuild.p99Ms, 1)} ms; ` +
      `deck_entries ${deckEntries.rows.toLocaleString('en')} rows in ${deckEntries.decks} decks, ` +
      `${fixed(deckEntries.bytes / 1024 / 1024, 1)} MB (${fixed(deckEntries.bytesPerDeck / 1024, 1)} kB per deck; ` +
      `a deck for each of the ${size.toLocaleString('en')} socks ≈ ${fixed(deckEntries.projectedBytesAllSocks / 1024 ** 3, 2)} GB)`,
  );

  const listCandidates = new ListCandidates(r.socks, r.users, r.pictures, r.decks, r.outbox, r.uow, clock);
  const list = (sock: Sock, limit: number) =>
    listCandidates.execute({ userId: sock.ownerId, sockId: sock.id, limit });
  const at = (socks: readonly Sock[], i: number) => socks[i % socks.length] as Sock;
  // Warm the serving path up here; it is timed at the end, every size side by side.
  await timeRuns(WARMUP, 0, (i) => list(at(measured, i), 1));

  const cold = await socksByIds(r, coldIds);
  const coldProgress = new Progress(`cold decks (${COLD_RUNS} calls)`);
  const coldNextCard = await timeRuns(
    COLD_RUNS,
    Math.min(COLD, COLD_RUNS),
    (i) => list(at(cold, i), 1),
    (done) => coldProgress.update(done, COLD_RUNS * 2, `ListCandidates ${done}/${COLD_RUNS}`),
  );
  const shortlistQuery = await timeRuns(
    COLD_RUNS,
    0,
    (i) => r.socks.shortlistCandidates(at(cold, i), 1),
    (done) => coldProgress.update(COLD_RUNS + done, COLD_RUNS * 2, `shortlist query ${done}/${COLD_RUNS}`),
  );
  coldProgress.finish();
  say(
    `cold deck (exact fallback, ${cold.length} socks): ListCandidates p50 ${fixed(coldNextCard.p50Ms, 1)} ms, ` +
      `p99 ${fixed(coldNextCard.p99Ms, 1)} ms; the shortlist query alone p50 ${fixed(shortlistQuery.p50Ms, 1)} ms, ` +
      `p99 ${fixed(shortlistQuery.p99Ms, 1)} ms`,
  );

  const exactness = await checkExactness(r, measured, list);
  say(
    `exactness over ${measured.length} socks: top-1 agreement ${fixed(exactness.top1Agreement, 3)} ` +
      `(limit 20's first card: ${fixed(exactness.top1AgreementAtLimit20, 3)}), top-20 overlap ${fixed(exactness.top20Overlap, 3)}; ` +
      `ranked windows of ${exactness.exactness.medianWindow.toLocaleString('en')} candidates (median, max ` +
      `${exactness.exactness.maxWindow.toLocaleString('en')}); stored scores off the domain's: ${exactness.exactness.scoreMismatches}`,
  );

  let freshness: FreshnessResult | null = null;
  if (FRESH > 0) {
    const pictureStore = new LocalPictureStore(mediaDir);
    const worker = startDeckWorker(orm, r, clock, pictureStore);
    try {
      await worker.idle(); // the cold decks' build requests, first
      freshness = await measureFreshness(orm, r, worker, clock, pictureStore, await png(), measured, {
        socks: FRESH,
        intervalMs: FRESH_INTERVAL_MS,
        timeoutMs: 60_000,
      });
      await worker.idle();
    } finally {
      await worker.stop();
    }
    say(
      `freshness (${FRESH} new socks, one every ${FRESH_INTERVAL_MS} ms, each belonging in ${fixed(freshness.meanDecks, 1)} ` +
        `built decks on average): p50 ${fixed(freshness.p50Seconds, 2)} s, p95 ${fixed(freshness.p95Seconds, 2)} s, ` +
        `max ${fixed(freshness.maxSeconds, 2)} s; in no deck: ${freshness.inNoDeck}; timeouts: ${freshness.timeouts}`,
    );
  }

  const deckSizeSweep =
    largest && SWEEP_SOCKS > 0 ? await sweepDeckSizes(r, await socksByIds(r, sweepIds)) : null;
  if (args.explain) await explainServing(orm, r, first, list);
  return {
    figures: {
      poolLoadMs,
      poolFirstCallMs: load.ms,
      poolMemoryMb,
      deckBuild,
      deckEntries,
      coldNextCard,
      shortlistQuery,
      ...exactness,
      freshness,
      deckSizeSweep,
    },
    live: { socks: size, r, measured, list },
  };
}

type List = (sock: Sock, limit: number) => ReturnType<ListCandidates['execute']>;

async function checkExactness(r: BenchRepositories, measured: readonly Sock[], list: List) {
  const exact = new ExactRanking(r.scope, r.uow);
  const progress = new Progress(`exact ranking of ${measured.length} socks`, 10_000);
  let top1 = 0;
  let top1At20 = 0;
  let overlap = 0;
  let scoreMismatches = 0;
  const windows: number[] = [];
  const started = Date.now();
  for (const [i, own] of measured.entries()) {
    const owner = await r.users.findById(own.ownerId);
    const { ranked, window } = await exact.best(own, owner?.location ?? null, 20);
    const served = async (limit: number) =>
      (await list(own, limit)).items.map((item) => ({ sock: item.sock.sock, storedScore: item.score }));
    const at20 = compareAnswers(own, await served(20), ranked, window);
    const at1 = compareAnswers(own, await served(1), ranked.slice(0, 1), window);
    top1 += at1.top1 ? 1 : 0;
    top1At20 += at20.top1 ? 1 : 0;
    overlap += at20.overlap;
    scoreMismatches += at20.scoreMismatches + at1.scoreMismatches;
    windows.push(window);
    progress.update(
      i + 1,
      measured.length,
      `${i + 1}/${measured.length} socks, top-1 so far ${top1}/${i + 1}`,
    );
  }
  progress.finish();
  const n = Math.max(1, measured.length);
  return {
    top1Agreement: top1 / n,
    top1AgreementAtLimit20: top1At20 / n,
    top20Overlap: overlap / n,
    exactness: {
      socks: measured.length,
      medianWindow: median(windows),
      maxWindow: Math.max(0, ...windows),
      scoreMismatches,
      ms: Date.now() - started,
    },
  };
}

/** `pool.best` alone, and with the deck write (`replace` in a unit of work), at each deck size. */
async function sweepDeckSizes(r: BenchRepositories, socks: readonly Sock[]): Promise<DeckSizeRow[]> {
  const rows: DeckSizeRow[] = [];
  const exclusions = new Map<string, DeckExclusions>();
  for (const sock of socks) exclusions.set(sock.id, await exclusionsOf(r, sock));
  const progress = new Progress(`deck sizes ${DECK_SIZES.join('/')} over ${socks.length} socks`);
  for (const [k, deckSize] of DECK_SIZES.entries()) {
    const best: number[] = [];
    const total: number[] = [];
    let entries = 0;
    for (const sock of socks) {
      const t = await timed(async () => {
        const found = await timed(() =>
          r.candidatePool.best(sock, exclusions.get(sock.id) as DeckExclusions, deckSize),
        );
        best.push(found.ms);
        const ranked = found.result.entries;
        entries += ranked.length;
        await r.uow.run(async () => {
          await r.decks.lockDeck(sock.id);
          await r.decks.replace({
            sockId: sock.id,
            entries: ranked,
            floor: found.result.complete ? null : (ranked.at(-1)?.score ?? null),
            builtAt: NOW,
          });
        });
      });
      total.push(t.ms);
    }
    rows.push({
      deckSize,
      best: summarize(best),
      bestAndWrite: summarize(total),
      meanEntries: entries / socks.length,
    });
    progress.update(k + 1, DECK_SIZES.length, `deck size ${deckSize}`);
  }
  progress.finish();
  say(
    `\ndeck size vs build cost (${socks.length} socks, largest size)\n` +
      table(
        ['deck size', 'best p50 ms', 'best p99 ms', 'best+write p50 ms', 'best+write p99 ms', 'entries'],
        rows.map((row) => [
          String(row.deckSize),
          fixed(row.best.p50Ms, 1),
          fixed(row.best.p99Ms, 1),
          fixed(row.bestAndWrite.p50Ms, 1),
          fixed(row.bestAndWrite.p99Ms, 1),
          fixed(row.meanEntries),
        ]),
      ),
  );
  return rows;
}

/**
 * Every statement of one next-card request (captured from the ORM's query builder), and
 * EXPLAIN (ANALYZE, BUFFERS) of its reads. MikroORM inlines the parameters into the SQL it
 * sends, so the captured text runs as it is.
 */
async function explainServing(orm: Orm, r: BenchRepositories, own: Sock, list: List): Promise<void> {
  const knex = orm.em.getConnection().getKnex();
  const captured: string[] = [];
  const listener = (query: { sql: string }) => captured.push(query.sql);
  knex.on('query', listener);
  try {
    await list(own, 1);
  } finally {
    knex.off('query', listener);
  }
  say(`\nEXPLAIN: the ${captured.length} statements of one next-card request (limit 1)`);
  for (const sql of captured) {
    say(`  ${sql.replace(/\s+/g, ' ').slice(0, 400)}${sql.length > 400 ? ' …' : ''}`);
    if (!/^\s*(select|with)\b/i.test(sql)) continue;
    const plan = (await execute(orm, `explain (analyze, buffers) ${sql}`)) as Array<Record<string, string>>;
    say(plan.map((row) => `      ${Object.values(row)[0]}`).join('\n'));
  }
  void r;
}

/** The judged socks and matched users of a sock, as `BuildDeck` reads them. */
async function exclusionsOf(r: BenchRepositories, sock: Sock): Promise<DeckExclusions> {
  const [judged, partners] = await Promise.all([
    r.swipes.judgedBy(sock.id),
    r.matches.partnersOf(sock.ownerId),
  ]);
  return { judgedSockIds: new Set(judged), matchedUserIds: new Set(partners) };
}

/** The sock judges its `count` best candidates by numeric score, as if it had swiped down the list. */
async function swipeBestRanked(orm: Orm, own: Sock, count: number): Promise<void> {
  const score = numericScoreSql(own, 's');
  await orm.em
    .fork()
    .getConnection()
    .execute(
      `insert into swipes (sock_id, target_sock_id, decision, judged_at)
       select ?::uuid, s.id, 'dislike', ?::timestamptz from socks s
       where s.owner_id <> ?::uuid
       order by ${score.sql} desc
       limit ?
       on conflict do nothing`,
      [own.id, NOW.toISOString(), own.ownerId, ...score.bindings, count],
    );
}

async function deckTableSize(orm: Orm, socks: number): Promise<DeckTableSize> {
  await execute(orm, 'analyze deck_entries, decks');
  const [row] = (await execute(
    orm,
    `select (select count(*)::int from decks where built_at is not null) as decks,
       (select count(*)::int from deck_entries) as rows,
       (pg_total_relation_size('deck_entries') + pg_total_relation_size('decks'))::bigint::text as bytes`,
  )) as [{ decks: number; rows: number; bytes: string }];
  const bytes = Number(row.bytes);
  const bytesPerDeck = bytes / Math.max(1, row.decks);
  return {
    decks: row.decks,
    rows: row.rows,
    bytes,
    bytesPerDeck,
    projectedBytesAllSocks: bytesPerDeck * socks,
  };
}

/** `count` distinct indexes below `size`, drawn from `random`. */
function pickDistinct(random: Random, size: number, count: number): number[] {
  if (count > size) throw new Error(`cannot pick ${count} socks out of ${size}`);
  const picked = new Set<number>();
  while (picked.size < count) picked.add(random.int(0, size - 1));
  return [...picked];
}

async function sockById(r: BenchRepositories, id: string): Promise<Sock> {
  const sock = await r.socks.findById(id);
  if (!sock) throw new Error(`no sock ${id}`);
  return sock;
}

/** The socks in the order of `ids`. */
async function socksByIds(r: BenchRepositories, ids: readonly string[]): Promise<Sock[]> {
  const found = new Map((await r.socks.findManyByIds(ids)).map((s) => [s.id, s]));
  return ids.map((id) => {
    const sock = found.get(id);
    if (!sock) throw new Error(`no sock ${id}`);
    return sock;
  });
}

function repositories(orm: Orm): BenchRepositories {
  return benchRepositories(orm, clock);
}

/** A small PNG of a sock, as a user would upload. */
async function png(): Promise<Uint8Array> {
  return sharp(Buffer.from(sockSvg('blue' satisfies ColorKey, 1)))
    .resize(64, 64)
    .png()
    .toBuffer();
}

const phaseList = (phases: Readonly<Record<string, number>>): string =>
  Object.entries(phases)
    .map(([name, ms]) => `${name} ${fixed(ms / 1000, 1)} s`)
    .join(', ');

/** Prints the figures next to their targets; returns the JSON report. */
type Full = Measured & Serving;

function summaryReport(results: readonly SizeResult[]) {
  const measured = results.filter(
    (r): r is SizeResult & { measured: Full } => r.measured !== undefined && 'nextCard' in r.measured,
  );
  const smallest = measured[0];
  const largest = measured.at(-1);
  const ratio =
    smallest && largest ? largest.measured.nextCard.p99Ms / smallest.measured.nextCard.p99Ms : Number.NaN;
  const roundRatios =
    smallest && largest
      ? largest.measured.roundP99s.map((p99, i) => p99 / (smallest.measured.roundP99s[i] ?? Number.NaN))
      : [];
  const freshness = largest?.measured.freshness ?? null;
  const ms = (t: Timing, digits = 2) => `${fixed(t.p50Ms, digits)} / ${fixed(t.p99Ms, digits)}`;
  const k = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);
  const verdict = (ok: boolean) => (ok ? 'pass' : 'FAIL');

  say(
    `\nSeeding\n${table(
      ['socks', 'seconds', ...Object.keys(results[0]?.seed.phases ?? {})],
      results.map((r) => [
        r.socks.toLocaleString('en'),
        fixed(r.seed.ms / 1000, 1),
        ...Object.values(r.seed.phases).map((t) => fixed(t / 1000, 1)),
      ]),
    )}`,
  );
  if (measured.length > 0) {
    const row = (label: string, cell: (m: Full) => string, target = '', pass?: (m: Full) => boolean) => [
      label,
      ...measured.map((r) => cell(r.measured)),
      target,
      pass ? measured.map((r) => verdict(pass(r.measured))).join(' ') : '',
    ];
    say(
      `\nResults (p50 / p99 in ms unless said otherwise)\n${table(
        ['figure', ...measured.map((r) => `@${k(r.socks)}`), 'target', 'verdict'],
        [
          row(
            'next card, limit 1 (deck)',
            (m) => ms(m.nextCard),
            `p99 ≤ ${TARGETS.nextCardP99Ms} ms`,
            (m) => m.nextCard.p99Ms <= TARGETS.nextCardP99Ms,
          ),
          row('next card, limit 20 (deck)', (m) => ms(m.nextCard20)),
          row('  the deck query alone (peek, limit 1)', (m) => ms(m.deckPeek)),
          row('cold deck, limit 1 (exact fallback)', (m) => ms(m.coldNextCard, 1)),
          row('  the shortlist query alone (today)', (m) => ms(m.shortlistQuery, 1)),
          row(
            'top-1 agreement',
            (m) => fixed(m.top1Agreement, 3),
            `≥ ${TARGETS.top1Agreement}`,
            (m) => m.top1Agreement >= TARGETS.top1Agreement,
          ),
          row(
            'top-20 overlap',
            (m) => fixed(m.top20Overlap, 3),
            `≥ ${TARGETS.top20Overlap}`,
            (m) => m.top20Overlap >= TARGETS.top20Overlap,
          ),
          row('deck build (BuildDeck)', (m) => ms(m.deckBuild, 1)),
          row('pool initial load (ms)', (m) => fixed(m.poolLoadMs)),
          row('pool typed arrays (MB)', (m) => fixed(m.poolMemoryMb, 1)),
          row('deck_entries + decks per deck (kB)', (m) => fixed(m.deckEntries.bytesPerDeck / 1024, 1)),
          row('  projected, a deck per sock (GB)', (m) =>
            fixed(m.deckEntries.projectedBytesAllSocks / 1024 ** 3, 2),
          ),
          row(
            'freshness p50 / p95 (s)',
            (m) =>
              m.freshness
                ? `${fixed(m.freshness.p50Seconds, 2)} / ${fixed(m.freshness.p95Seconds, 2)}`
                : 'n/a',
            `p95 ≤ ${TARGETS.freshnessP95Seconds} s`,
            (m) => (m.freshness?.p95Seconds ?? Number.POSITIVE_INFINITY) <= TARGETS.freshnessP95Seconds,
          ),
        ],
      )}\n\nnext card p99 ${largest ? k(largest.socks) : ''} / ${smallest ? k(smallest.socks) : ''}: ${fixed(ratio, 2)} ` +
        `(target ≤ ${TARGETS.nextCardP99Ratio}: ${verdict(ratio <= TARGETS.nextCardP99Ratio)}); per round ` +
        `${roundRatios.map((v) => fixed(v, 2)).join(' / ')}, median ${fixed(median(roundRatios), 2)}`,
    );
  }
  const timing = (t: Timing) => ({
    p50Ms: round(t.p50Ms, 3),
    p95Ms: round(t.p95Ms, 3),
    p99Ms: round(t.p99Ms, 3),
    maxMs: round(t.maxMs, 3),
    n: t.n,
  });
  return {
    generatedAt: new Date().toISOString(),
    settings: {
      measured: MEASURED,
      heavySwipers: HEAVY,
      runs: RUNS,
      warmup: WARMUP,
      cold: COLD,
      coldRuns: COLD_RUNS,
      fresh: FRESH,
      freshIntervalMs: FRESH_INTERVAL_MS,
      socksPerUser: SOCKS_PER_USER,
      seed: Number(args.seed),
      seedRowTriggers: args['seed-row-triggers'],
      deckSize: DECK.size,
      deckRefillBelow: DECK.refillBelow,
      cpus: availableParallelism(),
      loadAverage: loadavg(),
      node: process.version,
    },
    sizes: results.map(({ socks, seed, measured: full }) => {
      const m = full && 'nextCard' in full ? full : undefined;
      return {
        socks,
        seed: {
          seconds: round(seed.ms / 1000, 1),
          phasesSeconds: mapValues(seed.phases, (v) => round(v / 1000, 1)),
          counts: seed.counts,
        },
        ...(m
          ? {
              nextCard: timing(m.nextCard),
              nextCardLimit20: timing(m.nextCard20),
              deckPeek: timing(m.deckPeek),
              coldNextCard: timing(m.coldNextCard),
              shortlistQuery: timing(m.shortlistQuery),
              top1Agreement: round(m.top1Agreement, 4),
              top1AgreementAtLimit20: round(m.top1AgreementAtLimit20, 4),
              top20Overlap: round(m.top20Overlap, 4),
              exactness: m.exactness,
              deckBuild: timing(m.deckBuild),
              poolLoadMs: round(m.poolLoadMs, 1),
              poolFirstCallMs: round(m.poolFirstCallMs, 1),
              poolTypedArrayMb: round(m.poolMemoryMb, 1),
              deckEntries: m.deckEntries,
              freshness: m.freshness && {
                p50Seconds: round(m.freshness.p50Seconds, 3),
                p95Seconds: round(m.freshness.p95Seconds, 3),
                maxSeconds: round(m.freshness.maxSeconds, 3),
                socks: m.freshness.seconds.length,
                inNoDeck: m.freshness.inNoDeck,
                timeouts: m.freshness.timeouts,
                meanDecks: round(m.freshness.meanDecks, 2),
              },
              deckSizeSweep: m.deckSizeSweep?.map((row) => ({
                deckSize: row.deckSize,
                best: timing(row.best),
                bestAndWrite: timing(row.bestAndWrite),
                meanEntries: round(row.meanEntries, 1),
              })),
            }
          : {}),
      };
    }),
    freshness: freshness && {
      p50Seconds: round(freshness.p50Seconds, 3),
      p95Seconds: round(freshness.p95Seconds, 3),
      atSocks: largest?.socks,
    },
    ratios: {
      nextCardP99LargestOverSmallest: round(ratio, 3),
      nextCardP99LargestOverSmallestPerRound: roundRatios.map((v) => round(v, 3)),
    },
    targets: {
      nextCardP99Ms: {
        target: TARGETS.nextCardP99Ms,
        pass: measured.every((r) => r.measured.nextCard.p99Ms <= TARGETS.nextCardP99Ms),
      },
      nextCardP99LargestOverSmallest: {
        target: TARGETS.nextCardP99Ratio,
        pass: ratio <= TARGETS.nextCardP99Ratio,
      },
      top1Agreement: {
        target: TARGETS.top1Agreement,
        pass: measured.every((r) => r.measured.top1Agreement >= TARGETS.top1Agreement),
      },
      top20Overlap: {
        target: TARGETS.top20Overlap,
        pass: measured.every((r) => r.measured.top20Overlap >= TARGETS.top20Overlap),
      },
      freshnessP95Seconds: {
        target: TARGETS.freshnessP95Seconds,
        pass: (freshness?.p95Seconds ?? Number.POSITIVE_INFINITY) <= TARGETS.freshnessP95Seconds,
      },
    },
  };
}

function mapValues<V, W>(record: Readonly<Record<string, V>>, fn: (v: V) => W): Record<string, W> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fn(v)]));
}

function wholeNumber(text: string, name: string, min: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}: ${text}`);
  return n;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
