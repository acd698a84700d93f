import { performance } from 'node:perf_hooks';
import type { Orm } from '../../../src/adapters/persistence/mikro-orm.config.js';
import { columnName } from '../../../src/adapters/persistence/schemas/columns.js';
import { GENDERS, type Option } from '../../../src/domain/options/option-lists.js';
import {
  SOCK_FIELDS,
  SOCK_FIELD_NAMES,
  type SockField,
  type SockFieldName,
  type SockFieldsOfKind,
} from '../../../src/domain/sock/sock-fields.js';
import { execute } from './database.js';
import { Progress } from './progress.js';
import type { Random } from './random.js';

/** What has been seeded so far (grows step by step: 10k socks, then up to 1M, …). */
export interface SeededWorld {
  readonly userIds: string[];
  readonly sockIds: string[];
  /** The owner of `sockIds[i]`. */
  readonly sockOwners: string[];
}

export interface BulkSeedOptions {
  /** Socks per user on average (users = socks ÷ this). */
  readonly socksPerUser: number;
  /**
   * Keep the `sock_changes` triggers on during the seed (one trigger call per sock and per
   * picture). Off by default: the triggers are disabled for the bulk insert and the log gets
   * one row per new sock afterwards, in one statement (see `seedUpTo`).
   */
  readonly rowTriggers: boolean;
  /** Rows per insert statement. */
  readonly batch: number;
  /** Insert statements in flight at once (each on its own connection). */
  readonly concurrency: number;
  /** "Now" of the data: creation instants lie before it. */
  readonly now: Date;
}

export interface SeedReport {
  readonly ms: number;
  readonly counts: Readonly<Record<string, number>>;
  /** Milliseconds per phase (users, socks and pictures, swipes, matches, change log, vacuum). */
  readonly phases: Readonly<Record<string, number>>;
}

type Row = Record<string, unknown>;

const DAY_MS = 86_400_000;
const WORDS = (
  'sock lost washing machine lonely left right wool cotton stripes dots warm cozy hole heel toe ' +
  'dryer drawer partner match soft itchy bright faded festival marathon winter summer grandma knitted ' +
  'lavender smelly clean dancing hiking office sneaker boot slipper sofa cat dog garden beach mountain'
).split(' ');
/** How many words each text of a sock has, at least and at most. */
const SOCK_TEXT_WORDS: Record<SockFieldsOfKind<'text'>, readonly [number, number]> = {
  name: [1, 2],
  story: [0, 60],
  specialty: [1, 8],
};
/** The `sock_changes` triggers a bulk seed may switch off (never the foreign-key triggers). */
const LOG_TRIGGERS = [
  { table: 'socks', trigger: 'socks_log_change' },
  { table: 'pictures', trigger: 'pictures_log_change' },
] as const;

/**
 * Grows the data to `size` socks with the users, pictures, swipes and matches that go with
 * them, with rows generated here from `random` (the same seed gives the same data, ids included):
 *
 * - users: `size ÷ socksPerUser`, 80 % located, 60 % with a profile picture;
 * - socks of random users; 90 % with 1–3 pictures (the other 10 % are no candidates);
 * - every new sock judged 0–6 random socks of other users (about 3 swipes per sock);
 * - a match for about every 40 new socks, 30 % of them ended.
 *
 * Each batch is one statement whose rows travel as one JSON parameter (`json_populate_recordset`)
 * or as one array per column (`unnest`): a COPY-like bulk insert that fills every index and runs
 * every foreign-key check. `concurrency` batches are in flight at once, each on its own
 * connection, while the next one is generated here. Then VACUUM ANALYZE: the steady state that
 * autovacuum gives a live database (visibility map for index-only scans, statistics).
 *
 * The change log: with `rowTriggers` off, the two `sock_changes` triggers of socks and pictures
 * are disabled during the bulk insert (a trigger call per row, 3 per sock, for a log no worker
 * reads yet) and re-enabled after it; then ONE statement logs every new sock once, which is what
 * a worker's pool needs (it reloads a logged sock in full, pictures included). The pool loads
 * every sock anyway the first time it is used, so the log of a seed only matters to a pool that
 * was loaded before the seed. The bench prints the time of each variant (`--seed-row-triggers`).
 */
export async function seedUpTo(
  orm: Orm,
  world: SeededWorld,
  size: number,
  random: Random,
  options: BulkSeedOptions,
): Promise<SeedReport> {
  const from = world.sockIds.length;
  const phases: Record<string, number> = {};
  const rows = new RowMaker(random, options.now);
  const inserter = new Inserter(orm, options.concurrency);
  const progress = new Progress(`seeding ${size.toLocaleString('en')} socks`);
  const phase = async (name: string, work: () => Promise<void>) => {
    const t = performance.now();
    await work();
    await inserter.drain();
    phases[name] = performance.now() - t;
  };
  const [{ seq: seqBefore }] = (await execute(
    orm,
    'select coalesce(max(seq), 0)::text as seq from socks',
  )) as [{ seq: string }];

  if (!options.rowTriggers) await setLogTriggers(orm, false);
  try {
    await phase('users', async () => {
      const wanted = Math.max(2, Math.round(size / options.socksPerUser));
      const total = wanted - world.userIds.length;
      let done = 0;
      while (world.userIds.length < wanted) {
        const users: Row[] = [];
        const avatars: Row[] = [];
        for (let i = 0; i < options.batch && world.userIds.length < wanted; i++) {
          const id = random.uuid();
          const user = rows.user(id, world.userIds.length);
          world.userIds.push(id);
          users.push(user);
          if (random.next() < 0.6) avatars.push(rows.picture(id, null, user.created_at));
        }
        done += users.length;
        const note = `users ${done.toLocaleString('en')}/${total.toLocaleString('en')}`;
        await inserter.submit(async (connection) => {
          await insertJson(connection, 'users', users);
          await insertJson(connection, 'pictures', avatars);
        });
        progress.update(done, total, note);
      }
    });

    await phase('socks and pictures', async () => {
      const total = size - from;
      while (world.sockIds.length < size) {
        const socks: Row[] = [];
        const pictures: Row[] = [];
        for (let i = 0; i < options.batch && world.sockIds.length < size; i++) {
          const id = random.uuid();
          const ownerId = random.pick(world.userIds);
          world.sockIds.push(id);
          world.sockOwners.push(ownerId);
          const sock = rows.sock(id, ownerId);
          socks.push(sock);
          const count = random.next() < 0.1 ? 0 : random.int(1, 3);
          for (let p = 0; p < count; p++) pictures.push(rows.picture(ownerId, id, sock.created_at));
        }
        const done = world.sockIds.length - from;
        await inserter.submit(async (connection) => {
          await insertJson(connection, 'socks', socks);
          await insertJson(connection, 'pictures', pictures);
        });
        progress.update(done, total, `socks ${done.toLocaleString('en')}/${total.toLocaleString('en')}`);
      }
    });

    await phase('swipes', async () => {
      const total = size - from;
      let batch = rows.emptySwipes();
      const flush = async () => {
        // In key order: neighbouring keys land on the same index pages, fewer pages to touch.
        const swipes = sortedSwipes(batch);
        batch = rows.emptySwipes();
        await inserter.submit((connection) => insertSwipes(connection, swipes));
      };
      for (let s = Math.max(from, 1); s < size; s++) {
        for (let k = random.int(0, 6); k > 0; k--) {
          const target = random.int(0, size - 1);
          if (world.sockOwners[target] === world.sockOwners[s]) continue;
          rows.addSwipe(batch, world.sockIds[s] as string, world.sockIds[target] as string);
        }
        if (batch.sockIds.length >= options.batch * 2) {
          await flush();
          progress.update(s - from, total, `swipes of ${(s - from).toLocaleString('en')} socks`);
        }
      }
      await flush();
    });

    await phase('matches', async () => {
      const matches = [];
      for (let i = 0; i < (size - from) / 40; i++) {
        const a = random.int(0, size - 1);
        const b = random.int(0, size - 1);
        if (world.sockOwners[a] === world.sockOwners[b]) continue;
        matches.push(rows.match(world, a, b));
      }
      for (let i = 0; i < matches.length; i += options.batch) {
        const slice = matches.slice(i, i + options.batch);
        await inserter.submit((connection) =>
          insertJson(connection, 'matches', slice, 'on conflict do nothing'),
        );
      }
    });
  } finally {
    await inserter.drain().catch(() => undefined);
    if (!options.rowTriggers) await setLogTriggers(orm, true);
  }

  if (!options.rowTriggers) {
    await phase('change log', async () => {
      await execute(
        orm,
        `insert into sock_changes (sock_id, changed_at) select id, now() from socks where seq > ${BigInt(seqBefore)} order by seq`,
      );
    });
  }
  progress.update(1, 1, 'vacuum analyze');
  await phase('vacuum analyze', () => execute(orm, 'vacuum analyze').then(() => undefined));
  const ms = progress.finish(
    Object.entries(phases)
      .map(([name, t]) => `${name} ${(t / 1000).toFixed(1)} s`)
      .join(', '),
  );
  const [counts] = (await execute(
    orm,
    `select (select count(*)::int from users) as users, (select count(*)::int from socks) as socks,
      (select count(*)::int from socks s where not exists (select 1 from pictures p where p.sock_id = s.id)) as "socks without picture",
      (select count(*)::int from pictures) as pictures, (select count(*)::int from swipes) as swipes,
      (select count(*)::int from matches) as matches, (select count(*)::int from sock_changes) as "sock_changes rows"`,
  )) as [Record<string, number>];
  return { ms, counts, phases };
}

/** Switches the two `sock_changes` triggers of socks and pictures (never a foreign-key trigger). */
async function setLogTriggers(orm: Orm, enabled: boolean): Promise<void> {
  for (const { table, trigger } of LOG_TRIGGERS) {
    await execute(orm, `alter table "${table}" ${enabled ? 'enable' : 'disable'} trigger "${trigger}"`);
  }
}

/** A `pg` client of the ORM's pool: `query` with `$n` parameters sent apart from the SQL. */
interface Connection {
  query(sql: string, parameters: readonly unknown[]): Promise<unknown>;
}

/**
 * Runs insert tasks with at most `concurrency` in flight. A task gets a connection of the ORM's
 * pool to itself; its statements run in order (socks before their pictures), tasks in any order.
 * The first failure is rethrown by the next `submit` or `drain`.
 *
 * Why the driver's connection and not `em.getConnection().execute`: MikroORM inlines parameters
 * into the SQL text, escaping a 3 MB JSON batch character by character (~0.6 s) and making the
 * server parse it as a literal; a bound parameter costs a quarter of the time in all.
 */
class Inserter {
  private readonly inFlight = new Set<Promise<void>>();
  private failure: unknown = null;

  constructor(
    private readonly orm: Orm,
    private readonly concurrency: number,
  ) {}

  async submit(task: (connection: Connection) => Promise<void>): Promise<void> {
    while (this.inFlight.size >= this.concurrency) await Promise.race(this.inFlight);
    this.rethrow();
    const run: Promise<void> = this.withConnection(task).then(
      () => undefined,
      (error: unknown) => {
        // The driver's message may quote the statement: keep its start.
        this.failure ??= new Error(`bulk insert failed: ${String(error).slice(0, 500)}`, { cause: error });
      },
    );
    const tracked = run.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  async drain(): Promise<void> {
    await Promise.all(this.inFlight);
    this.rethrow();
  }

  private async withConnection(task: (connection: Connection) => Promise<void>): Promise<void> {
    const client = this.orm.em.getConnection().getKnex().client;
    const connection = (await client.acquireConnection()) as Connection;
    try {
      await task(connection);
    } finally {
      await client.releaseConnection(connection);
    }
  }

  private rethrow(): void {
    if (this.failure !== null) throw this.failure;
  }
}

/** One statement: the rows travel as one JSON parameter, typed by the table's row type. */
async function insertJson(
  connection: Connection,
  tableName: string,
  rows: ReadonlyArray<Record<string, unknown>>,
  suffix = '',
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first)
    .map((c) => `"${c}"`)
    .join(', ');
  await connection.query(
    `insert into "${tableName}" (${columns})
     select ${columns} from json_populate_recordset(null::"${tableName}", $1::json) ${suffix}`,
    [JSON.stringify(rows)],
  );
}

interface SwipeColumns {
  readonly sockIds: string[];
  readonly targetIds: string[];
  readonly decisions: string[];
  readonly judgedAt: string[];
}

function sortedSwipes(swipes: SwipeColumns): SwipeColumns {
  const order = swipes.sockIds.map((_, i) => i);
  const key = (i: number) => `${swipes.sockIds[i]}${swipes.targetIds[i]}`;
  order.sort((a, b) => (key(a) < key(b) ? -1 : 1));
  const pick = (column: readonly string[]) => order.map((i) => column[i] as string);
  return {
    sockIds: pick(swipes.sockIds),
    targetIds: pick(swipes.targetIds),
    decisions: pick(swipes.decisions),
    judgedAt: pick(swipes.judgedAt),
  };
}

/** One statement: an array per column (narrower than JSON objects for a 4-column table). */
async function insertSwipes(connection: Connection, swipes: SwipeColumns): Promise<void> {
  if (swipes.sockIds.length === 0) return;
  await connection.query(
    `insert into swipes (sock_id, target_sock_id, decision, judged_at)
     select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[])
     on conflict do nothing`,
    [swipes.sockIds, swipes.targetIds, swipes.decisions, swipes.judgedAt],
  );
}

/** Row generators, all drawing from one PRNG. */
class RowMaker {
  constructor(
    private readonly random: Random,
    private readonly now: Date,
  ) {}

  user(id: string, n: number) {
    const located = this.random.next() < 0.8;
    return {
      id,
      username: `bench_${n}`,
      email: `bench_${n}@example.com`,
      password_hash: 'x',
      first_name: `First${n}`,
      last_name: `Last${n}`,
      about: this.words(0, 12),
      birthday: this.dayBefore(this.random.int(18 * 365, 70 * 365)),
      gender: this.key(GENDERS),
      city: 'Somewhere',
      location_lat: located ? 47 + this.random.next() * 8 : null,
      location_lon: located ? 6 + this.random.next() * 9 : null,
      notifications: this.random.next() < 0.5,
      social_instagram: null,
      social_facebook: null,
      social_twitter: null,
      social_spotify: null,
      is_admin: false,
      created_at: this.instantBefore(900),
    };
  }

  /** The attribute columns in `SOCK_FIELDS` order (the order of the draws): any key, any number in range. */
  sock(id: string, ownerId: string) {
    const row: Row = { id, owner_id: ownerId };
    for (const name of SOCK_FIELD_NAMES) row[columnName(name)] = this.attribute(name, SOCK_FIELDS[name]);
    return { ...row, created_at: this.instantBefore(720) };
  }

  picture(userId: string, sockId: string | null, createdAt: string) {
    const id = this.random.uuid();
    return { id, user_id: userId, sock_id: sockId, key: `bench/${id}.webp`, created_at: createdAt };
  }

  emptySwipes(): SwipeColumns {
    return { sockIds: [], targetIds: [], decisions: [], judgedAt: [] };
  }

  addSwipe(columns: SwipeColumns, sockId: string, targetId: string): void {
    columns.sockIds.push(sockId);
    columns.targetIds.push(targetId);
    columns.decisions.push(this.random.next() < 0.5 ? 'like' : 'dislike');
    columns.judgedAt.push(this.instantBefore(300));
  }

  match(world: SeededWorld, a: number, b: number) {
    return {
      id: this.random.uuid(),
      initiator_id: world.sockOwners[a],
      initiator_sock_id: world.sockIds[a],
      partner_id: world.sockOwners[b],
      partner_sock_id: world.sockIds[b],
      created_at: this.instantBefore(300),
      ended_at: this.random.next() < 0.3 ? this.now.toISOString() : null,
    };
  }

  private attribute(name: SockFieldName, field: SockField): string | number {
    switch (field.kind) {
      case 'text':
        return this.words(...SOCK_TEXT_WORDS[name as SockFieldsOfKind<'text'>]);
      case 'option':
        return this.key(field.options);
      case 'integer':
        return this.random.int(field.min, field.max);
      case 'date':
        return this.dayBefore(this.random.int(0, 1500));
    }
  }

  private key(options: ReadonlyArray<Option>): string {
    return this.random.pick(options).key;
  }

  private words(min: number, max: number): string {
    return Array.from({ length: this.random.int(min, max) }, () => this.random.pick(WORDS)).join(' ');
  }

  private dayBefore(days: number): string {
    return new Date(this.now.getTime() - days * DAY_MS).toISOString().slice(0, 10);
  }

  private instantBefore(maxDays: number): string {
    return new Date(this.now.getTime() - Math.floor(this.random.next() * maxDays * DAY_MS)).toISOString();
  }
}
