import { randomUUID } from 'node:crypto';
import type { IdGenerator } from '../../application/ports/id-generator.js';
import { SwipeSock } from '../../application/swiping/swipe-sock.js';
import { aPicture, aSock, aUser } from '../../application/testing/builders.js';
import { FixedClock } from '../../application/testing/fixed-clock.js';
import { SockNotFoundError } from '../../domain/sock/sock-errors.js';
import type { Sock } from '../../domain/sock/sock.js';
import type { User } from '../../domain/user/user.js';
import {
  createMigratedDatabase,
  readOutboxEvents,
  type MigratedDatabase,
} from '../../../test/support/postgres-harness.js';
import { createMikroOrmRepositories, type MikroOrmRepositories } from './mikro-orm-repositories.js';
import { MikroOrmSwipeRepository } from './mikro-orm-swipe-repository.js';

const PAIRS = 200;
const POOL = 10;

// Generous: the machines running CI are small and often busy.
jest.setTimeout(120_000);

const uuids: IdGenerator = { next: () => randomUUID() };

interface Side {
  readonly user: User;
  readonly sock: Sock;
}

/**
 * The real `SwipeSock` over PostgreSQL with many units of work in flight on a pool of 10
 * connections: the advisory pair lock and the unique pair index must give exactly one match
 * per pair of users, none lost, and one 'match-made' email per opted-in user.
 */
describe('matching under concurrency (PostgreSQL)', () => {
  let database: MigratedDatabase;
  let r: MikroOrmRepositories;
  let swipeSock: SwipeSock;

  beforeAll(async () => {
    database = await createMigratedDatabase({ poolMax: POOL });
  });

  afterAll(async () => {
    await database?.dispose();
  });

  beforeEach(async () => {
    await database.empty();
    const clock = new FixedClock('2026-11-29T12:00:00.000Z');
    r = createMikroOrmRepositories(database.orm, { ids: uuids, clock });
    swipeSock = new SwipeSock(r.swipes, r.matches, r.users, r.outbox, uuids, r.uow, clock);
  });

  /** Users with one pictured sock each; every third user has turned notifications off. */
  async function givenSides(count: number, socksEach = 1): Promise<Array<{ user: User; socks: Sock[] }>> {
    const sides = Array.from({ length: count }, (_, i) => {
      const user = aUser({
        id: randomUUID(),
        username: `racer${i}_${randomUUID().slice(0, 8)}`,
        notifications: i % 3 !== 0,
      });
      const socks = Array.from({ length: socksEach }, () => aSock({ id: randomUUID(), ownerId: user.id }));
      return { user: { ...user, email: `${user.username}@example.com` }, socks };
    });
    const chunk = Math.ceil(sides.length / POOL);
    const chunks = Array.from({ length: POOL }, (_, i) => sides.slice(i * chunk, (i + 1) * chunk));
    await Promise.all(
      chunks.map((part) =>
        r.uow.run(async () => {
          for (const { user, socks } of part) {
            await r.users.add(user);
            for (const sock of socks) {
              await r.socks.add(sock);
              await r.pictures.add(aPicture({ id: randomUUID(), userId: user.id, sockId: sock.id }));
            }
          }
        }),
      ),
    );
    return sides;
  }

  function like(from: Side, to: Side) {
    return swipeSock.execute({
      userId: from.user.id,
      sockId: from.sock.id,
      targetSockId: to.sock.id,
      decision: 'like',
    });
  }

  async function matchMadeRecipients(): Promise<string[]> {
    return (await readOutboxEvents(database.orm)).flatMap((e) =>
      e.message.type === 'email.send' && e.message.template === 'match-made' ? [e.message.to.username] : [],
    );
  }

  async function countMatches(): Promise<number> {
    const [row] = await database.orm.em
      .fork()
      .getConnection()
      .execute('select count(*)::int as n from matches');
    return (row as { n: number }).n;
  }

  it(`makes exactly one match for each of ${PAIRS} pairs liking each other at the same time`, async () => {
    const people = await givenSides(PAIRS * 2);
    const pairs = Array.from({ length: PAIRS }, (_, i) => {
      const a = people[2 * i] as { user: User; socks: Sock[] };
      const b = people[2 * i + 1] as { user: User; socks: Sock[] };
      return [
        { user: a.user, sock: a.socks[0] as Sock },
        { user: b.user, sock: b.socks[0] as Sock },
      ] as const;
    });

    const results = await Promise.all(pairs.map(([a, b]) => Promise.all([like(a, b), like(b, a)])));

    const madeBy = results.map(([ab, ba]) => Number(ab.matchId !== null) + Number(ba.matchId !== null));
    expect(madeBy.filter((n) => n === 0)).toHaveLength(0); // lost
    expect(madeBy.filter((n) => n > 1)).toHaveLength(0); // duplicates
    expect(await countMatches()).toBe(PAIRS);
    for (const [a, b] of pairs) {
      const match = await r.matches.findBetween(a.user.id, b.user.id);
      expect(match).not.toBeNull();
      expect([match?.initiator.sockId, match?.partner.sockId].sort()).toEqual([a.sock.id, b.sock.id].sort());
    }
    const optedIn = people.filter((p) => p.user.notifications).map((p) => p.user.username);
    expect((await matchMadeRecipients()).sort()).toEqual(optedIn.sort());
  });

  it('makes one match when two different sock pairs of the same two users complete at the same instant', async () => {
    const couples = 25;
    const people = await givenSides(couples * 2, 2);
    const races = [];
    for (let i = 0; i < couples; i++) {
      const u = people[2 * i] as { user: User; socks: Sock[] };
      const v = people[2 * i + 1] as { user: User; socks: Sock[] };
      const [u1, u2, v1, v2] = [u.socks[0], u.socks[1], v.socks[0], v.socks[1]] as Sock[] as [
        Sock,
        Sock,
        Sock,
        Sock,
      ];
      // Half of each sock pair is already there: u1 likes v1, and v2 likes u2.
      await like({ user: u.user, sock: u1 }, { user: v.user, sock: v1 });
      await like({ user: v.user, sock: v2 }, { user: u.user, sock: u2 });
      races.push([
        () => like({ user: v.user, sock: v1 }, { user: u.user, sock: u1 }),
        () => like({ user: u.user, sock: u2 }, { user: v.user, sock: v2 }),
      ] as const);
    }

    const results = await Promise.all(races.map(([first, second]) => Promise.all([first(), second()])));

    expect(results.map(([x, y]) => Number(x.matchId !== null) + Number(y.matchId !== null))).toEqual(
      Array.from({ length: couples }, () => 1),
    );
    expect(await countMatches()).toBe(couples);
    const optedIn = people.filter((p) => p.user.notifications).map((p) => p.user.username);
    expect((await matchMadeRecipients()).sort()).toEqual(optedIn.sort());
  });

  it('answers SockNotFoundError when the target is deleted while the swipe is in flight, and writes nothing', async () => {
    const sides = (await givenSides(2)).map(({ user, socks }): Side => ({ user, sock: socks[0] as Sock }));
    const [from, to] = sides as [Side, Side];
    // Another app instance deletes the target, committed, right after the swipe read it.
    const elsewhere = createMikroOrmRepositories(database.orm, { ids: uuids, clock: new FixedClock() });
    const racing = new (class extends MikroOrmSwipeRepository {
      override async loadSwipeContext(userId: string, sockId: string, targetSockId: string) {
        const context = await super.loadSwipeContext(userId, sockId, targetSockId);
        await elsewhere.socks.remove(targetSockId);
        return context;
      }
    })(r.scope);
    const clock = new FixedClock('2026-11-29T12:00:00.000Z');
    const swiping = new SwipeSock(racing, r.matches, r.users, r.outbox, uuids, r.uow, clock).execute({
      userId: from.user.id,
      sockId: from.sock.id,
      targetSockId: to.sock.id,
      decision: 'like',
    });

    await expect(swiping).rejects.toBeInstanceOf(SockNotFoundError);
    expect(await r.swipes.find(from.sock.id, to.sock.id)).toBeNull();
    expect(await r.socks.findById(to.sock.id)).toBeNull();
    expect(await readOutboxEvents(database.orm)).toEqual([]);
  });
});
