/**
 * `npm run bench:candidates`: how long `GET /socks/{id}/candidates` takes at 10k and 100k socks.
 *
 * 1. Creates a throwaway database on the local PostgreSQL server and migrates it (dropped at the
 *    end, also on failure or Ctrl-C).
 * 2. Seeds it in steps (10k socks, then up to 100k), generating rows here with a seeded PRNG and
 *    inserting them in batches of 5,000, each batch one statement with the rows as one JSON
 *    parameter (`json_populate_recordset`, a COPY-like bulk insert). About one sock per three
 *    users (`--users-per-sock`), owned by random users; 90 % of the socks have 1–3 pictures; a
 *    few swipes per sock and some matches. The benchmark user's sock has judged at least 2,500
 *    socks, mostly its best-ranked candidates (what swiping through the list in rank order
 *    leaves behind), and its owner has matches. Then VACUUM ANALYZE: the steady state a live
 *    database reaches with autovacuum.
 * 3. After each step, times the `ListCandidates` use case over the real MikroORM adapters, as
 *    both HTTP endpoints run it (own sock lookup, `MikroOrmSockRepository.shortlistCandidates`,
 *    ranking with the text terms, the pictures of the best), after a warm-up, at limits 1 and
 *    20; and the shortlist query alone. Prints p50 / p99 per size and the ratio 100k / 10k.
 * 4. Checks the answer against the exact one: the same query without the row cap returns every
 *    candidate within `MAX_TEXT_POINTS` of the `limit`-th best numeric score, and ranking all of
 *    them gives the exact best; prints how many rows that window holds and how many of the best
 *    the capped shortlist got right.
 *
 *   node dist/scripts/bench/candidates.js [--runs 100] [--warmup 10] [--sizes 10000,100000]
 *     [--users-per-sock 3] [--seed 42] [--explain] [--keep]
 *
 * `--explain` prints EXPLAIN (ANALYZE, BUFFERS) of the shortlist query at each size; `--keep`
 * leaves the database in place for a closer look. The server is `BENCH_PG_URL`
 * (default `postgres://postgres@127.0.0.1:5432/postgres`, the test server).
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  SHORTLIST_CAP,
  candidateShortlistSql,
  numericScoreSql,
} from '../../src/adapters/persistence/candidate-shortlist.js';
import { createMikroOrmRepositories } from '../../src/adapters/persistence/mikro-orm-repositories.js';
import { createOrm, type Orm } from '../../src/adapters/persistence/mikro-orm.config.js';
import { MikroOrmSockRepository } from '../../src/adapters/persistence/mikro-orm-sock-repository.js';
import type { Clock } from '../../src/application/ports/clock.js';
import { ListCandidates } from '../../src/application/swiping/list-candidates.js';
import {
  BRANDS,
  COLORS,
  CONDITIONS,
  ENVIRONMENTS,
  FABRICS,
  GENDERS,
  SIZES,
  SOCK_TYPES,
  THICKNESSES,
  type Option,
} from '../../src/domain/options/option-lists.js';
import type { Sock } from '../../src/domain/sock/sock.js';
import { rankCandidates } from '../../src/domain/swiping/candidate.js';
import { createBenchDatabase, execute, type BenchDatabase } from './support/database.js';
import { Random } from './support/random.js';
import { fixed, table } from './support/report.js';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '100' },
    warmup: { type: 'string', default: '10' },
    sizes: { type: 'string', default: '10000,100000' },
    'users-per-sock': { type: 'string', default: '3' },
    seed: { type: 'string', default: '42' },
    explain: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});

const ADMIN_URL = process.env['BENCH_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const RUNS = wholeNumber(args.runs, 'runs', 1);
const WARMUP = wholeNumber(args.warmup, 'warmup', 0);
const STEPS = args.sizes.split(',').map((s) => wholeNumber(s, 'sizes', 2));
const USERS_PER_SOCK = Number(args['users-per-sock']);
if (!(USERS_PER_SOCK > 0)) throw new Error('--users-per-sock must be a positive number');

const NOW = new Date('2026-12-01T12:00:00.000Z');
const DAY_MS = 86_400_000;
const BATCH = 5_000;
const LIMITS = [1, 20] as const;
/** The benchmark sock's swipes: its best-ranked candidates, and random ones. */
const OWN_SWIPES = { best: 2_000, random: 500 };
/** Matches of the benchmark user added at each step. */
const OWN_MATCHES = 15;
/** Socks whose shortlist length is sampled at each size. */
const SAMPLED_SOCKS = 20;

const random = new Random(wholeNumber(args.seed, 'seed', 0));
const key = (options: ReadonlyArray<Option>): string => random.pick(options).key;
const WORDS = (
  'sock lost washing machine lonely left right wool cotton stripes dots warm cozy hole heel toe ' +
  'dryer drawer partner match soft itchy bright faded festival marathon winter summer grandma knitted ' +
  'lavender smelly clean dancing hiking office sneaker boot slipper sofa cat dog garden beach mountain'
).split(' ');
const words = (min: number, max: number): string =>
  Array.from({ length: random.int(min, max) }, () => random.pick(WORDS)).join(' ');
const dayBefore = (days: number): string =>
  new Date(NOW.getTime() - days * DAY_MS).toISOString().slice(0, 10);
const instantBefore = (maxDays: number): string =>
  new Date(NOW.getTime() - Math.floor(random.next() * maxDays * DAY_MS)).toISOString();

interface World {
  readonly userIds: string[];
  readonly sockIds: string[];
  readonly sockOwners: string[];
  readonly benchUserId: string;
  readonly benchSockId: string;
}

interface Timing {
  readonly p50: number;
  readonly p99: number;
}

async function main(): Promise<void> {
  let database: BenchDatabase | null = null;
  let orm: Orm | null = null;
  const cleanUp = async (): Promise<void> => {
    await orm?.close(true).catch(() => undefined);
    orm = null;
    if (!database) return;
    if (args.keep) console.log(`kept database ${database.name} (${database.url})`);
    else await database.drop();
  };
  process.once('SIGINT', () => {
    process.stderr.write('\ninterrupted: dropping the benchmark database\n');
    void cleanUp().finally(() => process.exit(130));
  });
  try {
    database = await createBenchDatabase(ADMIN_URL);
    orm = await createOrm({ clientUrl: database.url, pool: { min: 1, max: 4 } });
    // Throwaway data: commits need not wait for the disk.
    await execute(orm, `alter database "${database.name}" set synchronous_commit = off`);
    console.log(
      `database ${database.name}; ${RUNS} runs after ${WARMUP} warm-up runs per size and limit; ` +
        `load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}`,
    );
    const world: World = {
      userIds: [],
      sockIds: [],
      sockOwners: [],
      benchUserId: randomUUID(),
      benchSockId: randomUUID(),
    };
    const results = new Map<number, Map<string, Timing>>();
    for (const size of STEPS) {
      await seedUpTo(orm, world, size);
      results.set(size, await measure(orm, world, size));
    }
    printSummary(results);
  } finally {
    await cleanUp();
  }
}

/** Grows the data to `size` socks, with the users, pictures, swipes and matches that go with them. */
async function seedUpTo(orm: Orm, world: World, size: number): Promise<void> {
  const from = world.sockIds.length;
  if (size <= from) return;
  const started = performance.now();
  const usersWanted = Math.max(2, Math.round(size * USERS_PER_SOCK));
  const progress = new Progress(`seeding ${size.toLocaleString('en')} socks`);
  const total = usersWanted - world.userIds.length + (size - from);
  let done = 0;

  while (world.userIds.length < usersWanted) {
    const rows = [];
    for (let i = 0; i < BATCH && world.userIds.length < usersWanted; i++) {
      const n = world.userIds.length;
      const id = n === 0 ? world.benchUserId : randomUUID();
      world.userIds.push(id);
      rows.push(userRow(id, n));
    }
    await insertJson(orm, 'users', rows);
    done += rows.length;
    progress.update(done, total, 'users');
  }

  while (world.sockIds.length < size) {
    const socks = [];
    const pictures = [];
    for (let i = 0; i < BATCH && world.sockIds.length < size; i++) {
      const isBench = world.sockIds.length === 0;
      const id = isBench ? world.benchSockId : randomUUID();
      // Never the benchmark user's: its other socks would only leave the candidates.
      const ownerId = isBench
        ? world.benchUserId
        : (world.userIds[random.int(1, world.userIds.length - 1)] as string);
      world.sockIds.push(id);
      world.sockOwners.push(ownerId);
      const sock = sockRow(id, ownerId);
      socks.push(sock);
      const pictureCount = isBench ? 1 : random.next() < 0.1 ? 0 : random.int(1, 3);
      for (let p = 0; p < pictureCount; p++) {
        pictures.push(pictureRow(ownerId, id, sock.created_at));
      }
      if (random.next() < 0.3) pictures.push(pictureRow(ownerId, null, sock.created_at)); // a profile picture
    }
    await insertJson(orm, 'socks', socks);
    await insertJson(orm, 'pictures', pictures);
    done += socks.length;
    progress.update(done, total, 'socks and pictures');
  }

  // Every new sock judged 0–6 earlier socks of other users.
  const swipes = [];
  for (let s = Math.max(from, 1); s < size; s++) {
    for (let k = random.int(0, 6); k > 0; k--) {
      const target = random.int(0, size - 1);
      if (world.sockOwners[target] === world.sockOwners[s]) continue;
      swipes.push(swipeRow(world.sockIds[s] as string, world.sockIds[target] as string));
    }
  }
  // The benchmark sock: random socks, then its best-ranked candidates (by the numeric score).
  for (let k = 0; k < OWN_SWIPES.random; k++) {
    swipes.push(swipeRow(world.benchSockId, world.sockIds[random.int(1, size - 1)] as string));
  }
  for (let i = 0; i < swipes.length; i += BATCH) {
    await insertJson(orm, 'swipes', swipes.slice(i, i + BATCH), 'on conflict do nothing');
    progress.update(done, total, `swipes ${Math.min(i + BATCH, swipes.length)}/${swipes.length}`);
  }
  await swipeBestRanked(orm, world, OWN_SWIPES.best);

  // Matches: the benchmark user's, and about one for every 40 new socks among the others.
  const matches = [];
  for (let i = 0; i < OWN_MATCHES + (size - from) / 40; i++) {
    const a = i < OWN_MATCHES ? 0 : random.int(1, size - 1);
    const b = random.int(1, size - 1);
    if (world.sockOwners[a] === world.sockOwners[b]) continue;
    matches.push({
      id: randomUUID(),
      initiator_id: world.sockOwners[a],
      initiator_sock_id: world.sockIds[a],
      partner_id: world.sockOwners[b],
      partner_sock_id: world.sockIds[b],
      created_at: instantBefore(300),
      ended_at: random.next() < 0.3 ? NOW.toISOString() : null,
    });
  }
  await insertJson(orm, 'matches', matches, 'on conflict do nothing');

  progress.update(total, total, 'vacuum analyze');
  await execute(orm, 'vacuum analyze');
  progress.finish(`${fixed((performance.now() - started) / 1000, 1)} s`);
  const [counts] = (await orm.em
    .fork()
    .getConnection()
    .execute(
      `select (select count(*)::int from users) as users, (select count(*)::int from socks) as socks,
        (select count(*)::int from socks s where not exists (select 1 from pictures p where p.sock_id = s.id)) as "socks without picture",
        (select count(*)::int from pictures) as pictures, (select count(*)::int from swipes) as swipes,
        (select count(*)::int from matches) as matches,
        (select count(*)::int from swipes where sock_id = ?) as "benchmark sock's swipes",
        (select count(*)::int from matches where ? in (initiator_id, partner_id)) as "benchmark user's matches"`,
      [world.benchSockId, world.benchUserId],
    )) as Array<Record<string, number>>;
  console.log(
    `  ${Object.entries(counts ?? {})
      .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
      .join(', ')}`,
  );
}

/** The benchmark sock judges its `count` best candidates by numeric score, as if it had swiped down the list. */
async function swipeBestRanked(orm: Orm, world: World, count: number): Promise<void> {
  const own = await loadSock(orm, world.benchSockId);
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

function userRow(id: string, n: number) {
  const located = random.next() < 0.8;
  return {
    id,
    username: `bench_${n}`,
    email: `bench_${n}@example.com`,
    password_hash: 'x',
    first_name: `First${n}`,
    last_name: `Last${n}`,
    about: words(0, 12),
    birthday: dayBefore(random.int(18 * 365, 70 * 365)),
    gender: key(GENDERS),
    city: 'Somewhere',
    location_lat: located ? 47 + random.next() * 8 : null,
    location_lon: located ? 6 + random.next() * 9 : null,
    notifications: random.next() < 0.5,
    social_instagram: null,
    social_facebook: null,
    social_twitter: null,
    social_spotify: null,
    is_admin: false,
    created_at: instantBefore(900),
  };
}

function sockRow(id: string, ownerId: string) {
  return {
    id,
    owner_id: ownerId,
    name: words(1, 2),
    story: words(0, 60),
    color: key(COLORS),
    fabric: key(FABRICS),
    thickness: key(THICKNESSES),
    brand: key(BRANDS),
    type: key(SOCK_TYPES),
    size: key(SIZES),
    age: random.int(0, 25),
    separation_date: dayBefore(random.int(0, 1500)),
    condition: key(CONDITIONS),
    holes: random.int(0, 10),
    kilometers: random.int(0, 1000),
    environment: key(ENVIRONMENTS),
    washed_per_week: random.int(0, 7),
    specialty: words(1, 8),
    created_at: instantBefore(720),
  };
}

function pictureRow(userId: string, sockId: string | null, createdAt: string) {
  const id = randomUUID();
  return { id, user_id: userId, sock_id: sockId, key: `bench/${id}.webp`, created_at: createdAt };
}

function swipeRow(sockId: string, targetSockId: string) {
  return {
    sock_id: sockId,
    target_sock_id: targetSockId,
    decision: random.next() < 0.5 ? 'like' : 'dislike',
    judged_at: instantBefore(300),
  };
}

/** One statement per batch: the rows travel as one JSON parameter (a COPY-like bulk insert). */
async function insertJson(
  orm: Orm,
  tableName: string,
  rows: ReadonlyArray<Record<string, unknown>>,
  suffix = '',
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first)
    .map((c) => `"${c}"`)
    .join(', ');
  await orm.em
    .fork()
    .getConnection()
    .execute(
      `insert into "${tableName}" (${columns})
       select ${columns} from json_populate_recordset(null::"${tableName}", ?::json) ${suffix}`,
      [JSON.stringify(rows)],
    );
}

async function loadSock(orm: Orm, id: string): Promise<Sock> {
  const r = repositories(orm);
  const sock = await r.socks.findById(id);
  if (!sock) throw new Error(`no sock ${id}`);
  return sock;
}

function repositories(orm: Orm) {
  const clock: Clock = { now: () => NOW };
  return { clock, ...createMikroOrmRepositories(orm, { ids: { next: randomUUID }, clock }) };
}

/** Times ListCandidates and the shortlist query alone, at each limit (ms). */
async function measure(orm: Orm, world: World, size: number): Promise<Map<string, Timing>> {
  const r = repositories(orm);
  const listCandidates = new ListCandidates(r.socks, r.users, r.pictures, r.clock);
  const own = await loadSock(orm, world.benchSockId);
  const timings = new Map<string, Timing>();
  for (const limit of LIMITS) {
    const input = { userId: world.benchUserId, sockId: world.benchSockId, limit };
    const endpoint = await time(() => listCandidates.execute(input));
    const query = await time(() => r.socks.shortlistCandidates(own, limit));
    timings.set(`ListCandidates, limit ${limit}`, endpoint);
    timings.set(`shortlist query, limit ${limit}`, query);
    const shortlisted = (await r.socks.shortlistCandidates(own, limit)).length;
    console.log(
      `  ${size.toLocaleString('en')} socks, limit ${limit}: ListCandidates p50 ${fixed(endpoint.p50, 1)} ms, ` +
        `p99 ${fixed(endpoint.p99, 1)} ms; the shortlist query alone p50 ${fixed(query.p50, 1)} ms, ` +
        `p99 ${fixed(query.p99, 1)} ms (${shortlisted} rows)`,
    );
  }
  await checkExactness(r, listCandidates, own, world);
  // How long shortlists get for other socks (random swipes only): how close to the cap.
  const lengths: number[] = [];
  for (let i = 0; i < SAMPLED_SOCKS; i++) {
    const other = await r.socks.findById(world.sockIds[random.int(1, size - 1)] as string);
    if (other) lengths.push((await r.socks.shortlistCandidates(other, 20)).length);
  }
  lengths.sort((a, b) => a - b);
  console.log(
    `  shortlist rows at limit 20 for ${lengths.length} random socks: min ${lengths[0]}, ` +
      `median ${lengths[Math.floor(lengths.length / 2)]}, max ${lengths.at(-1)}`,
  );
  if (args.explain) {
    const query = candidateShortlistSql(own, 20);
    const plan = (await orm.em
      .fork()
      .getConnection()
      .execute(`explain (analyze, buffers) ${query.sql}`, [...query.bindings])) as Array<
      Record<string, string>
    >;
    console.log(plan.map((row) => `    ${Object.values(row)[0]}`).join('\n'));
  }
  return timings;
}

/** At each limit, the capped answer next to the exact one (ranked from the uncapped window). */
async function checkExactness(
  r: ReturnType<typeof repositories>,
  listCandidates: ListCandidates,
  own: Sock,
  world: World,
): Promise<void> {
  const uncapped = new MikroOrmSockRepository(r.scope, { shortlistCap: 10_000_000 });
  const me = await r.users.findById(world.benchUserId);
  for (const limit of LIMITS) {
    const window = await uncapped.shortlistCandidates(own, limit);
    const exact = rankCandidates(
      own,
      me?.location ?? null,
      window.map((row) => ({ sock: row.sock, ownerLocation: row.owner.location })),
    )
      .slice(0, limit)
      .map((c) => c.candidate.sock.id);
    const answer = (
      await listCandidates.execute({ userId: world.benchUserId, sockId: own.id, limit })
    ).items.map((item) => item.sock.sock.id);
    const same = answer.filter((id) => exact.includes(id)).length;
    const verdict =
      answer.join() === exact.join()
        ? 'exact'
        : same === exact.length
          ? 'the right socks in another order'
          : `${same} of the ${exact.length} right socks`;
    console.log(
      `  exactness at limit ${limit}: ${window.length.toLocaleString('en')} candidates within the text margin ` +
        `(cap ${SHORTLIST_CAP}); the capped answer is ${verdict}`,
    );
  }
}

/** p50 and p99 of RUNS calls, after WARMUP calls. */
async function time(work: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < WARMUP; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

/** The nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

function printSummary(results: Map<number, Map<string, Timing>>): void {
  const sizes = [...results.keys()];
  const first = sizes[0] as number;
  const last = sizes.at(-1) as number;
  const names = [...(results.get(first)?.keys() ?? [])];
  const rows = names.map((name) => {
    const cells = sizes.flatMap((size) => {
      const t = results.get(size)?.get(name);
      return [fixed(t?.p50 ?? Number.NaN, 1), fixed(t?.p99 ?? Number.NaN, 1)];
    });
    const a = results.get(first)?.get(name);
    const b = results.get(last)?.get(name);
    const ratio =
      a && b && sizes.length > 1 ? [`${fixed(b.p50 / a.p50, 1)}x`, `${fixed(b.p99 / a.p99, 1)}x`] : [];
    return [name, ...cells, ...ratio];
  });
  const header = [
    'ms',
    ...sizes.flatMap((s) => [`p50 @${s / 1000}k`, `p99 @${s / 1000}k`]),
    ...(sizes.length > 1
      ? [`p50 ${last / 1000}k/${first / 1000}k`, `p99 ${last / 1000}k/${first / 1000}k`]
      : []),
  ];
  console.log(`\n${table(header, rows)}`);
}

/** A progress line: redrawn in place on a terminal, one line per tenth otherwise. */
class Progress {
  private lastDraw = 0;
  private lastLine = '';

  constructor(private readonly label: string) {}

  update(done: number, total: number, step: string): void {
    const percent = Math.floor((100 * done) / Math.max(total, 1));
    if (process.stderr.isTTY) {
      const now = Date.now();
      if (now - this.lastDraw < 100 && done < total) return;
      this.lastDraw = now;
      process.stderr.write(`\r${this.label}: ${percent}% (${step})\x1b[K`);
      return;
    }
    const line = `${this.label}: ${Math.floor(percent / 10) * 10}% (${step.replace(/ .*/, '')})`;
    if (line === this.lastLine) return;
    this.lastLine = line;
    process.stderr.write(`${line}\n`);
  }

  finish(note: string): void {
    const line = `${this.label}: done in ${note}`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}\x1b[K\n` : `${line}\n`);
  }
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
