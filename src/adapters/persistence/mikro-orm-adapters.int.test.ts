import { DriverException } from '@mikro-orm/core';
import { RefreshToken } from '../../domain/auth/refresh-token.js';
import type { Match } from '../../domain/matching/match.js';
import { EmailTakenError, UsernameTakenError } from '../../domain/user/user-errors.js';
import type { SwipeRepository } from '../../application/ports/swipe-repository.js';
import { SwipeSock } from '../../application/swiping/swipe-sock.js';
import { aPicture, aSock, aUser } from '../../application/testing/builders.js';
import { FixedClock } from '../../application/testing/fixed-clock.js';
import { SequentialIdGenerator } from '../../application/testing/sequential-id-generator.js';
import { SockNotFoundError } from '../../domain/sock/sock-errors.js';
import { uuid } from '../../application/testing/contracts/contract-fixtures.js';
import {
  createMigratedDatabase,
  postgresRepositories,
  type MigratedDatabase,
} from '../../../test/support/postgres-harness.js';
import type { MikroOrmRepositories } from './mikro-orm-repositories.js';
import { createOrm } from './mikro-orm.config.js';

/** What the PostgreSQL adapters add to the ports' contracts: transactions, locks, types. */
describe('PostgreSQL adapters', () => {
  let database: MigratedDatabase;
  let r: MikroOrmRepositories;

  beforeAll(async () => {
    database = await createMigratedDatabase({ poolMax: 6 });
  });

  afterAll(async () => {
    await database?.dispose();
  });

  beforeEach(async () => {
    await database.empty();
    r = postgresRepositories(database.orm);
  });

  describe('units of work', () => {
    it('refuses to nest', async () => {
      await expect(r.uow.run(() => r.uow.run(async () => 1))).rejects.toThrow('Units of work do not nest');
    });

    it('runs a repository call outside a unit of work in its own transaction', async () => {
      const user = aUser({ id: uuid(1) });
      await r.users.add(user);
      expect(await r.users.findById(user.id)).toEqual(user);
    });

    it('refuses lockPair outside a unit of work', async () => {
      await expect(r.matches.lockPair(uuid(1), uuid(2))).rejects.toThrow('must run inside UnitOfWork.run');
    });

    it('stays usable after a refused duplicate (the write ran in a savepoint)', async () => {
      await r.users.add(aUser({ id: uuid(1), username: 'taken', email: 'taken@example.com' }));
      const next = aUser({ id: uuid(3), username: 'next', email: 'next@example.com' });

      const outcome = await r.uow.run(async () => {
        const refusals: string[] = [];
        for (const clash of [
          aUser({ id: uuid(2), username: 'TAKEN', email: 'other@example.com' }),
          aUser({ id: uuid(2), username: 'other', email: 'TAKEN@example.com' }),
        ]) {
          await r.users
            .add(clash)
            .catch((error: unknown) => refusals.push((error as Error).constructor.name));
        }
        await r.users.add(next);
        return refusals;
      });

      expect(outcome).toEqual([UsernameTakenError.name, EmailTakenError.name]);
      expect(await r.users.findById(next.id)).toEqual(next);
    });

    it('lets other constraint violations through as driver errors, not domain errors', async () => {
      await r.users.add(aUser({ id: uuid(1), username: 'first', email: 'first@example.com' }));

      const duplicateId = r.users.add(
        aUser({ id: uuid(1), username: 'second', email: 'second@example.com' }),
      );

      await expect(duplicateId).rejects.toBeInstanceOf(DriverException);
    });
  });

  describe('a sock deleted between the existence check and the swipe', () => {
    const at = new Date('2026-11-29T12:00:00.000Z');
    const [alice, bob] = [aUser({ id: uuid(1), username: 'alice' }), aUser({ id: uuid(2), username: 'bob' })];
    const [aliceSock, bobSock] = [
      aSock({ id: uuid(3), ownerId: alice.id }),
      aSock({ id: uuid(4), ownerId: bob.id }),
    ];

    beforeEach(async () => {
      await r.uow.run(async () => {
        for (const user of [alice, bob]) await r.users.add(user);
        for (const sock of [aliceSock, bobSock]) await r.socks.add(sock);
        await r.pictures.add(aPicture({ id: uuid(5), userId: bob.id, sockId: bobSock.id }));
      });
    });

    it.each([
      ['the target sock', bobSock],
      ['the own sock', aliceSock],
    ])('is not found when %s went meanwhile, and the unit of work rolls back', async (_, deleted) => {
      // Other adapters over the same database: their own transactions, committed at once.
      const elsewhere = postgresRepositories(database.orm);

      const adding = r.uow.run(async () => {
        expect(await r.socks.findById(deleted.id)).not.toBeNull();
        await elsewhere.socks.remove(deleted.id);
        await r.swipes.add({
          sockId: aliceSock.id,
          targetSockId: bobSock.id,
          decision: 'like',
          judgedAt: at,
        });
      });

      await expect(adding).rejects.toBeInstanceOf(SockNotFoundError);
      expect(await r.swipes.find(aliceSock.id, bobSock.id)).toBeNull();
      expect(await r.users.findById(alice.id)).toEqual(alice);
    });

    it('makes SwipeSock answer SockNotFoundError (404), not a foreign-key violation (500)', async () => {
      const elsewhere = postgresRepositories(database.orm);
      // The target goes right after SwipeSock has loaded what it needs, before the insert.
      const swipes: SwipeRepository = Object.assign(Object.create(r.swipes) as SwipeRepository, {
        loadSwipeContext: async (userId: string, sockId: string, targetSockId: string) => {
          const context = await r.swipes.loadSwipeContext(userId, sockId, targetSockId);
          await elsewhere.socks.remove(bobSock.id);
          return context;
        },
      });
      const clock = new FixedClock(at);
      const swipeSock = new SwipeSock(
        swipes,
        r.matches,
        r.users,
        r.outbox,
        new SequentialIdGenerator(),
        r.uow,
        clock,
      );

      const swiping = swipeSock.execute({
        userId: alice.id,
        sockId: aliceSock.id,
        targetSockId: bobSock.id,
        decision: 'like',
      });

      await expect(swiping).rejects.toBeInstanceOf(SockNotFoundError);
      expect(await r.swipes.find(aliceSock.id, bobSock.id)).toBeNull();
    });
  });

  describe('row locks and cascades', () => {
    it('makes a second refresh with the same token wait for the first and see it spent', async () => {
      const user = aUser({ id: uuid(1) });
      await r.users.add(user);
      const token = RefreshToken.issue({
        id: uuid(2),
        userId: user.id,
        familyId: uuid(3),
        tokenHash: 'h',
        at: new Date('2026-11-29T12:00:00.000Z'),
        ttlSeconds: 3600,
      });
      await r.refreshTokens.add(token);
      const spentAt = new Date('2026-11-29T12:00:01.000Z');
      let signalLocked: () => void = () => undefined;
      const locked = new Promise<void>((resolve) => (signalLocked = resolve));

      const first = r.uow.run(async () => {
        const found = await r.refreshTokens.findByHash('h');
        signalLocked();
        await new Promise((resolve) => setTimeout(resolve, 100));
        if (found) await r.refreshTokens.save(RefreshToken.spend(found, spentAt));
        return found;
      });
      await locked;
      const second = await r.uow.run(() => r.refreshTokens.findByHash('h'));

      expect((await first)?.spentAt).toBeNull();
      expect(second?.spentAt).toEqual(spentAt);
    });

    it('keeps a match, and the id of its sock, when the sock is deleted', async () => {
      const [alice, bob] = [
        aUser({ id: uuid(1), username: 'alice' }),
        aUser({ id: uuid(2), username: 'bob' }),
      ];
      const [aliceSock, bobSock] = [
        aSock({ id: uuid(3), ownerId: alice.id }),
        aSock({ id: uuid(4), ownerId: bob.id }),
      ];
      const match: Match = {
        id: uuid(5),
        initiator: { userId: alice.id, sockId: aliceSock.id },
        partner: { userId: bob.id, sockId: bobSock.id },
        createdAt: new Date('2026-11-29T12:00:00.000Z'),
        endedAt: null,
      };
      await r.uow.run(async () => {
        for (const user of [alice, bob]) await r.users.add(user);
        for (const sock of [aliceSock, bobSock]) await r.socks.add(sock);
        await r.matches.add(match);
      });

      await r.uow.run(() => r.socks.remove(aliceSock.id));

      expect(await r.matches.findById(match.id)).toEqual(match);
      expect(await r.socks.findManyByIds([aliceSock.id, bobSock.id])).toEqual([bobSock]);
    });
  });

  describe('ids that are not UUIDs', () => {
    it('name no row, instead of failing on the uuid cast', async () => {
      await r.uow.run(async () => {
        expect(await r.users.findById('42')).toBeNull();
        expect(await r.socks.findOwned('me', 'nope')).toBeNull();
        expect(await r.socks.findManyByIds(['x', 'y'])).toEqual([]);
        expect(await r.matches.findById('../etc')).toBeNull();
        expect(await r.messages.listForMatch(uuid(1), { beforeId: 'zzz', limit: 5 })).toEqual({
          items: [],
          hasMore: false,
        });
        expect(await r.mails.findById('')).toBeNull();
        await r.pictures.remove('not-an-id');
      });
    });
  });

  describe('dates and instants', () => {
    // Date columns never pass through a JavaScript Date (strings both ways), so Node's own
    // time zone cannot shift them; the session's time zone is the one that could.
    it('keep calendar days and milliseconds whatever the time zone of the session', async () => {
      const admin = database.orm.em.fork().getConnection();
      await admin.execute(`alter database "${database.db.name}" set timezone = 'Pacific/Kiritimati'`);
      const orm = await createOrm({ clientUrl: database.db.url, pool: { min: 0, max: 1 } });
      try {
        const fresh = postgresRepositories(orm);
        expect(await orm.em.fork().getConnection().execute('show timezone')).toEqual([
          { TimeZone: 'Pacific/Kiritimati' },
        ]);
        const user = aUser({
          id: uuid(1),
          birthday: '2000-01-01',
          createdAt: new Date('2026-12-31T23:59:59.999Z'),
        });
        const sock = aSock({
          id: uuid(2),
          ownerId: user.id,
          separationDate: '2024-02-29',
          createdAt: new Date('2026-06-30T00:00:00.001Z'),
        });

        await fresh.uow.run(async () => {
          await fresh.users.add(user);
          await fresh.socks.add(sock);
        });

        expect(await fresh.users.findById(user.id)).toEqual(user);
        expect(await fresh.socks.findById(sock.id)).toEqual(sock);
      } finally {
        await orm.close(true);
      }
    });
  });
});
