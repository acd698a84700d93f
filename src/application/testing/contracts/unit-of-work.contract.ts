import type { SelfMail } from '../../../domain/mail/self-mail.js';
import { UsernameTakenError } from '../../../domain/user/user-errors.js';
import type { User } from '../../../domain/user/user.js';
import { aSock, aUser } from '../builders.js';
import { minute, useContractContext } from './contract-fixtures.js';
import type { HarnessFactory } from './repository-harness.js';

function aUserWith(id: string, username: string): User {
  return aUser({ id, username, email: `${username}@example.com`, createdAt: minute(1) });
}

function aMailOf(id: string, userId: string, at: Date): SelfMail {
  return { id, userId, subject: 'Note', content: 'To self', status: 'queued', createdAt: at, sentAt: null };
}

/**
 * The documented behaviour of `UnitOfWork`: all writes of a unit happen or none do; the error
 * that ended a unit reaches the caller unchanged.
 */
export function unitOfWorkContract(name: string, makeHarness: HarnessFactory): void {
  describe(name, () => {
    const context = useContractContext(makeHarness);

    it("commits the unit's writes and returns the work's result", async () => {
      const { h, run, nextId } = context();
      const user = aUserWith(nextId(), 'committed');

      const result = await run(async () => {
        await h.users.add(user);
        return { answer: 42 };
      });

      expect(result).toEqual({ answer: 42 });
      expect(await run(() => h.users.findById(user.id))).toEqual(user);
    });

    it('rolls the writes back when the work throws, and rethrows the same error', async () => {
      const { h, run, nextId } = context();
      const user = aUserWith(nextId(), 'doomed');
      const failure = new Error('boom');

      await expect(
        run(async () => {
          await h.users.add(user);
          throw failure;
        }),
      ).rejects.toBe(failure);

      expect(await run(() => h.users.findById(user.id))).toBeNull();
      expect(await run(() => h.users.findByUsername('doomed'))).toBeNull();
    });

    it('lets the work read its own writes before it commits', async () => {
      const { h, run, nextId } = context();
      const user = aUserWith(nextId(), 'reader');

      const seen = await run(async () => {
        await h.users.add(user);
        return h.users.findByUsername('READER');
      });

      expect(seen).toEqual(user);
    });

    it('rolls back the writes of every repository and the outbox together', async () => {
      const c = context();
      const { h, run } = c;
      const bob = await c.givenUser();
      const bobSock = await c.givenPicturedSock(bob);
      const alice = aUserWith(c.nextId(), 'alice');
      const aliceSockId = c.nextId();

      await expect(
        run(async () => {
          await h.users.add(alice);
          const sock = aSock({ id: aliceSockId, ownerId: alice.id, createdAt: c.nextInstant() });
          await h.socks.add(sock);
          await h.pictures.add({
            id: c.nextId(),
            userId: alice.id,
            sockId: sock.id,
            key: 'k',
            createdAt: c.nextInstant(),
          });
          await h.swipes.add({
            sockId: sock.id,
            targetSockId: bobSock.id,
            decision: 'like',
            judgedAt: c.nextInstant(),
          });
          await h.mails.add(aMailOf(c.nextId(), alice.id, c.nextInstant()));
          await h.outbox.add({ type: 'self-mail.send', mailId: c.nextId() });
          throw new Error('late failure');
        }),
      ).rejects.toThrow('late failure');

      await run(async () => {
        expect(await h.users.findById(alice.id)).toBeNull();
        expect(await h.socks.findById(aliceSockId)).toBeNull();
        expect(await h.pictures.listAllOfUser(alice.id)).toEqual([]);
        expect(await h.swipes.find(aliceSockId, bobSock.id)).toBeNull();
        expect((await h.mails.listByOwner(alice.id, { page: 1, pageSize: 10 })).total).toBe(0);
        expect(await h.users.findById(bob.id)).toEqual(bob);
      });
      expect(await h.readOutbox()).toEqual([]);
    });

    it('rolls back updates and deletions too', async () => {
      const c = context();
      const { h, run } = c;
      const user = await c.givenUser();
      const sock = await c.givenPicturedSock(user);

      await expect(
        run(async () => {
          await h.users.save({ ...user, firstName: 'Changed' });
          await h.socks.save({ ...sock, name: 'Changed' });
          await h.users.remove(user.id);
          throw new Error('undo');
        }),
      ).rejects.toThrow('undo');

      expect(await run(() => h.users.findById(user.id))).toEqual(user);
      expect(await run(() => h.socks.findById(sock.id))).toEqual(sock);
    });

    it("rolls back the unit's earlier writes when a repository refuses a write", async () => {
      const c = context();
      const { h, run } = c;
      await c.givenUser({ username: 'taken' });
      const early = aUserWith(c.nextId(), 'early');
      const clash = aUserWith(c.nextId(), 'TAKEN');

      await expect(
        run(async () => {
          await h.users.add(early);
          await h.users.add(clash);
        }),
      ).rejects.toThrow(UsernameTakenError);

      expect(await run(() => h.users.findById(early.id))).toBeNull();
      expect(await run(() => h.users.findById(clash.id))).toBeNull();
    });

    it('keeps what earlier units committed when a later unit fails', async () => {
      const { h, run, nextId } = context();
      const first = aUserWith(nextId(), 'first');
      const second = aUserWith(nextId(), 'second');

      await run(() => h.users.add(first));
      await expect(
        run(async () => {
          await h.users.add(second);
          throw new Error('second fails');
        }),
      ).rejects.toThrow('second fails');
      const third = aUserWith(nextId(), 'third');
      await run(() => h.users.add(third));

      expect(await run(() => h.users.findById(first.id))).toEqual(first);
      expect(await run(() => h.users.findById(second.id))).toBeNull();
      expect(await run(() => h.users.findById(third.id))).toEqual(third);
    });
  });
}
