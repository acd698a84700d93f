import type { DeckExclusions, DeckPlacement } from '../../../application/ports/candidate-pool.js';
import { aSock } from '../../../application/testing/builders.js';
import { uuid } from '../../../application/testing/contracts/contract-fixtures.js';
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
} from '../../../domain/options/option-lists.js';
import type { Sock } from '../../../domain/sock/sock.js';
import { roundScore } from '../../../domain/swiping/candidate.js';
import { Deck, type DeckEntry } from '../../../domain/swiping/deck.js';
import { numericScore, similarityScore } from '../../../domain/swiping/similarity-score.js';
import { prng, randomWorld } from '../../../../test/support/candidate-world.js';
import { ColumnarSocks, columnarRow, type SockTexts, type TextSource } from './columnar-socks.js';

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(2026, 5, 1);
const WORDS = 'lost sock left right wool warm dryer toe heel stripes blue cozy hole drawer soft itchy'.split(
  ' ',
);

/** Socks, which of them have a picture, and their decks: what the table and the brute force both see. */
interface World {
  socks: Map<string, Sock>;
  withPicture: Set<string>;
  decks: Map<string, number | null>;
}

/**
 * `count` socks of `owners` owners with the cases that make ranking hard: copies of earlier
 * socks (equal numeric scores, sometimes equal texts too: exact ties that the id decides),
 * empty stories, texts long enough for difflib's autojunk, characters outside the BMP (two
 * UTF-16 code units), creation instants around UTC midnight.
 */
function generatedWorld(seed: number, count: number, owners: number): World {
  const random = prng(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const key = <K extends string>(options: ReadonlyArray<Option<K>>): K => pick(options).key;
  const words = (min: number, max: number) =>
    Array.from({ length: int(min, max) }, () => pick(WORDS)).join(' ');
  const story = () => {
    const roll = random();
    if (roll < 0.15) return '';
    if (roll < 0.25) return words(40, 70); // ≥ 200 characters: autojunk
    if (roll < 0.32) return `🧦${words(1, 6)}🧦`;
    return words(1, 14);
  };
  const socks: Sock[] = [];
  for (let i = 0; i < count; i++) {
    const original = socks.length > 0 && random() < 0.3 ? pick(socks) : null;
    const fresh = aSock({
      id: uuid(100_000 + i),
      ownerId: uuid(1 + int(0, owners - 1)),
      story: story(),
      specialty: random() < 0.1 ? '🌈' : words(1, 4),
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
      createdAt: new Date(
        EPOCH + int(0, 120) * DAY_MS + (random() < 0.5 ? int(-2, 2) * 1000 : int(0, DAY_MS - 1)),
      ),
    });
    socks.push(
      original
        ? {
            ...original,
            id: fresh.id,
            ownerId: fresh.ownerId,
            ...(random() < 0.5 ? { story: fresh.story, specialty: fresh.specialty } : {}),
            ...(random() < 0.3 ? { holes: fresh.holes } : {}),
          }
        : fresh,
    );
  }
  return {
    socks: new Map(socks.map((s) => [s.id, s])),
    withPicture: new Set(socks.filter(() => random() < 0.85).map((s) => s.id)),
    decks: new Map(),
  };
}

function worldOfRandomWorld(seed: number): World {
  const world = randomWorld(seed);
  return {
    socks: new Map(world.socks.map((s) => [s.id, s])),
    withPicture: new Set(world.pictures.flatMap((p) => (p.sockId ? [p.sockId] : []))),
    decks: new Map(),
  };
}

/** A deliberately tiny initial capacity: every table grows many times. */
function tableOf(world: World): ColumnarSocks {
  const table = new ColumnarSocks(4);
  for (const sock of world.socks.values()) table.upsert(rowOf(world, sock));
  return table;
}

function rowOf(world: World, sock: Sock) {
  const floor = world.decks.get(sock.id);
  return columnarRow(sock, {
    hasPicture: world.withPicture.has(sock.id),
    deckBuilt: floor !== undefined,
    deckFloor: floor ?? null,
  });
}

/** The texts of the world's socks, counting what was asked for. */
function textsOf(world: World, gone: ReadonlySet<string> = new Set()): TextSource & { fetched: number } {
  const source = Object.assign(
    async (ids: readonly string[]) => {
      source.fetched += ids.length;
      const found = new Map<string, SockTexts>();
      for (const id of ids) {
        const sock = world.socks.get(id);
        if (sock && !gone.has(id)) found.set(id, { story: sock.story, specialty: sock.specialty });
      }
      return found;
    },
    { fetched: 0 },
  );
  return source;
}

const NO_EXCLUSIONS: DeckExclusions = { judgedSockIds: new Set(), matchedUserIds: new Set() };

/** The exact answer: every candidate scored with `similarityScore`, rounded, sorted by `Deck.compare`. */
function bruteBest(world: World, own: Sock, exclusions: DeckExclusions, size: number) {
  const ranked = [...world.socks.values()]
    .filter(
      (other) =>
        other.ownerId !== own.ownerId &&
        world.withPicture.has(other.id) &&
        !exclusions.judgedSockIds.has(other.id) &&
        !exclusions.matchedUserIds.has(other.ownerId),
    )
    .map((other) => ({ id: other.id, score: roundScore(similarityScore(own, other)) }))
    .sort(Deck.compare);
  return {
    entries: ranked.slice(0, size).map((r): DeckEntry => ({ candidateId: r.id, score: r.score })),
    complete: ranked.length <= size,
  };
}

function brutePlacements(world: World, candidate: Sock): DeckPlacement[] {
  return [...world.decks]
    .flatMap(([deckSockId, floor]) => {
      const own = world.socks.get(deckSockId);
      if (!own || own.ownerId === candidate.ownerId) return [];
      const score = roundScore(similarityScore(own, candidate));
      return Deck.admits(floor, score) ? [{ deckSockId, score }] : [];
    })
    .sort(byDeck);
}

function byDeck(a: DeckPlacement, b: DeckPlacement): number {
  return a.deckSockId < b.deckSockId ? -1 : a.deckSockId > b.deckSockId ? 1 : 0;
}

/** Some judged socks and matched owners for `own`, drawn from the world. */
function exclusionsFor(world: World, own: Sock, seed: number): DeckExclusions {
  const random = prng(seed);
  const socks = [...world.socks.values()];
  return {
    judgedSockIds: new Set(socks.filter(() => random() < 0.05).map((s) => s.id)),
    matchedUserIds: new Set(
      socks.filter((s) => s.ownerId !== own.ownerId && random() < 0.01).map((s) => s.ownerId),
    ),
  };
}

function every<T>(items: Iterable<T>, step: number): T[] {
  return [...items].filter((_, i) => i % step === 0);
}

describe('ColumnarSocks', () => {
  const big = generatedWorld(20261205, 2000, 150);
  const bigTable = tableOf(big);

  it('computes the numeric terms to the last bit of numericScore', () => {
    const socks = [...big.socks.values()];
    for (const own of every(socks, 97)) {
      for (const other of every(socks, 13)) {
        expect(bigTable.numericScoreOf(own, other.id)).toBe(numericScore(own, other));
      }
    }
  });

  it.each([1, 5, 200])(
    'finds the best %i exactly as similarityScore ranks them, ties included',
    async (size) => {
      for (const own of every(big.socks.values(), 67)) {
        const exclusions = exclusionsFor(big, own, size);
        const best = await bigTable.topCandidates(own, exclusions, size, textsOf(big));
        expect({ own: own.id, ...best }).toEqual({ own: own.id, ...bruteBest(big, own, exclusions, size) });
      }
    },
  );

  it('is exact in the hard cases of the shared candidate world (texts that decide, near-ties)', async () => {
    const world = worldOfRandomWorld(7);
    const table = tableOf(world);
    for (const own of every(world.socks.values(), 11)) {
      for (const size of [1, 5, 20, 200]) {
        const best = await table.topCandidates(own, NO_EXCLUSIONS, size, textsOf(world));
        expect({ own: own.id, size, ...best }).toEqual({
          own: own.id,
          size,
          ...bruteBest(world, own, NO_EXCLUSIONS, size),
        });
      }
    }
  });

  it('breaks exact ties by id', async () => {
    const own = aSock({ id: uuid(1), ownerId: uuid(900) });
    const twins = [5, 3, 4, 2].map((n) => ({ ...own, id: uuid(10 + n), ownerId: uuid(n) }));
    const world: World = {
      socks: new Map([own, ...twins].map((s) => [s.id, s])),
      withPicture: new Set(twins.map((s) => s.id)),
      decks: new Map(),
    };

    const best = await tableOf(world).topCandidates(own, NO_EXCLUSIONS, 3, textsOf(world));

    expect(best.entries.map((e) => e.candidateId)).toEqual([uuid(12), uuid(13), uuid(14)]);
    expect(best).toEqual(bruteBest(world, own, NO_EXCLUSIONS, 3));
  });

  it('fetches the texts of the few candidates within reach only', async () => {
    const own = [...big.socks.values()][0] as Sock;
    const texts = textsOf(big);

    await bigTable.topCandidates(own, NO_EXCLUSIONS, 5, texts);

    expect(texts.fetched).toBeLessThan(big.socks.size / 2);
  });

  it('says complete when there were no more candidates than asked for', async () => {
    const own = [...big.socks.values()][1] as Sock;
    const all = bruteBest(big, own, NO_EXCLUSIONS, Infinity).entries.length;

    for (const size of [all - 1, all, all + 1, Infinity]) {
      const best = await bigTable.topCandidates(own, NO_EXCLUSIONS, size, textsOf(big));
      expect(best).toEqual(bruteBest(big, own, NO_EXCLUSIONS, size));
    }
    expect(await bigTable.topCandidates(own, NO_EXCLUSIONS, 0, textsOf(big))).toEqual({
      entries: [],
      complete: false,
    });
  });

  it('leaves out and forgets a sock whose texts are gone (deleted since the last refresh)', async () => {
    const world = generatedWorld(3, 400, 40);
    const table = tableOf(world);
    const own = [...world.socks.values()][0] as Sock;
    const first = bruteBest(world, own, NO_EXCLUSIONS, 5).entries[0]?.candidateId as string;

    const best = await table.topCandidates(own, NO_EXCLUSIONS, 5, textsOf(world, new Set([first])));

    world.socks.delete(first);
    expect(best).toEqual(bruteBest(world, own, NO_EXCLUSIONS, 5));
    expect(table.has(first)).toBe(false);
  });

  it('follows upserts (new socks, new attributes, pictures) and removals', async () => {
    const world = generatedWorld(11, 800, 60);
    const table = tableOf(world);
    const random = prng(5);
    const socks = [...world.socks.values()];
    const donors = generatedWorld(12, 300, 80).socks.values();
    for (const sock of socks.filter(() => random() < 0.1)) {
      const donor = donors.next().value as Sock;
      const changed = { ...donor, id: sock.id, ownerId: sock.ownerId, createdAt: sock.createdAt };
      world.socks.set(sock.id, changed);
      if (random() < 0.5) world.withPicture.add(sock.id);
      else world.withPicture.delete(sock.id);
      table.upsert(rowOf(world, changed));
    }
    for (const sock of socks.filter(() => random() < 0.05)) {
      world.socks.delete(sock.id);
      table.remove(sock.id);
    }
    for (const [i, sock] of [...generatedWorld(13, 50, 90).socks.values()].entries()) {
      const added = { ...sock, id: uuid(500_000 + i) };
      world.socks.set(added.id, added);
      world.withPicture.add(added.id);
      table.upsert(rowOf(world, added));
    }

    expect(table.liveRows).toBe(world.socks.size);
    for (const own of every(world.socks.values(), 41)) {
      for (const size of [1, 5, 200]) {
        const best = await table.topCandidates(own, NO_EXCLUSIONS, size, textsOf(world));
        expect({ own: own.id, ...best }).toEqual({
          own: own.id,
          ...bruteBest(world, own, NO_EXCLUSIONS, size),
        });
      }
    }
  });

  it('gives the listed candidates their exact scores', async () => {
    const socks = [...big.socks.values()];
    const own = socks[2] as Sock;
    const exclusions = exclusionsFor(big, own, 9);
    const listed = every(socks, 7).map((s) => s.id);

    const scores = await bigTable.scoresOf(own, [...listed, uuid(999_999)], exclusions, textsOf(big));

    const exact = bruteBest(big, own, exclusions, Infinity).entries.filter((e) =>
      listed.includes(e.candidateId),
    );
    expect(scores.sort((a, b) => Deck.compare(key(a), key(b)))).toEqual(exact);
  });

  it('places a candidate in exactly the built decks that admit it', async () => {
    const world = generatedWorld(17, 1200, 100);
    const random = prng(23);
    const newcomers = [...generatedWorld(18, 30, 100).socks.values()].map((s, i) => ({
      ...s,
      id: uuid(600_000 + i),
    }));
    const candidates = [...every(world.socks.values(), 97), ...newcomers];
    for (const own of world.socks.values()) {
      const roll = random();
      if (roll < 0.3) continue; // no deck
      // A floor that one of the candidates scores exactly: the edge of `Deck.admits`.
      const floor = roundScore(
        similarityScore(own, candidates[Math.floor(random() * candidates.length)] as Sock),
      );
      world.decks.set(own.id, roll < 0.35 ? null : floor);
    }
    const table = tableOf(world);

    let placed = 0;
    for (const candidate of candidates) {
      const placements = await table.placementsOf(candidate, textsOf(world));
      expect({ candidate: candidate.id, placements: placements.sort(byDeck) }).toEqual({
        candidate: candidate.id,
        placements: brutePlacements(world, candidate),
      });
      placed += placements.length;
    }
    expect(placed).toBeGreaterThan(candidates.length); // the test places some, not none
  });

  it('forgets a deck that is no longer built', async () => {
    const world = generatedWorld(19, 100, 30);
    const socks = [...world.socks.values()];
    const deckSock = socks[0] as Sock;
    const candidate = socks.find((s) => s.ownerId !== deckSock.ownerId) as Sock;
    world.decks.set(deckSock.id, null);
    const table = tableOf(world);
    expect((await table.placementsOf(candidate, textsOf(world))).map((p) => p.deckSockId)).toEqual([
      deckSock.id,
    ]);

    table.setDeck(deckSock.id, false, null);

    expect(await table.placementsOf(candidate, textsOf(world))).toEqual([]);
  });

  it('reports its size', () => {
    expect(bigTable.rows).toBe(2000);
    expect(bigTable.liveRows).toBe(2000);
    expect(bigTable.typedArrayBytes).toBeGreaterThan(2000 * 40);
  });
});

function key(entry: DeckEntry) {
  return { id: entry.candidateId, score: entry.score };
}
