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
  /** Users whose pictures are stored, or whose swipes run, at the same time (default 4). */
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
 * outbox events are real. Idempotent by username: demo users that exist are skipped.
 * @throws {Error} when a demo username exists with another id (another seed, or a real account)
 */
export async function seedDemoData(deps: SeedDeps, options: SeedOptions): Promise<SeedSummary> {
  const plan = new DemoPlan(options.seed);
  const batchSize = options.batchSize ?? 200;
  const concurrency = options.concurrency ?? 4;
  const removed = options.reset ? await emptyEverything(deps) : null;
  const existing = await existingDemoUsers(deps.orm);
  const toAdd: number[] = [];
  for (let index = 1; index <= options.users; index++) {
    const id = existing.get(demoUsername(index).toLowerCase());
    if (id === undefined) toAdd.push(index);
    else if (id !== plan.user(index).id) {
      throw new Error(
        `${demoUsername(index)} already exists but was not made by --seed ${options.seed}: use --reset (which empties the database) or the seed used before`,
      );
    }
  }
  const counts = { socks: 0, pictures: 0, swipes: 0, matches: 0, users: 0 };
  const images = new DemoImages();
  const files = new DemoPictureFiles(deps.pictureStore, deps.mediaDir);
  const locations = new Map<string, Promise<GeoPoint | null>>();
  const locate = (city: string) => {
    let location = locations.get(city);
    if (!location) locations.set(city, (location = deps.geocoder.locate(city)));
    return location;
  };
  let interrupted = false;
  deps.onProgress?.(0, toAdd.length);
  for (let start = 0; start < toAdd.length; start += batchSize) {
    if (deps.signal?.aborted) {
      interrupted = true;
      break;
    }
    const users = toAdd.slice(start, start + batchSize).map((index) => plan.user(index));
    const keys = new Map<string, string>();
    let t0 = Date.now();
    await forEach(
      users.flatMap((u) => [u.avatar, ...u.socks.flatMap((s) => s.pictures)]),
      concurrency,
      async (picture) => {
        keys.set(picture.id, await files.add(imageKey(picture.image), await images.png(picture.image)));
      },
    );
    const t1 = Date.now();
    try {
      await deps.repositories.uow.run(async () => {
        for (const user of users) await addUser(deps, user, await locate(user.profile.city), keys);
      });
    } catch (error) {
      await deps.pictureStore.remove([...keys.values()]).catch(() => undefined);
      throw error;
    }
    for (const user of users) {
      counts.socks += user.socks.length;
      counts.pictures += 1 + user.socks.reduce((n, s) => n + s.pictures.length, 0);
    }
    const t2 = Date.now();
    await forEach(users, concurrency, async (user) => {
      for (const swipe of plan.swipes(user.index)) {
        const r = deps.repositories;
        const swipeSock = new SwipeSock(
          r.socks,
          r.pictures,
          r.swipes,
          r.matches,
          r.users,
          r.outbox,
          { next: () => swipe.matchId },
          r.uow,
          { now: () => swipe.at },
        );
        const { match } = await swipeSock.execute(swipe);
        counts.swipes++;
        if (match) counts.matches++;
      }
    });
    process.stderr.write(`\nTIMING pictures ${t1-t0} uow ${t2-t1} swipes ${Date.now()-t2}\n`);
    counts.users += users.length;
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
