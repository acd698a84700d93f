import type { MatchRepository } from '../../src/application/ports/match-repository.js';
import type { PictureRepository } from '../../src/application/ports/picture-repository.js';
import type { SockRepository } from '../../src/application/ports/sock-repository.js';
import type { SwipeRepository } from '../../src/application/ports/swipe-repository.js';
import type { UnitOfWork } from '../../src/application/ports/unit-of-work.js';
import type { UserRepository } from '../../src/application/ports/user-repository.js';
import { aPicture, aSock, aUser } from '../../src/application/testing/builders.js';
import { uuid } from '../../src/application/testing/contracts/contract-fixtures.js';
import type { GeoPoint } from '../../src/domain/geo/geo-point.js';
import type { Match } from '../../src/domain/matching/match.js';
import {
  BRANDS,
  COLORS,
  CONDITIONS,
  ENVIRONMENTS,
  FABRICS,
  SIZES,
  SOCK_TYPES,
  THICKNESSES,
  type Option,
} from '../../src/domain/options/option-lists.js';
import type { Picture } from '../../src/domain/picture/picture.js';
import type { Sock, SockAttributes } from '../../src/domain/sock/sock.js';
import { isCandidate, rankCandidates } from '../../src/domain/swiping/candidate.js';
import type { Swipe } from '../../src/domain/swiping/swipe.js';
import type { User } from '../../src/domain/user/user.js';

/**
 * A seeded random world of users, socks, pictures, swipes and matches with the hard cases of
 * ranking (near-ties, texts that decide, equal distances), for tests that compare a served
 * ranking with the exact one computed in memory.
 */
/** mulberry32: the same "random" world on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(2026, 5, 1);
const WORDS = (
  'lost sock left right wool warm dryer toe heel stripes blue cozy hole drawer partner soft itchy ' +
  'bright faded festival marathon winter summer knitted lavender dancing hiking office sneaker boot ' +
  'slipper sofa cat dog garden beach mountain river city train'
).split(' ');

export interface World {
  readonly users: User[];
  readonly socks: Sock[];
  readonly pictures: Picture[];
  readonly swipes: Swipe[];
  readonly matches: Match[];
  readonly families: Family[];
}

export interface Family {
  readonly own: Sock;
  readonly kin: Sock;
  readonly rivals: Sock[];
}

/** How many points below the best numeric score each family's kin is (4: a tie in full). */
export const FAMILY_KIN_GAPS = [1.5, 3, 3.9, 3.996, 4];

/**
 * 60 users and 300 socks with random attributes, texts and days. A third of the socks copy an
 * earlier one: its numeric attributes, sometimes nudged by a few points, and sometimes its
 * texts. So numeric scores tie (the text terms and the tie-breaks decide). Creation instants
 * cluster around UTC midnight, so that whole UTC days matter.
 *
 * Then the hard cases, in `FAMILIES` more socks: a family's own sock, two "rivals" with its very
 * numeric attributes but texts that share no character with its texts (text score 0), and one
 * "kin" with its texts (text score 4) but `kinGap` points fewer by kilometers. The kin must win
 * although it scores `kinGap` below the best numeric score: with 4 exactly, it ties with the
 * rivals and wins on distance (its owner lives with the family's).
 */
export function randomWorld(seed: number): World {
  const random = prng(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const key = <K extends string>(options: ReadonlyArray<Option<K>>): K => pick(options).key;
  const text = (max: number) => Array.from({ length: int(0, max) }, () => pick(WORDS)).join(' ');
  let n = 0;
  const nextId = () => uuid(++n);

  const users = Array.from({ length: 60 }, (_, i) => {
    const location: GeoPoint | null =
      random() < 0.8 ? { lat: 47 + random() * 8, lon: 6 + random() * 9 } : null;
    // Some users share a place: equal distances, so the older sock and then the id decide.
    return aUser({ id: nextId(), username: `u${i}`, email: `u${i}@example.com`, location });
  });
  for (let i = 50; i < 60; i++) {
    const twin = users[i - 10] as User;
    users[i] = { ...(users[i] as User), location: twin.location };
  }

  const socks: Sock[] = [];
  for (let i = 0; i < 300; i++) {
    const nearMidnight =
      EPOCH + int(0, 200) * DAY_MS + (random() < 0.5 ? int(-3, 3) * 1000 : int(0, DAY_MS - 1));
    const fresh: SockAttributes = {
      name: `sock ${i}`,
      story: random() < 0.15 ? '' : text(12),
      color: key(COLORS),
      fabric: key(FABRICS),
      thickness: key(THICKNESSES),
      brand: key(BRANDS),
      type: key(SOCK_TYPES),
      size: key(SIZES),
      age: int(0, 25),
      separationDate: new Date(EPOCH - int(0, 150) * DAY_MS).toISOString().slice(0, 10),
      condition: key(CONDITIONS),
      holes: int(0, 10),
      kilometers: int(0, 1000),
      environment: key(ENVIRONMENTS),
      washedPerWeek: int(0, 7),
      specialty: text(4) || 'plain',
    };
    const original = socks.length > 0 && random() < 0.35 ? pick(socks) : null;
    const nudges: Partial<SockAttributes> =
      original && random() < 0.6
        ? {
            holes: Math.min(10, original.holes + int(0, 4)),
            age: Math.min(25, original.age + int(0, 6)),
            washedPerWeek: Math.max(0, original.washedPerWeek - int(0, 1)),
          }
        : {};
    const attributes: SockAttributes = original
      ? {
          ...original,
          ...nudges,
          name: fresh.name,
          ...(random() < 0.5 ? { story: fresh.story, specialty: fresh.specialty } : {}),
        }
      : fresh;
    socks.push(
      aSock({
        ...attributes,
        id: nextId(),
        ownerId: pick(users).id,
        // A copy joins on the same UTC day as its original, at another time of day.
        createdAt: new Date(
          original
            ? Math.floor(original.createdAt.getTime() / DAY_MS) * DAY_MS + int(0, DAY_MS - 1)
            : nearMidnight,
        ),
      }),
    );
  }

  const families: Family[] = [];
  for (const kinGap of FAMILY_KIN_GAPS) {
    const home: GeoPoint = { lat: 50 + random(), lon: 10 + random() };
    const [owner, kinOwner, ...rivalOwners] = ['own', 'kin', 'rival1', 'rival2'].map((role) =>
      aUser({
        id: nextId(),
        username: `${role}_${kinGap}`,
        email: `${role}_${kinGap}@example.com`,
        location: role === 'own' || role === 'kin' ? home : { lat: 40 + random(), lon: -3 + random() },
      }),
    ) as [User, User, User, User];
    users.push(owner, kinOwner, ...rivalOwners);
    const own = aSock({
      id: nextId(),
      ownerId: owner.id,
      story: text(12) || 'lost sock',
      specialty: text(4) || 'warm',
      kilometers: 0,
      createdAt: new Date(EPOCH + int(0, 200) * DAY_MS + int(0, DAY_MS - 1)),
    });
    const digits = () => String(int(1e8, 9e8));
    const rivals = rivalOwners.map((u) => ({
      ...own,
      id: nextId(),
      ownerId: u.id,
      story: digits(),
      specialty: digits(),
    }));
    const kin = { ...own, id: nextId(), ownerId: kinOwner.id, kilometers: kinGap * 250 };
    socks.push(own, ...rivals, kin);
    families.push({ own, kin, rivals });
  }

  const pictures: Picture[] = [];
  for (const sock of socks) {
    const inFamily = families.some((f) => f.kin === sock || f.rivals.includes(sock));
    const count = !inFamily && random() < 0.15 ? 0 : int(1, 2);
    for (let p = 0; p < count; p++) {
      pictures.push(aPicture({ id: nextId(), userId: sock.ownerId, sockId: sock.id, key: `k/${n}` }));
    }
  }
  for (const user of users.filter(() => random() < 0.3)) {
    pictures.push(aPicture({ id: nextId(), userId: user.id, sockId: null, key: `k/${n}` }));
  }

  const relatives = new Set(families.flatMap((f) => [f.own, f.kin, ...f.rivals].map((s) => s.ownerId)));
  const swipes = new Map<string, Swipe>();
  while (swipes.size < 900) {
    const from = pick(socks);
    const to = pick(socks);
    if (from.ownerId === to.ownerId) continue;
    if (relatives.has(from.ownerId) && relatives.has(to.ownerId)) continue;
    swipes.set(`${from.id}>${to.id}`, {
      sockId: from.id,
      targetSockId: to.id,
      decision: random() < 0.5 ? 'like' : 'dislike',
      judgedAt: new Date(EPOCH),
    });
  }

  const pairs = new Map<string, Match>();
  while (pairs.size < 40) {
    const a = pick(socks);
    const b = pick(socks);
    if (a.ownerId === b.ownerId) continue;
    if (relatives.has(a.ownerId) && relatives.has(b.ownerId)) continue;
    pairs.set([a.ownerId, b.ownerId].sort().join(), {
      id: nextId(),
      initiator: { userId: a.ownerId, sockId: a.id },
      partner: { userId: b.ownerId, sockId: b.id },
      createdAt: new Date(EPOCH),
      endedAt: random() < 0.3 ? new Date(EPOCH + DAY_MS) : null,
    });
  }
  return { users, socks, pictures, swipes: [...swipes.values()], matches: [...pairs.values()], families };
}

/** `isCandidate` over the world in memory: what the shortlist must never lose from the best. */
export function candidatesInMemory(world: World, own: Sock): Sock[] {
  const matchedWith = new Set<string>();
  for (const m of world.matches) {
    if (m.initiator.userId === own.ownerId) matchedWith.add(m.partner.userId);
    if (m.partner.userId === own.ownerId) matchedWith.add(m.initiator.userId);
  }
  return world.socks.filter((other) =>
    isCandidate(own.ownerId, {
      ownerId: other.ownerId,
      pictureCount: world.pictures.filter((p) => p.sockId === other.id).length,
      judgedByOwnSock: world.swipes.some((s) => s.sockId === own.id && s.targetSockId === other.id),
      ownerEverMatchedUser: matchedWith.has(other.ownerId),
    }),
  );
}

/** The exact ranking of `own`'s candidates in `world`, as `rankCandidates` gives it. */
export function rankedInWorld(world: World, own: Sock) {
  const owner = world.users.find((u) => u.id === own.ownerId) as User;
  const candidates = candidatesInMemory(world, own).map((sock) => ({
    sock,
    ownerLocation: world.users.find((u) => u.id === sock.ownerId)?.location ?? null,
  }));
  return { candidates, ranked: rankCandidates(own, owner.location, candidates) };
}

/** The repositories a world is stored through (the real adapters or the fakes). */
export interface WorldStore {
  readonly uow: UnitOfWork;
  readonly users: UserRepository;
  readonly socks: SockRepository;
  readonly pictures: PictureRepository;
  readonly swipes: SwipeRepository;
  readonly matches: MatchRepository;
}

/** Stores every row of `world`, in one unit of work. */
export async function storeWorld(r: WorldStore, world: World): Promise<void> {
  await r.uow.run(async () => {
    for (const user of world.users) await r.users.add(user);
    for (const sock of world.socks) await r.socks.add(sock);
    for (const picture of world.pictures) await r.pictures.add(picture);
    for (const swipe of world.swipes) await r.swipes.add(swipe);
    for (const match of world.matches) await r.matches.add(match);
  });
}
