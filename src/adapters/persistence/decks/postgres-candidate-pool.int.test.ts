import type { DeckExclusions, DeckPlacement } from '../../../application/ports/candidate-pool.js';
import { aPicture, aSock, aUser } from '../../../application/testing/builders.js';
import { uuid } from '../../../application/testing/contracts/contract-fixtures.js';
import type { Sock } from '../../../domain/sock/sock.js';
import { roundScore } from '../../../domain/swiping/candidate.js';
import { Deck, type DeckEntry } from '../../../domain/swiping/deck.js';
import { similarityScore } from '../../../domain/swiping/similarity-score.js';
import { randomWorld, storeWorld } from '../../../../test/support/candidate-world.js';
import {
  createMigratedDatabase,
  postgresRepositories,
  type MigratedDatabase,
} from '../../../../test/support/postgres-harness.js';
import type { MikroOrmRepositories } from '../mikro-orm-repositories.js';
import { PostgresCandidatePool } from './postgres-candidate-pool.js';

jest.setTimeout(120_000);

/** Ids far above the world's (`uuid(n)` counts from 1), for what the tests add. */
let added = 800_000;
const laterId = () => uuid(++added);

/** A logger that keeps the pool's log lines. */
function recordingLogger() {
  const lines: string[] = [];
  return { lines, info: (_details: object, message: string) => void lines.push(message) };
}

describe('PostgresCandidatePool', () => {
  let database: MigratedDatabase;
  let r: MikroOrmRepositories;
  const world = randomWorld(20261206);

  beforeAll(async () => {
    database = await createMigratedDatabase({ poolMax: 6 });
    r = postgresRepositories(database.orm);
    await storeWorld(r, world);
  });

  afterAll(async () => {
    await database?.dispose();
  });

  async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return r.scope.use((em) => em.execute<T[]>(sql, params, 'all'));
  }

  /** Every sock in the database now, and which of them have a picture. */
  async function databaseNow() {
    const ids = (await query<{ id: string }>('select id from socks')).map((row) => row.id);
    const socks = await r.socks.findManyByIds(ids);
    const pictures = await r.pictures.listForSocks(ids);
    return { socks, withPicture: new Set([...pictures.keys()]) };
  }

  async function exclusionsOf(own: Sock): Promise<DeckExclusions> {
    const [judged, partners] = await Promise.all([
      r.swipes.judgedBy(own.id),
      r.matches.partnersOf(own.ownerId),
    ]);
    return { judgedSockIds: new Set(judged), matchedUserIds: new Set(partners) };
  }

  /** Every candidate in the database scored by `similarityScore`, ranked by `Deck.compare`. */
  async function exactRanking(own: Sock, exclusions: DeckExclusions): Promise<DeckEntry[]> {
    const { socks, withPicture } = await databaseNow();
    return socks
      .filter(
        (other) =>
          other.ownerId !== own.ownerId &&
          withPicture.has(other.id) &&
          !exclusions.judgedSockIds.has(other.id) &&
          !exclusions.matchedUserIds.has(other.ownerId),
      )
      .map((other) => ({ id: other.id, score: roundScore(similarityScore(own, other)) }))
      .sort(Deck.compare)
      .map(({ id, score }) => ({ candidateId: id, score }));
  }

  async function expectExactBest(pool: PostgresCandidatePool, own: Sock, size: number): Promise<void> {
    const exclusions = await exclusionsOf(own);
    const best = await pool.best(own, exclusions, size);
    const ranking = await exactRanking(own, exclusions);
    expect({ own: own.id, size, entries: best.entries, complete: best.complete }).toEqual({
      own: own.id,
      size,
      entries: ranking.slice(0, size),
      complete: ranking.length <= size,
    });
  }

  async function exactPlacements(candidate: Sock): Promise<DeckPlacement[]> {
    const decks = await query<{ sock_id: string; floor: number | null }>(
      'select sock_id, floor from decks where built_at is not null',
    );
    const owners = new Map((await databaseNow()).socks.map((s) => [s.id, s]));
    return decks
      .flatMap(({ sock_id: deckSockId, floor }) => {
        const own = owners.get(deckSockId);
        if (!own || own.ownerId === candidate.ownerId) return [];
        const score = roundScore(similarityScore(own, candidate));
        return Deck.admits(floor, score) ? [{ deckSockId, score }] : [];
      })
      .sort(byDeck);
  }

  async function latestSeq(): Promise<number> {
    const [row] = await query<{ seq: number }>(
      'select coalesce(max(seq), 0)::float8 as seq from sock_changes',
    );
    return row?.seq ?? 0;
  }

  async function sockById(id: string): Promise<Sock> {
    return (await r.socks.findById(id)) as Sock;
  }

  it('finds the best candidates exactly as similarityScore ranks every sock of the database', async () => {
    const logger = recordingLogger();
    const pool = new PostgresCandidatePool(r.scope, { logger, batchSize: 70 });
    const owns = [...world.socks.filter((_, i) => i % 23 === 0), ...world.families.map((f) => f.own)];

    for (const own of owns) {
      for (const size of [1, 5, 200]) await expectExactBest(pool, own, size);
    }

    expect(logger.lines).toEqual(['candidate pool loaded']);
    const best = await pool.best(owns[0] as Sock, await exclusionsOf(owns[0] as Sock), 5);
    expect(best.asOf).toBe(await latestSeq());
  });

  it('loads once for calls that arrive together', async () => {
    const logger = recordingLogger();
    const pool = new PostgresCandidatePool(r.scope, { logger });
    const owns = world.socks.slice(0, 6);

    const answers = await Promise.all(owns.map(async (own) => pool.best(own, await exclusionsOf(own), 5)));

    expect(logger.lines).toEqual(['candidate pool loaded']);
    expect(answers.map((a) => a.entries.length)).toEqual(owns.map(() => 5));
  });

  it('sees added, changed and deleted socks and pictures on its next call, through sock_changes', async () => {
    const pool = new PostgresCandidatePool(r.scope);
    const owns = [world.families[0]?.own, world.families[3]?.own, world.socks[10]] as Sock[];
    await expectExactBest(pool, owns[0] as Sock, 5);
    const before = await latestSeq();

    // New socks that copy the best candidates' attributes, so they compete for the top.
    const [top1, top2] = (await pool.best(owns[0] as Sock, await exclusionsOf(owns[0] as Sock), 2)).entries;
    const copyWithPicture = {
      ...(await sockById(top1?.candidateId as string)),
      id: laterId(),
      ownerId: world.users[3]?.id as string,
    };
    const copyWithoutPicture = { ...copyWithPicture, id: laterId(), story: '🧦🧦 lost 🧦' };
    await r.socks.add(copyWithPicture);
    await r.socks.add(copyWithoutPicture);
    await r.pictures.add(
      aPicture({ id: laterId(), userId: copyWithPicture.ownerId, sockId: copyWithPicture.id }),
    );
    // A changed sock, a deleted sock, a sock that lost its pictures.
    const changed = await sockById(top2?.candidateId as string);
    await r.socks.save({
      ...changed,
      kilometers: (changed.kilometers + 500) % 1000,
      story: '🌈 emoji 🌈 story',
    });
    const deleted = world.socks[20] as Sock;
    await r.socks.remove(deleted.id);
    const bare = world.socks.find(
      (s) => world.pictures.some((p) => p.sockId === s.id) && s.id !== deleted.id,
    ) as Sock;
    for (const picture of (await r.pictures.listForSocks([bare.id])).get(bare.id) ?? []) {
      await r.pictures.remove(picture.id);
    }

    for (const own of owns) {
      for (const size of [1, 5, 200]) await expectExactBest(pool, own, size);
    }
    expect(new Set(await pool.changedSince(before))).toEqual(
      new Set([copyWithPicture.id, copyWithoutPicture.id, changed.id, deleted.id, bare.id]),
    );
  });

  it('scores the listed candidates exactly', async () => {
    const pool = new PostgresCandidatePool(r.scope);
    const own = world.families[1]?.own as Sock;
    const exclusions = await exclusionsOf(own);
    const listed = (await databaseNow()).socks.filter((_, i) => i % 3 === 0).map((s) => s.id);

    const scores = await pool.scoresFor(own, listed, exclusions);

    const exact = (await exactRanking(own, exclusions)).filter((e) => listed.includes(e.candidateId));
    expect(scores.sort((a, b) => Deck.compare(key(a), key(b)))).toEqual(exact);
  });

  it('places a candidate in the built decks that admit it, decks built after it loaded included', async () => {
    const pool = new PostgresCandidatePool(r.scope);
    const candidate = { ...(world.socks[40] as Sock), id: laterId() };
    await pool.placementsOf(candidate); // loaded before the decks exist

    const owners = (await databaseNow()).socks.filter((_, i) => i % 4 === 0);
    for (const [i, own] of owners.entries()) {
      const exclusions = await exclusionsOf(own);
      const ranking = await exactRanking(own, exclusions);
      // Decks of 20 with a floor, and some complete ones (no floor).
      const size = i % 7 === 0 ? ranking.length : 20;
      await r.decks.replace(Deck.of(own.id, ranking.slice(0, size), size >= ranking.length, new Date()));
    }
    await r.decks.requestBuild(world.socks[1]?.id as string, new Date()); // asked for, not built: no place

    for (const sock of [candidate, ...world.socks.filter((_, i) => i % 37 === 0)]) {
      const placements = await pool.placementsOf(sock);
      expect({ sock: sock.id, placements: placements.sort(byDeck) }).toEqual({
        sock: sock.id,
        placements: await exactPlacements(sock),
      });
    }
  });

  it('reads a change whose transaction commits after a later change was read', async () => {
    const pool = new PostgresCandidatePool(r.scope);
    const own = world.families[2]?.own as Sock;
    const [slow, fast] = (await pool.best(own, await exclusionsOf(own), 2)).entries.map(
      (e) => e.candidateId,
    ) as [string, string];
    let commit = () => undefined as void;
    const held = new Promise<void>((resolve) => (commit = resolve));
    let saved = () => undefined as void;
    const written = new Promise<void>((resolve) => (saved = resolve));

    // The slow transaction takes its sock_changes number first and commits last.
    const slowTransaction = r.uow.run(async () => {
      const sock = await sockById(slow);
      await r.socks.save({ ...sock, holes: (sock.holes + 5) % 11 });
      saved();
      await held;
    });
    await written;
    const fastSock = await sockById(fast);
    await r.socks.save({ ...fastSock, holes: (fastSock.holes + 5) % 11 });
    const between = await pool.best(own, await exclusionsOf(own), 2);
    commit();
    await slowTransaction;

    expect(await pool.changedSince(between.asOf)).toContain(slow);
    expect(await pool.scoresFor(own, [slow], await exclusionsOf(own))).toEqual(
      (await exactRanking(own, await exclusionsOf(own))).filter((e) => e.candidateId === slow),
    );
  });

  it('loads everything again when the change log was pruned past what it had read', async () => {
    const logger = recordingLogger();
    const pool = new PostgresCandidatePool(r.scope, { logger });
    const own = world.families[4]?.own as Sock;
    await pool.best(own, await exclusionsOf(own), 1);
    const missed = world.socks[50] as Sock;
    await r.socks.save({ ...missed, age: (missed.age + 9) % 26 });
    await query('delete from sock_changes');
    await r.socks.save({ ...(world.socks[51] as Sock), age: 0 });

    await expectExactBest(pool, own, 200);

    expect(logger.lines).toEqual(['candidate pool loaded', 'candidate pool loaded']);
    expect(await pool.scoresFor(own, [missed.id], await exclusionsOf(own))).toEqual(
      (await exactRanking(own, await exclusionsOf(own))).filter((e) => e.candidateId === missed.id),
    );
  });

  it('prunes change log entries older than a day after a refresh, all but the newest', async () => {
    const pool = new PostgresCandidatePool(r.scope);
    const own = world.families[3]?.own as Sock;
    await pool.best(own, await exclusionsOf(own), 1);
    await r.socks.save({ ...(world.socks[52] as Sock), age: 1 });
    await query(`update sock_changes set changed_at = now() - interval '25 hours'`);
    const [newest] = await query<{ seq: number }>('select max(seq)::float8 as seq from sock_changes');

    await expectExactBest(pool, own, 200);

    expect(await query('select seq::float8 as seq from sock_changes')).toEqual([newest]);
    await r.socks.save({ ...(world.socks[53] as Sock), age: 2 });
    await expectExactBest(pool, own, 200);
  });
});

describe('PostgresCandidatePool with characters outside the BMP', () => {
  let database: MigratedDatabase;

  beforeAll(async () => {
    database = await createMigratedDatabase();
  });

  afterAll(async () => {
    await database?.dispose();
  });

  /**
   * 😀 is one character for PostgreSQL's `length` but two code units for `sequenceRatio`. The
   * twin's stories score 2·2·2/5 = 1.6 points with the own sock's; counted in characters, its
   * text bound (2·2·1/3 ≈ 1.33) would put it below the rival's full score (0.5 points fewer
   * by kilometers, texts equal to the own sock's: 3.5 above the twin's numeric score), and the
   * scan would stop before scoring the twin, which wins with 3.6.
   */
  it('bounds the text terms by UTF-16 lengths, as sequenceRatio counts', async () => {
    const r = postgresRepositories(database.orm);
    const users = [1, 2, 3].map((n) => aUser({ id: uuid(n), username: `u${n}`, email: `u${n}@example.com` }));
    const own = aSock({ id: uuid(11), ownerId: uuid(1), story: '😀x', specialty: 's', kilometers: 100 });
    const twin = { ...own, id: uuid(12), ownerId: uuid(2), story: '😀' };
    const rival = { ...own, id: uuid(13), ownerId: uuid(3), kilometers: 225 };
    await r.uow.run(async () => {
      for (const user of users) await r.users.add(user);
      for (const sock of [own, twin, rival]) {
        await r.socks.add(sock);
        await r.pictures.add(aPicture({ id: laterId(), userId: sock.ownerId, sockId: sock.id }));
      }
    });

    const best = await new PostgresCandidatePool(r.scope).best(
      own,
      { judgedSockIds: new Set(), matchedUserIds: new Set() },
      1,
    );

    expect(best.entries).toEqual([{ candidateId: twin.id, score: roundScore(similarityScore(own, twin)) }]);
    expect(roundScore(similarityScore(own, twin))).toBeGreaterThan(roundScore(similarityScore(own, rival)));
  });
});

function byDeck(a: DeckPlacement, b: DeckPlacement): number {
  return a.deckSockId < b.deckSockId ? -1 : a.deckSockId > b.deckSockId ? 1 : 0;
}

function key(entry: DeckEntry) {
  return { id: entry.candidateId, score: entry.score };
}
