import { ListCandidates } from '../../application/swiping/list-candidates.js';
import { nth } from '../../application/testing/contracts/contract-fixtures.js';
import { FixedClock } from '../../application/testing/fixed-clock.js';
import type { Sock } from '../../domain/sock/sock.js';
import { MAX_TEXT_POINTS, numericScore } from '../../domain/swiping/similarity-score.js';
import {
  candidatesInMemory,
  randomWorld,
  rankedInWorld,
  storeWorld,
} from '../../../test/support/candidate-world.js';
import {
  createMigratedDatabase,
  postgresRepositories,
  type MigratedDatabase,
} from '../../../test/support/postgres-harness.js';
import { numericScoreSql } from './candidate-shortlist.js';
import type { MikroOrmRepositories } from './mikro-orm-repositories.js';
import { MikroOrmSockRepository } from './mikro-orm-sock-repository.js';

jest.setTimeout(120_000);

describe('candidates ranked over PostgreSQL', () => {
  let database: MigratedDatabase;
  let r: MikroOrmRepositories;
  const world = randomWorld(20261201);
  const clock = new FixedClock('2027-01-15T12:00:00.000Z');

  beforeAll(async () => {
    database = await createMigratedDatabase({ poolMax: 4 });
    r = postgresRepositories(database.orm);
    await storeWorld(r, world);
  });

  afterAll(async () => {
    await database?.dispose();
  });

  // The families' own socks, the random socks with the most copies and swipes, and a few more.
  const copiesOf = (sock: Sock) =>
    world.socks.filter((s) => s.color === sock.color && s.story === sock.story).length;
  const swipesOf = (sock: Sock) => world.swipes.filter((s) => s.sockId === sock.id).length;
  const ownSocks = [
    ...new Set([
      ...world.families.map((f) => f.own),
      ...[...world.socks].sort((a, b) => copiesOf(b) - copiesOf(a)).slice(0, 4),
      ...[...world.socks].sort((a, b) => swipesOf(b) - swipesOf(a)).slice(0, 3),
      ...world.socks.slice(0, 3),
    ]),
  ];

  const rankedInMemory = (own: Sock) => rankedInWorld(world, own);

  it('is a world where the best by full score can sit almost MAX_TEXT_POINTS below the best numeric score', () => {
    for (const family of world.families) {
      const { ranked } = rankedInMemory(family.own);
      expect(ranked[0]?.candidate.sock.id).toBe(family.kin.id);
    }
    const gaps = world.families.map(
      ({ own, kin, rivals }) => numericScore(own, nth(rivals, 0)) - numericScore(own, kin),
    );
    expect(Math.max(...gaps)).toBeGreaterThan(MAX_TEXT_POINTS - 1e-6);
  });

  it('computes the numeric score in SQL exactly as the domain does, in whole UTC days', async () => {
    const em = database.orm.em.fork();
    for (const own of ownSocks) {
      const score = numericScoreSql(own, 's');
      const rows = await em.transactional(async (tx) => {
        // The session's zone must not move anyone's day: the SQL counts UTC days.
        await tx.execute(`set local timezone = 'Pacific/Kiritimati'`);
        return tx.execute<Array<{ id: string; score: number }>>(
          `select s.id, ${score.sql} as score from socks s`,
          [...score.bindings],
        );
      });
      const byId = new Map(world.socks.map((s) => [s.id, s]));
      expect(rows).toHaveLength(world.socks.length);
      const off = rows.filter(
        (row) => Math.abs(row.score - numericScore(own, byId.get(row.id) as Sock)) > 1e-9,
      );
      expect(off).toEqual([]);
    }
  });

  it.each([1, 5, 20])(
    'ListCandidates (limit %i) gives exactly the best of every candidate ranked in memory',
    async (limit) => {
      const listCandidates = new ListCandidates(
        r.socks,
        r.users,
        r.pictures,
        r.decks,
        r.outbox,
        r.uow,
        clock,
      );
      let shortened = 0;
      for (const own of ownSocks) {
        const { candidates, ranked } = rankedInMemory(own);
        const expected = ranked.slice(0, limit).map((c) => ({ id: c.candidate.sock.id, score: c.score }));

        const { items } = await listCandidates.execute({ userId: own.ownerId, sockId: own.id, limit });

        expect({ own: own.id, items: items.map((i) => ({ id: i.sock.sock.id, score: i.score })) }).toEqual({
          own: own.id,
          items: expected,
        });
        const shortlist = await r.socks.shortlistCandidates(own, limit);
        if (shortlist.length < candidates.length) shortened++;
      }
      // The cutoff does leave candidates out (otherwise this test would prove little).
      if (limit < 20) expect(shortened).toBeGreaterThan(0);
    },
  );

  it('returns at most the cap, the best by numeric score (older sock, then id, on ties): beyond it, not exact', async () => {
    const capped = new MikroOrmSockRepository(r.scope, { shortlistCap: 3 });
    for (const family of world.families) {
      const own = family.own;
      const byNumeric = candidatesInMemory(world, own)
        .map((sock) => ({ sock, score: numericScore(own, sock) }))
        .sort(
          (a, b) =>
            b.score - a.score ||
            a.sock.createdAt.getTime() - b.sock.createdAt.getTime() ||
            (a.sock.id < b.sock.id ? -1 : 1),
        );

      const rows = await capped.shortlistCandidates(own, 1);

      expect(rows.map((row) => row.sock.id).sort()).toEqual(
        byNumeric
          .slice(0, 3)
          .map((c) => c.sock.id)
          .sort(),
      );
    }
  });
});
