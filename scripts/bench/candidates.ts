/**
 * `npm run bench:candidates`: how long `GET /socks/{id}/candidates` takes at 10k and 100k socks.
 *
 * Creates a throwaway database on the local PostgreSQL server, migrates it, seeds it in two
 * steps (10k socks, then up to 100k), and after each step times the `ListCandidates` use case
 * over the real MikroORM adapters (what both HTTP endpoints run): own sock lookup, the SQL
 * shortlist, ranking with the text terms, pictures of the best. Prints p50 / p99 per size and
 * limit, and the ratio 100k / 10k. The database is dropped at the end, also on failure or Ctrl-C.
 *
 *   node dist/scripts/bench/candidates.js [--runs 100] [--warmup 10] [--sizes 10000,100000]
 *     [--users-per-sock 3] [--explain] [--seed 42] [--keep]
 *
 * `--explain` prints EXPLAIN (ANALYZE, BUFFERS) of the shortlist query at each size; `--keep`
 * leaves the database in place for a closer look (and prints its name).
 *
 * The admin connection is `BENCH_DATABASE_ADMIN_URL`, else `TEST_DATABASE_ADMIN_URL`, else
 * `postgres://postgres@127.0.0.1:5432/postgres` (the test server, trust auth).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { MikroORM } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { candidateShortlistSql } from '../../src/adapters/persistence/candidate-shortlist.js';
import { createMikroOrmRepositories } from '../../src/adapters/persistence/mikro-orm-repositories.js';
import { createOrm, type Orm } from '../../src/adapters/persistence/mikro-orm.config.js';
import { migrateUp } from '../../src/adapters/persistence/schema-migrations.js';
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

const ADMIN_URL =
  process.env.BENCH_DATABASE_ADMIN_URL ??
  process.env.TEST_DATABASE_ADMIN_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const DAY_MS = 86_400_000;
const BATCH = 5_000;
/** Swipes of the benchmark sock: at least this many at every size. */
const OWN_SWIPES = 2_500;
/** Matches of the benchmark user added at each size. */
const OWN_MATCHES = 15;
const LIMITS = [1, 20] as const;

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
const RUNS = positiveInt(args.runs, 'runs');
const WARMUP = positiveInt(args.warmup, 'warmup', true);
const SIZES_TO_RUN = args.sizes.split(',').map((s) => positiveInt(s, 'sizes'));
const USERS_PER_SOCK = Number(args['users-per-sock']);
if (!(USERS_PER_SOCK > 0)) throw new Error('--users-per-sock must be a positive number');

/** mulberry32: small, fast, and the same data for the same seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(positiveInt(args.seed, 'seed', true));
const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const key = (options: ReadonlyArray<Option>): string => pick(options).key;

const WORDS = (
  'sock lost washing machine lonely left right wool cotton stripes dots warm cozy hole heel toe ' +
  'dryer drawer partner match soft itchy bright faded festival marathon winter summer grandma knitted ' +
  'lavender smelly clean dancing hiking office sneaker boot slipper sofa cat dog garden beach mountain'
).split(' ');
const words = (min: number, max: number): string => Array.from({ length: int(min, max) }, () => pick(WORDS)).join(' ');
const dayBefore = (days: number): string => new Date(NOW.getTime() - days * DAY_MS).toISOString().slice(0, 10);
const instantBefore = (maxDays: number): string =>
  new Date(NOW.getTime() - Math.floor(random() * maxDays * DAY_MS)).toISOString();
const uuid = (): string => randomUUID();

interface SeedState {
  userIds: string[];
  sockIds: string[];
  sockOwners: string[];
  benchUserId: string;
  benchSockId: string;
  benchSwipes: number;
}

async function main(): Promise<void> {
  const name = `hotsox_bench_${randomBytes(6).toString('hex')}`;
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${name}`;
  let orm: Orm | null = null;
  let dropped = false;
  const drop = async (): Promise<void> => {
    if (dropped) return;
    dropped = true;
    await orm?.close(true).catch(() => undefined);
    if (args.keep) {
      console.log(`kept database ${name}: drop it with  psql ${ADMIN_URL} -c 'drop database "${name}"'`);
      return;
    }
    await admin(`drop database if exists "${name}" with (force)`);
  };
  process.once('SIGINT', () => {
    process.stderr.write('\ninterrupted: dropping the benchmark database\n');
    void drop().finally(() => process.exit(130));
  });

  await admin(`create database "${name}"`, `alter database "${name}" set synchronous_commit = off`);
  try {
    orm = await createOrm({ clientUrl: dbUrl.toString(), pool: { min: 1, max: 4 } });
    await migrateUp(orm);
    console.log(`database ${name} on ${dbUrl.host}; runs ${RUNS} after ${WARMUP} warm-up, limits ${LIMITS.join(', ')}`);
    const state: SeedState = {
      userIds: [],
      sockIds: [],
      sockOwners: [],
      benchUserId: uuid(),
      benchSockId: uuid(),
      benchSwipes: 0,
    };
    const results = new Map<number, Map<number, { p50: number; p99: number }>>();
    for (const size of SIZES_TO_RUN) {
      await seedUpTo(orm, state, size);
      results.set(size, await measure(orm, state, size));
    }
    printSummary(results);
  } finally {
    await drop();
  }
}

/** Grows the data to `size` socks (and the users, pictures, swipes and matches that go with them). */
async function seedUpTo(orm: Orm, state: SeedState, size: number): Promise<void> {
  const started = performance.now();
  const from = state.sockIds.length;
  if (size <= from) return;
  const usersWanted = Math.round(size * USERS_PER_SOCK);
  const progress = new Progress(`seeding ${size.toLocaleString('en')} socks`);
  const steps = { users: usersWanted - state.userIds.length, socks: size - from };
  const total = steps.users + steps.socks;
  let done = 0;

  // Users, the benchmark user first.
  while (state.userIds.length < usersWanted) {
    const rows = [];
    for (let i = 0; i < BATCH && state.userIds.length < usersWanted; i++) {
      const id = state.userIds.length === 0 ? state.benchUserId : uuid();
      const n = state.userIds.length;
      state.userIds.push(id);
      const located = random() < 0.8;
      rows.push({
        id,
        username: `bench_${n}`,
        email: `bench_${n}@example.com`,
        password_hash: 'x',
        first_name: `First${n}`,
        last_name: `Last${n}`,
        about: words(0, 20),
        birthday: dayBefore(int(18 * 365, 70 * 365)),
        gender: key(GENDERS),
        city: 'Somewhere',
        location_lat: located ? 47 + random() * 8 : null,
        location_lon: located ? 6 + random() * 9 : null,
        notifications: random() < 0.5,
        social_instagram: null,
        social_facebook: null,
        social_twitter: null,
        social_spotify: null,
        is_admin: false,
        created_at: instantBefore(900),
      });
    }
    await insertJson(orm, 'users', rows);
    done += rows.length;
    progress.update(done, total, 'users');
  }

  // Socks, each owned by a random user; most have pictures, some do not.
  while (state.sockIds.length < size) {
    const socks = [];
    const pictures = [];
    for (let i = 0; i < BATCH && state.sockIds.length < size; i++) {
      const isBench = state.sockIds.length === 0;
      const id = isBench ? state.benchSockId : uuid();
      const ownerId = isBench ? state.benchUserId : pick(state.userIds);
      state.sockIds.push(id);
      state.sockOwners.push(ownerId);
      const createdAt = instantBefore(720);
      socks.push({
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
        age: int(0, 25),
        separation_date: dayBefore(int(0, 1500)),
        condition: key(CONDITIONS),
        holes: int(0, 10),
        kilometers: int(0, 1000),
        environment: key(ENVIRONMENTS),
        washed_per_week: int(0, 7),
        specialty: words(1, 8),
        created_at: createdAt,
      });
      const pictureCount = isBench ? 1 : random() < 0.1 ? 0 : int(1, 3);
      for (let p = 0; p < pictureCount; p++) {
        pictures.push({ id: uuid(), user_id: ownerId, sock_id: id, key: `bench/${id}/${p}.webp`, created_at: createdAt });
      }
      // A profile picture now and then (no sock).
      if (random() < 0.3) {
        pictures.push({ id: uuid(), user_id: ownerId, sock_id: null, key: `bench/u/${uuid()}.webp`, created_at: createdAt });
      }
    }
    await insertJson(orm, 'socks', socks);
    await insertJson(orm, 'pictures', pictures);
    done += socks.length;
    progress.update(done, total, 'socks');
  }

  // Swipes: every new sock judged a few earlier socks; the benchmark sock judged at least OWN_SWIPES.
  const swipes = [];
  for (let s = Math.max(from, 1); s < size; s++) {
    for (let k = int(0, 6); k > 0; k--) {
      const target = int(0, size - 1);
      if (target === s || state.sockOwners[target] === state.sockOwners[s]) continue;
      swipes.push(swipeRow(state.sockIds[s] as string, state.sockIds[target] as string));
    }
  }
  const ownTargets = new Set<number>();
  const ownWanted = Math.max(OWN_SWIPES, Math.round(size * 0.03)) - state.benchSwipes;
  while (ownTargets.size < ownWanted) {
    const target = int(1, size - 1);
    if (state.sockOwners[target] !== state.benchUserId) ownTargets.add(target);
  }
  for (const target of ownTargets) swipes.push(swipeRow(state.benchSockId, state.sockIds[target] as string));
  for (let i = 0; i < swipes.length; i += BATCH) {
    await insertJson(orm, 'swipes', swipes.slice(i, i + BATCH), 'on conflict do nothing');
    progress.update(done, total, `swipes ${Math.min(i + BATCH, swipes.length)}/${swipes.length}`);
  }
  state.benchSwipes += ownTargets.size;

  // Matches: the benchmark user's, and about one for every 40 users among the others.
  const matches = [];
  for (let i = 0; i < OWN_MATCHES + (size - from) / 40; i++) {
    const a = i < OWN_MATCHES ? 0 : int(1, size - 1);
    const b = int(1, size - 1);
    if (state.sockOwners[a] === state.sockOwners[b]) continue;
    matches.push({
      id: uuid(),
      initiator_id: state.sockOwners[a],
      initiator_sock_id: state.sockIds[a],
      partner_id: state.sockOwners[b],
      partner_sock_id: state.sockIds[b],
      created_at: instantBefore(300),
      ended_at: random() < 0.3 ? NOW.toISOString() : null,
    });
  }
  await insertJson(orm, 'matches', matches, 'on conflict do nothing');
  progress.update(total, total, 'vacuum analyze');
  // The steady state of a live database, where autovacuum has run: statistics and visibility map.
  await orm.em.fork().getConnection().execute('vacuum analyze');
  progress.finish(`${((performance.now() - started) / 1000).toFixed(1)} s`);
  const counts = await orm.em
    .fork()
    .getConnection()
    .execute<Array<Record<string, number>>>(
      `select (select count(*)::int from users) as users, (select count(*)::int from socks) as socks,
        (select count(*)::int from pictures) as pictures, (select count(*)::int from swipes) as swipes,
        (select count(*)::int from swipes where sock_id = ?) as own_swipes,
        (select count(*)::int from matches) as matches,
        (select count(*)::int from matches where ? in (initiator_id, partner_id)) as own_matches,
        (select count(*)::int from socks s where not exists (select 1 from pictures p where p.sock_id = s.id)) as without_picture`,
      [state.benchSockId, state.benchUserId],
    );
  console.log(`  ${Object.entries(counts[0] ?? {}).map(([k, v]) => `${k} ${v}`).join(', ')}`);
}

function swipeRow(sockId: string, targetSockId: string) {
  return {
    sock_id: sockId,
    target_sock_id: targetSockId,
    decision: random() < 0.5 ? 'like' : 'dislike',
    judged_at: instantBefore(300),
  };
}

/** One statement per batch: the rows travel as one JSON parameter (a COPY-like bulk insert). */
async function insertJson(orm: Orm, table: string, rows: ReadonlyArray<Record<string, unknown>>, suffix = '') {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object)
    .map((c) => `"${c}"`)
    .join(', ');
  await orm.em
    .fork()
    .getConnection()
    .execute(
      `insert into "${table}" (${columns}) select ${columns} from json_populate_recordset(null::"${table}", ?::json) ${suffix}`,
      [JSON.stringify(rows)],
    );
}

/** Times `ListCandidates` for the benchmark sock at each limit; prints and returns p50 / p99 (ms). */
async function measure(orm: Orm, state: SeedState, size: number) {
  const clock: Clock = { now: () => NOW };
  const r = createMikroOrmRepositories(orm, { ids: { next: uuid }, clock });
  const listCandidates = new ListCandidates(r.socks, r.users, r.pictures, clock);
  const own = (await r.socks.findById(state.benchSockId)) as Sock;
  const byLimit = new Map<number, { p50: number; p99: number }>();
  for (const limit of LIMITS) {
    const input = { userId: state.benchUserId, sockId: state.benchSockId, limit };
    for (let i = 0; i < WARMUP; i++) await listCandidates.execute(input);
    const times: number[] = [];
    let items = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      items = (await listCandidates.execute(input)).items.length;
      times.push(performance.now() - t0);
    }
    const shortlisted = (await r.socks.shortlistCandidates(own, limit)).length;
    times.sort((a, b) => a - b);
    const stats = { p50: percentile(times, 50), p99: percentile(times, 99) };
    byLimit.set(limit, stats);
    console.log(
      `  ${size.toLocaleString('en')} socks, limit ${limit}: p50 ${stats.p50.toFixed(1)} ms, p99 ${stats.p99.toFixed(1)} ms, ` +
        `min ${(times[0] ?? 0).toFixed(1)} ms, max ${(times.at(-1) ?? 0).toFixed(1)} ms ` +
        `(${items} items from a shortlist of ${shortlisted} rows)`,
    );
  }
  await shortlistSizes(r.socks, state, size);
  if (args.explain) await explain(orm, own, 20);
  return byLimit;
}

/** How long the shortlist is for other socks: how far below the cap real data stays. */
async function shortlistSizes(
  socks: ReturnType<typeof createMikroOrmRepositories>['socks'],
  state: SeedState,
  size: number,
): Promise<void> {
  const lengths: number[] = [];
  for (let i = 0; i < 20; i++) {
    const own = await socks.findById(state.sockIds[int(1, size - 1)] as string);
    if (own) lengths.push((await socks.shortlistCandidates(own, 20)).length);
  }
  lengths.sort((a, b) => a - b);
  console.log(
    `  shortlist length at limit 20 for 20 random socks: min ${lengths[0]}, median ${percentile(lengths, 50)}, max ${lengths.at(-1)}`,
  );
}

async function explain(orm: Orm, own: Sock, limit: number): Promise<void> {
  const query = candidateShortlistSql(own, limit);
  const plan = await orm.em
    .fork()
    .getConnection()
    .execute<Array<{ 'QUERY PLAN': string }>>(`explain (analyze, buffers) ${query.sql}`, [...query.bindings]);
  console.log(plan.map((row) => `    ${row['QUERY PLAN']}`).join('\n'));
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] as number;
}

function printSummary(results: Map<number, Map<number, { p50: number; p99: number }>>): void {
  console.log('\nsummary (ListCandidates, ms)');
  const sizes = [...results.keys()];
  for (const limit of LIMITS) {
    const cells = sizes.map((size) => {
      const s = results.get(size)?.get(limit);
      return s ? `${size.toLocaleString('en')}: p50 ${s.p50.toFixed(1)} / p99 ${s.p99.toFixed(1)}` : '';
    });
    const first = results.get(sizes[0] as number)?.get(limit);
    const last = results.get(sizes.at(-1) as number)?.get(limit);
    const ratio =
      first && last && sizes.length > 1
        ? `; ratio ${(sizes.at(-1) as number).toLocaleString('en')}/${(sizes[0] as number).toLocaleString('en')}: ` +
          `p50 ${(last.p50 / first.p50).toFixed(1)}x, p99 ${(last.p99 / first.p99).toFixed(1)}x`
        : '';
    console.log(`  limit ${limit}: ${cells.join('; ')}${ratio}`);
  }
}

/** A progress line: redrawn in place on a terminal, a line per step otherwise. */
class Progress {
  private lastDraw = 0;
  private lastStep = '';

  constructor(private readonly label: string) {}

  update(done: number, total: number, step: string): void {
    const percent = Math.floor((100 * done) / Math.max(total, 1));
    const line = `${this.label}: ${percent}% (${step})`;
    if (process.stderr.isTTY) {
      const now = Date.now();
      if (now - this.lastDraw < 100 && done < total) return;
      this.lastDraw = now;
      process.stderr.write(`\r${line}\x1b[K`);
      return;
    }
    const stepName = `${step.split(' ')[0]}${Math.floor(percent / 10)}`;
    if (stepName === this.lastStep) return;
    this.lastStep = stepName;
    process.stderr.write(`${line}\n`);
  }

  finish(note: string): void {
    const line = `${this.label}: done in ${note}`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}\x1b[K\n` : `${line}\n`);
  }
}

/** Runs statements one by one on the maintenance database (CREATE DATABASE refuses a transaction). */
async function admin(...statements: string[]): Promise<void> {
  const orm = await MikroORM.init({
    driver: PostgreSqlDriver,
    clientUrl: ADMIN_URL,
    entities: [],
    discovery: { warnWhenNoEntities: false },
    ensureDatabase: false,
    allowGlobalContext: true,
    pool: { min: 0, max: 1 },
  });
  try {
    for (const sql of statements) await orm.em.getConnection().execute(sql);
  } finally {
    await orm.close(true);
  }
}

function positiveInt(text: string, name: string, zeroAllowed = false): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < (zeroAllowed ? 0 : 1)) throw new Error(`--${name} must be an integer: ${text}`);
  return n;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
