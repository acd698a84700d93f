import type { Picture } from '../../../domain/picture/picture.js';
import { idsOf, minute, useContractContext } from './contract-fixtures.js';
import type { HarnessFactory } from './repository-harness.js';

/** The documented behaviour of `PictureRepository`, for every implementation. */
export function pictureRepositoryContract(name: string, makeHarness: HarnessFactory): void {
  describe(name, () => {
    const context = useContractContext(makeHarness);

    describe('add and find', () => {
      it('finds added profile and sock pictures by id with every field as stored', async () => {
        const { h, run, nextId, givenUser, givenSock } = context();
        const owner = await givenUser();
        const sock = await givenSock(owner);
        const profile: Picture = {
          id: nextId(),
          userId: owner.id,
          sockId: null,
          key: 'pictures/ab/cd-1.webp',
          createdAt: minute(1, 999),
        };
        const ofSock: Picture = {
          id: nextId(),
          userId: owner.id,
          sockId: sock.id,
          key: 'pictures/ef/gh-2.webp',
          createdAt: minute(2, 1),
        };

        await run(async () => {
          await h.pictures.add(profile);
          await h.pictures.add(ofSock);
        });

        expect(await run(() => h.pictures.findById(profile.id))).toEqual(profile);
        expect(await run(() => h.pictures.findById(ofSock.id))).toEqual(ofSock);
      });

      it('finds nothing for an unknown id', async () => {
        const { h, run, nextId, givenUser, givenPicture } = context();
        await givenPicture(await givenUser());

        expect(await run(() => h.pictures.findById(nextId()))).toBeNull();
      });
    });

    describe('listForUser', () => {
      it("lists the user's profile pictures oldest first, without sock pictures or others' pictures", async () => {
        const { h, run, givenUser, givenSock, givenPicture } = context();
        const owner = await givenUser();
        const other = await givenUser();
        const sock = await givenSock(owner);
        // Added out of order: the order comes from createdAt, not from insertion.
        const second = await givenPicture(owner, null, { createdAt: minute(20) });
        await givenPicture(owner, sock, { createdAt: minute(5) });
        const third = await givenPicture(owner, null, { createdAt: minute(30) });
        await givenPicture(other, null, { createdAt: minute(1) });
        const first = await givenPicture(owner, null, { createdAt: minute(10) });

        expect(await run(() => h.pictures.listForUser(owner.id))).toEqual([first, second, third]);
      });

      it('lists nothing for a user without profile pictures', async () => {
        const { h, run, givenUser, givenSock, givenPicture } = context();
        const owner = await givenUser();
        await givenPicture(owner, await givenSock(owner));

        expect(await run(() => h.pictures.listForUser(owner.id))).toEqual([]);
      });
    });

    describe('listForSocks', () => {
      it("groups the socks' pictures by sock, oldest first, leaving out socks without pictures", async () => {
        const { h, run, nextId, givenUser, givenSock, givenPicture } = context();
        const alice = await givenUser();
        const bob = await givenUser();
        const a1 = await givenSock(alice);
        const a2 = await givenSock(alice);
        const bare = await givenSock(alice);
        const b1 = await givenSock(bob);
        const notAsked = await givenSock(bob);
        const a1Late = await givenPicture(alice, a1, { createdAt: minute(40) });
        const a1Early = await givenPicture(alice, a1, { createdAt: minute(10) });
        const a2Only = await givenPicture(alice, a2, { createdAt: minute(20) });
        const b1Only = await givenPicture(bob, b1, { createdAt: minute(30) });
        await givenPicture(bob, notAsked);
        await givenPicture(alice);

        const bySock = await run(() => h.pictures.listForSocks([a1.id, a2.id, bare.id, b1.id, nextId()]));

        expect([...bySock.keys()].sort()).toEqual(idsOf([a1, a2, b1]));
        expect(bySock.get(a1.id)).toEqual([a1Early, a1Late]);
        expect(bySock.get(a2.id)).toEqual([a2Only]);
        expect(bySock.get(b1.id)).toEqual([b1Only]);
      });

      it('gives an empty map for no socks', async () => {
        const { h, run, givenUser, givenSock, givenPicture } = context();
        const owner = await givenUser();
        await givenPicture(owner, await givenSock(owner));

        expect((await run(() => h.pictures.listForSocks([]))).size).toBe(0);
      });
    });

    describe('listForUsers', () => {
      it("groups the users' profile pictures oldest first, without sock pictures or users without any", async () => {
        const { h, run, nextId, givenUser, givenSock, givenPicture } = context();
        const alice = await givenUser();
        const bob = await givenUser();
        const bare = await givenUser();
        const notAsked = await givenUser();
        const aliceLate = await givenPicture(alice, null, { createdAt: minute(40) });
        await givenPicture(alice, await givenSock(alice), { createdAt: minute(5) });
        const aliceEarly = await givenPicture(alice, null, { createdAt: minute(10) });
        const bobOnly = await givenPicture(bob, null, { createdAt: minute(30) });
        await givenPicture(bare, await givenSock(bare));
        await givenPicture(notAsked);

        const byUser = await run(() =>
          h.pictures.listForUsers([alice.id, bob.id, bare.id, nextId(), 'nonsense']),
        );

        expect([...byUser.keys()].sort()).toEqual(idsOf([alice, bob]));
        expect(byUser.get(alice.id)).toEqual([aliceEarly, aliceLate]);
        expect(byUser.get(bob.id)).toEqual([bobOnly]);
      });

      it('gives an empty map for no users', async () => {
        const { h, run, givenUser, givenPicture } = context();
        await givenPicture(await givenUser());

        expect((await run(() => h.pictures.listForUsers([]))).size).toBe(0);
      });
    });

    describe('listAllOfUser', () => {
      it("lists the user's profile and sock pictures, and no one else's", async () => {
        const { h, run, givenUser, givenSock, givenPicture } = context();
        const owner = await givenUser();
        const other = await givenUser();
        const s1 = await givenSock(owner);
        const s2 = await givenSock(owner);
        const mine = [
          await givenPicture(owner),
          await givenPicture(owner, s1),
          await givenPicture(owner, s1),
          await givenPicture(owner, s2),
        ];
        await givenPicture(other);
        await givenPicture(other, await givenSock(other));

        const all = await run(() => h.pictures.listAllOfUser(owner.id));

        expect(idsOf(all)).toEqual(idsOf(mine));
        for (const picture of mine) expect(all.find((p) => p.id === picture.id)).toEqual(picture);
        const pictureless = await givenUser();
        expect(await run(() => h.pictures.listAllOfUser(pictureless.id))).toEqual([]);
      });
    });

    describe('remove', () => {
      it('deletes the picture and no other', async () => {
        const { h, run, givenUser, givenSock, givenPicture } = context();
        const owner = await givenUser();
        const sock = await givenSock(owner);
        const avatar = await givenPicture(owner);
        const other = await givenPicture(owner);
        const ofSock = await givenPicture(owner, sock);
        const otherOfSock = await givenPicture(owner, sock);

        await run(async () => {
          await h.pictures.remove(avatar.id);
          await h.pictures.remove(ofSock.id);
        });

        await run(async () => {
          expect(await h.pictures.findById(avatar.id)).toBeNull();
          expect(await h.pictures.findById(ofSock.id)).toBeNull();
          expect(await h.pictures.listForUser(owner.id)).toEqual([other]);
          expect((await h.pictures.listForSocks([sock.id])).get(sock.id)).toEqual([otherOfSock]);
          expect(await h.socks.findById(sock.id)).toEqual(sock);
        });
      });

      it('is idempotent', async () => {
        const { h, run, nextId, givenUser, givenPicture } = context();
        const owner = await givenUser();
        const picture = await givenPicture(owner);

        await run(() => h.pictures.remove(picture.id));
        await expect(run(() => h.pictures.remove(picture.id))).resolves.toBeUndefined();
        await expect(run(() => h.pictures.remove(nextId()))).resolves.toBeUndefined();

        expect(await run(() => h.pictures.findById(picture.id))).toBeNull();
      });
    });
  });
}
