import { DriverException } from '@mikro-orm/core';
import { EmailTakenError, UsernameTakenError } from '../../domain/user/user-errors.js';
import { aSock, aUser } from '../../application/testing/builders.js';
import { uuid } from '../../application/testing/contracts/contract-fixtures.js';
import {
  createMigratedDatabase,
  postgresRepositories,
  type MigratedDatabase,
} from '../../../test/support/postgres-harness.js';
import type { MikroOrmRepositories } from './mikro-orm-repositories.js';

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
    const zone = process.env.TZ;
    afterEach(() => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    });

    it('keep calendar days and milliseconds whatever the time zones of Node and of the session', async () => {
      process.env.TZ = 'America/Los_Angeles';
      await database.orm.em
        .fork()
        .getConnection()
        .execute(`alter database "${database.db.name}" set timezone = 'Pacific/Kiritimati'`);
      const fresh = postgresRepositories(database.orm);
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
    });
  });
});
