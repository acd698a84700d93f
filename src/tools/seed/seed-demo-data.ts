import type { MikroOrmRepositories } from '../../adapters/persistence/mikro-orm-repositories.js';
import type { Orm } from '../../adapters/persistence/mikro-orm.config.js';
import { ENTITY_SCHEMAS } from '../../adapters/persistence/schemas/index.js';
import type { Geocoder } from '../../application/ports/geocoder.js';
import type { PictureStore } from '../../application/ports/picture-store.js';
import { SwipeSock } from '../../application/swiping/swipe-sock.js';
import type { GeoPoint } from '../../domain/geo/geo-point.js';
import type { Picture } from '../../domain/picture/picture.js';
import { CalendarDate } from '../../domain/shared/calendar-date.js';
import { Sock } from '../../domain/sock/sock.js';
import { User } from '../../domain/user/user.js';
import { DemoImages } from './demo-images.js';
import { DemoPictureFiles } from './demo-picture-files.js';
import {
  DemoPlan,
  DEMO_USERNAME_PREFIX,
  demoUsername,
  imageKey,
  type PlannedPicture,
  type PlannedUser,
} from './demo-plan.js';

export interface SeedOptions {
  readonly users: number;
  readonly seed: number;
  /** Empty every HotSox table (and delete the files of their pictures) first. */
  readonly reset: boolean;
  /** Users per unit of work (default 200). */
  readonly batchSize?: number;
  /** Pictures stored, or users swiping, at the same time (default 8; the pool's default max is 10). */
  readonly concurrency?: number;
}

export interface SeedDeps {
  readonly orm: Orm;
  readonly repositories: MikroOrmRepositories;
  readonly pictureStore: PictureStore;
  readonly mediaDir: string;
  readonly geocoder: Geocoder;
  /** The hash of `DEMO_PASSWORD`, made once: every demo user shares it. */
  readonly passwordHash: string;
  readonly onProgress?: (usersDone: number, usersToAdd: number) => void;
  /** Aborting stops after the current batch (its users are complete). */
  readonly signal?: AbortSignal;
}

export interface SeedSummary {
  readonly firstUsername: string;
  readonly lastUsername: string;
  readonly usersAdded: number;
  /** Demo users of this seed that were there already (and were left as they were). */
  readonly usersExisting: number;
  readonly socks: number;
  readonly pictures: number;
  readonly swipes: number;
  readonly matches: number;
  /** What `reset` removed; null without `reset`. */
  readonly removed: { readonly users: number; readonly pictureFiles: number } | null;
  readonly interrupted: boolean;
}

/**
 * Deterministic demo data (see `DemoPlan`): users `demo-0001`…, each with a profile picture and
 * 1–4 socks with 1–2 pictures, stored through the repositories in units of work of `batchSize`
 * users; then some swipes per user through the SwipeSock use case, so the matches and their
 * outbox events are real. Idempotent by username: demo users that exist are skipped (a run
 * killed within a batch may leave that batch's swipes unmade; `--reset` starts over).
 * @throws {Error} when a demo username exists with another id (another seed, or a real account)
 */
export async function seedDemoData(deps: SeedDeps, options: SeedOptions): Promise<SeedSummary> {
  const plan = new DemoPlan(options.seed);
  const batchSize = options.batchSize ?? 200;
  const concurrency = options.concurrency ?? 8;
  const removed = options.reset ? await emptyEverything(deps) : null;
  const toAdd = await usersToAdd(deps.orm, plan, options.users);
  const batches: PlannedUser[][] = [];
  for (let start = 0; start < toAdd.length; start += batchSize) {
    batches.push(toAdd.slice(start, start + batchSize).map((index) => plan.user(index)));
  }
  const pictures = new BatchPictures(deps, concurrency);
  const counts = { users: 0, socks: 0, pictures: 0, swipes: 0, matches: 0 };
  let interrupted = false;
  deps.onProgress?.(0, toAdd.length);
  // Pipelined: the next batch's picture files are made while this batch's swipes run.
  const none = Promise.resolve(new Map<string, string>());
  let nextKeys = batches[0] ? pictures.store(batches[0]) : none;
  for (const [i, users] of batches.entries()) {
    const keys = await nextKeys;
    if (deps.signal?.aborted) {
      await pictures.discard(keys);
      interrupted = true;
      break;
    }
    await insertUsers(deps, users, keys, pictures);
    const following = batches[i + 1];
    nextKeys = following ? pictures.store(following) : none;
    nextKeys.catch(() => undefined); // awaited next round; no unhandled rejection meanwhile
    const made = await swipeAll(deps, plan, users, concurrency).catch(async (error: unknown) => {
      await nextKeys.then(
        (unused) => pictures.discard(unused),
        () => undefined,
      );
      throw error;
    });
    counts.users += users.length;
    counts.socks += users.reduce((n, u) => n + u.socks.length, 0);
    counts.pictures += users.reduce((n, u) => n + 1 + u.socks.reduce((m, s) => m + s.pictures.length, 0), 0);
    counts.swipes += made.swipes;
    counts.matches += made.matches;
    deps.onProgress?.(counts.users, toAdd.length);
  }
  return {
    firstUsername: demoUsername(1),
    lastUsername: demoUsername(options.users),
    usersAdded: counts.users,
    usersExisting: options.users - toAdd.length,
    socks: counts.socks,
    pictures: counts.pictures,
    swipes: counts.swipes,
    matches: counts.matches,
    removed,
    interrupted,
  };
}

/**
 * The indexes of the demo users not in the database yet.
 * @throws {Error} when a demo username belongs to a user this seed did not make
 */
async function usersToAdd(orm: Orm, plan: DemoPlan, users: number): Promise<number[]> {
  const existing = await existingDemoUsers(orm);
  const toAdd: number[] = [];
  for (let index = 1; index <= users; index++) {
    const id = existing.get(demoUsername(index).toLowerCase());
    if (id === undefined) toAdd.push(index);
    else if (id !== plan.user(index).id) {
      throw new Error(
        `${demoUsername(index)} already exists but was not made by --seed ${plan.seed}: use that seed, or --reset (which empties the database)`,
      );
    }
  }
  return toAdd;
}

/** The picture files of a batch of users, and where their cities are. */
class BatchPictures {
  private readonly images = new DemoImages();
  private readonly files: DemoPictureFiles;
  private readonly locations = new Map<string, Promise<GeoPoint | null>>();

  constructor(
    private readonly deps: SeedDeps,
    private readonly concurrency: number,
  ) {
    this.files = new DemoPictureFiles(deps.pictureStore, deps.mediaDir);
  }

  /** Planned picture id → stored key, for every picture of `users`. */
  async store(users: readonly PlannedUser[]): Promise<Map<string, string>> {
    const keys = new Map<string, string>();
    const all = users.flatMap((u) => [u.avatar, ...u.socks.flatMap((s) => s.pictures)]);
    try {
      await forEach(all, this.concurrency, async (picture) => {
        const png = await this.images.png(picture.image);
        keys.set(picture.id, await this.files.add(imageKey(picture.image), png));
      });
    } catch (error) {
      await this.discard(keys);
      throw error;
    }
    return keys;
  }

  /** Best effort: files of a batch that never reached the database only waste space. */
  async discard(keys: ReadonlyMap<string, string>): Promise<void> {
    await this.deps.pictureStore.remove([...keys.values()]).catch(() => undefined);
  }

  locate(city: string): Promise<GeoPoint | null> {
    let location = this.locations.get(city);
    if (!location) this.locations.set(city, (location = this.deps.geocoder.locate(city)));
    return location;
  }
}

/** One unit of work for the whole batch: its users, their socks and all their pictures. */
async function insertUsers(
  deps: SeedDeps,
  users: readonly PlannedUser[],
  keys: ReadonlyMap<string, string>,
  pictures: BatchPictures,
): Promise<void> {
  try {
    await deps.repositories.uow.run(async () => {
      for (const user of users) await addUser(deps, user, await pictures.locate(user.profile.city), keys);
    });
  } catch (error) {
    await pictures.discard(keys);
    throw error;
  }
}

/** The planned swipes of `users` through SwipeSock; users in parallel, each user's in order. */
async function swipeAll(
  deps: SeedDeps,
  plan: DemoPlan,
  users: readonly PlannedUser[],
  concurrency: number,
): Promise<{ swipes: number; matches: number }> {
  const r = deps.repositories;
  const made = { swipes: 0, matches: 0 };
  await forEach(users, concurrency, async (user) => {
    for (const swipe of plan.swipes(user.index)) {
      // The planned time and match id, so that the same seed makes the same matches.
      const ids = { next: () => swipe.matchId };
      const clock = { now: () => swipe.at };
      const swipeSock = new SwipeSock(r.swipes, r.matches, r.users, r.outbox, ids, r.uow, clock);
      const { matchId } = await swipeSock.execute(swipe);
      made.swipes++;
      if (matchId) made.matches++;
    }
  });
  return made;
}

async function addUser(
  deps: SeedDeps,
  planned: PlannedUser,
  location: GeoPoint | null,
  keys: ReadonlyMap<string, string>,
): Promise<void> {
  const { users, socks, pictures } = deps.repositories;
  const today = CalendarDate.fromInstant(planned.createdAt);
  await users.add(
    User.register({
      id: planned.id,
      username: planned.username,
      passwordHash: deps.passwordHash,
      profile: planned.profile,
      location,
      today,
      at: planned.createdAt,
    }),
  );
  await pictures.add(pictureOf(planned.avatar, planned.id, null, keys));
  for (const sock of planned.socks) {
    await socks.add(
      Sock.add({
        id: sock.id,
        ownerId: planned.id,
        attributes: sock.attributes,
        today: CalendarDate.fromInstant(sock.createdAt),
        at: sock.createdAt,
      }),
    );
    for (const picture of sock.pictures) await pictures.add(pictureOf(picture, planned.id, sock.id, keys));
  }
}

function pictureOf(
  planned: PlannedPicture,
  userId: string,
  sockId: string | null,
  keys: ReadonlyMap<string, string>,
): Picture {
  const key = keys.get(planned.id);
  if (!key) throw new Error(`no file stored for picture ${planned.id}`);
  return { id: planned.id, userId, sockId, key, createdAt: planned.createdAt };
}

/** Lower-cased demo username → id, of the demo users already in the database. */
async function existingDemoUsers(orm: Orm): Promise<Map<string, string>> {
  const rows: Array<{ id: string; username: string }> = await orm.em
    .fork()
    .getConnection()
    .execute(`select id, username from users where lower(username) like ?`, [`${DEMO_USERNAME_PREFIX}%`]);
  return new Map(rows.map((row) => [row.username.toLowerCase(), row.id]));
}

/**
 * TRUNCATE … CASCADE of every HotSox table, then deletes the files of the pictures that were in
 * them (and of pictures whose deletion was still waiting in the outbox): they would be orphans.
 */
async function emptyEverything(deps: SeedDeps): Promise<{ users: number; pictureFiles: number }> {
  const connection = deps.orm.em.fork().getConnection();
  const [{ count }] = (await connection.execute('select count(*)::int as count from users')) as [
    { count: number },
  ];
  const pictureRows: Array<{ key: string }> = await connection.execute('select key from pictures');
  const pending: Array<{ payload: { keys?: unknown } }> = await connection.execute(
    `select payload from outbox_events where type = 'picture-files.delete' and dispatched_at is null`,
  );
  const keys = [
    ...pictureRows.map((row) => row.key),
    ...pending.flatMap((row) => (Array.isArray(row.payload.keys) ? row.payload.keys.map(String) : [])),
  ];
  const tables = ENTITY_SCHEMAS.map((schema) => `"${schema.meta.tableName}"`).join(', ');
  await connection.execute(`truncate table ${tables} restart identity cascade`);
  await deps.pictureStore.remove(keys);
  return { users: count, pictureFiles: keys.length };
}

/** Runs `work` for every item, at most `limit` at a time; the first failure rejects and stops the rest. */
async function forEach<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (next < items.length && !failed) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        failed = true; // the other workers stop taking items
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
