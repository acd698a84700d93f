import { EmailTakenError, UsernameTakenError } from '../../../domain/user/user-errors.js';
import { NO_SOCIAL_LINKS, type User } from '../../../domain/user/user.js';
import { aUser } from '../builders.js';
import { idsOf, minute, useContractContext } from './contract-fixtures.js';
import type { HarnessFactory } from './repository-harness.js';

/** The documented behaviour of `UserRepository`, for every implementation. */
export function userRepositoryContract(name: string, makeHarness: HarnessFactory): void {
  describe(name, () => {
    const context = useContractContext(makeHarness);

    /** A user whose every field differs from the builder's defaults. */
    function unusualUser(overrides: Partial<User> = {}): User {
      return aUser({
        id: context().nextId(),
        username: 'Sock.Rates_42',
        email: 'Sock.Rates@Example.COM',
        passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
        firstName: 'Sökrates',
        lastName: '',
        about: 'Two lines,\nwith "quotes" and an emoji 🧦.',
        birthday: '1988-02-29',
        gender: 'snail',
        city: 'Sydney, Australia',
        notifications: false,
        social: {
          instagram: 'https://instagram.com/sockrates',
          facebook: null,
          twitter: 'http://twitter.com/sockrates',
          spotify: null,
        },
        location: { lat: -33.86785, lon: 151.20732 },
        isAdmin: true,
        createdAt: minute(3, 456),
        ...overrides,
      });
    }

    describe('add and find', () => {
      it('finds an added user by id with every field as stored', async () => {
        const { h, run } = context();
        const user = unusualUser();

        await run(() => h.users.add(user));

        expect(await run(() => h.users.findById(user.id))).toEqual(user);
      });

      it('keeps a null location and all social links null', async () => {
        const { h, run } = context();
        const user = unusualUser({
          location: null,
          social: NO_SOCIAL_LINKS,
          isAdmin: false,
          notifications: true,
        });

        await run(() => h.users.add(user));

        expect(await run(() => h.users.findById(user.id))).toEqual(user);
      });

      it('finds nothing for an unknown id', async () => {
        const { h, run, nextId, givenUser } = context();
        await givenUser();

        expect(await run(() => h.users.findById(nextId()))).toBeNull();
      });

      it('finds a user by username in any case, keeping the stored spelling', async () => {
        const { h, run, givenUser } = context();
        const user = await givenUser({ username: 'SockRates', email: 'sockrates@example.com' });
        await givenUser({ username: 'other' });

        expect(await run(() => h.users.findByUsername('SockRates'))).toEqual(user);
        expect(await run(() => h.users.findByUsername('sockrates'))).toEqual(user);
        expect(await run(() => h.users.findByUsername('SOCKRATES'))).toEqual(user);
        expect(await run(() => h.users.findByUsername('sockrate'))).toBeNull();
      });

      it('finds a user by email in any case, keeping the stored spelling', async () => {
        const { h, run, givenUser } = context();
        const user = await givenUser({ username: 'sockrates', email: 'Sock.Rates@Example.com' });
        await givenUser({ username: 'other' });

        expect(await run(() => h.users.findByEmail('Sock.Rates@Example.com'))).toEqual(user);
        expect(await run(() => h.users.findByEmail('sock.rates@example.com'))).toEqual(user);
        expect(await run(() => h.users.findByEmail('SOCK.RATES@EXAMPLE.COM'))).toEqual(user);
        expect(await run(() => h.users.findByEmail('rates@example.com'))).toBeNull();
      });

      it('finds many by id, skipping unknown ids', async () => {
        const { h, run, nextId, givenUser } = context();
        const a = await givenUser();
        await givenUser();
        const c = await givenUser();

        const found = await run(() => h.users.findManyByIds([c.id, nextId(), a.id]));

        expect(found).toHaveLength(2);
        expect(idsOf(found)).toEqual(idsOf([a, c]));
        expect(found.find((u) => u.id === a.id)).toEqual(a);
        expect(found.find((u) => u.id === c.id)).toEqual(c);
        expect(await run(() => h.users.findManyByIds([]))).toEqual([]);
      });
    });

    describe('uniqueness', () => {
      it('refuses to add a username that is taken in another case', async () => {
        const { h, run, nextId, givenUser } = context();
        const first = await givenUser({ username: 'SockRates', email: 'first@example.com' });
        const second = aUser({ id: nextId(), username: 'sOCKrATES', email: 'second@example.com' });

        await expect(run(() => h.users.add(second))).rejects.toThrow(UsernameTakenError);

        expect(await run(() => h.users.findById(second.id))).toBeNull();
        expect(await run(() => h.users.findByEmail('second@example.com'))).toBeNull();
        expect(await run(() => h.users.findByUsername('sockrates'))).toEqual(first);
      });

      it('refuses to add an email that is taken in another case', async () => {
        const { h, run, nextId, givenUser } = context();
        const first = await givenUser({ username: 'first', email: 'Sam@Example.com' });
        const second = aUser({ id: nextId(), username: 'second', email: 'sAM@example.COM' });

        await expect(run(() => h.users.add(second))).rejects.toThrow(EmailTakenError);

        expect(await run(() => h.users.findById(second.id))).toBeNull();
        expect(await run(() => h.users.findByUsername('second'))).toBeNull();
        expect(await run(() => h.users.findByEmail('sam@example.com'))).toEqual(first);
      });
    });

    describe('save', () => {
      it('stores changes to every changeable field', async () => {
        const { h, run, givenUser } = context();
        const user = await givenUser({ username: 'sam' });
        const changed: User = {
          ...user,
          email: 'New.Address@Example.org',
          passwordHash: 'hashed:another password',
          firstName: 'Samantha',
          lastName: 'Solé',
          about: '',
          birthday: '1975-12-31',
          gender: 'unicorn',
          city: 'Hamburg',
          notifications: false,
          social: {
            instagram: null,
            facebook: 'https://facebook.com/sam',
            twitter: null,
            spotify: 'https://open.spotify.com/user/sam',
          },
          location: { lat: 53.57532, lon: 10.01534 },
          isAdmin: true,
        };

        await run(() => h.users.save(changed));

        expect(await run(() => h.users.findById(user.id))).toEqual(changed);
        expect(await run(() => h.users.findByEmail('new.address@example.org'))).toEqual(changed);
        expect(await run(() => h.users.findByEmail(user.email))).toBeNull();
      });

      it('can clear the location', async () => {
        const { h, run, givenUser } = context();
        const user = await givenUser();

        await run(() => h.users.save({ ...user, location: null, city: 'Atlantis' }));

        expect(await run(() => h.users.findById(user.id))).toEqual({
          ...user,
          location: null,
          city: 'Atlantis',
        });
      });

      it("accepts the user's own email, also in another case", async () => {
        const { h, run, givenUser } = context();
        const user = await givenUser({ username: 'sam', email: 'sam@example.com' });

        await run(() => h.users.save({ ...user, firstName: 'Samuel' }));
        await run(() => h.users.save({ ...user, email: 'SAM@example.com' }));

        expect(await run(() => h.users.findById(user.id))).toEqual({ ...user, email: 'SAM@example.com' });
      });

      it("refuses another user's email in any case and keeps the stored user", async () => {
        const { h, run, givenUser } = context();
        await givenUser({ username: 'first', email: 'first@example.com' });
        const second = await givenUser({ username: 'second', email: 'second@example.com' });

        await expect(run(() => h.users.save({ ...second, email: 'First@Example.com' }))).rejects.toThrow(
          EmailTakenError,
        );

        expect(await run(() => h.users.findById(second.id))).toEqual(second);
      });
    });

    describe('list', () => {
      it('lists all users newest first, a page at a time, with the total', async () => {
        const { h, run, givenUser } = context();
        // Added out of order: the order comes from createdAt, not from insertion.
        const u3 = await givenUser({ createdAt: minute(30) });
        const u1 = await givenUser({ createdAt: minute(10) });
        const u5 = await givenUser({ createdAt: minute(50) });
        const u2 = await givenUser({ createdAt: minute(20) });
        const u4 = await givenUser({ createdAt: minute(40) });

        const page1 = await run(() => h.users.list({ page: 1, pageSize: 2 }));
        const page2 = await run(() => h.users.list({ page: 2, pageSize: 2 }));
        const page3 = await run(() => h.users.list({ page: 3, pageSize: 2 }));
        const page4 = await run(() => h.users.list({ page: 4, pageSize: 2 }));

        expect(page1).toEqual({ items: [u5, u4], page: 1, pageSize: 2, total: 5 });
        expect(page2).toEqual({ items: [u3, u2], page: 2, pageSize: 2, total: 5 });
        expect(page3).toEqual({ items: [u1], page: 3, pageSize: 2, total: 5 });
        expect(page4).toEqual({ items: [], page: 4, pageSize: 2, total: 5 });
      });

      it('lists nothing when there are no users', async () => {
        const { h, run } = context();

        expect(await run(() => h.users.list({ page: 1, pageSize: 20 }))).toEqual({
          items: [],
          page: 1,
          pageSize: 20,
          total: 0,
        });
      });
    });

    describe('remove', () => {
      it('deletes the user and everything they own, and keeps what others own', async () => {
        const c = context();
        const { h, run } = c;
        const alice = await c.givenUser({ username: 'alice' });
        const bob = await c.givenUser({ username: 'bob' });
        const carol = await c.givenUser({ username: 'carol' });
        const aliceAvatar = await c.givenPicture(alice);
        const a1 = await c.givenSock(alice);
        const a1Picture = await c.givenPicture(alice, a1);
        const a2 = await c.givenSock(alice);
        const bobAvatar = await c.givenPicture(bob);
        const b1 = await c.givenPicturedSock(bob);
        const c1 = await c.givenPicturedSock(carol);
        await c.givenSwipe(a1, b1, 'like');
        await c.givenSwipe(b1, a1, 'like');
        await c.givenSwipe(c1, a2, 'dislike');
        await c.givenSwipe(a2, c1, 'like');
        const bobOnCarol = await c.givenSwipe(b1, c1, 'like');
        const carolOnBob = await c.givenSwipe(c1, b1, 'like');
        const aliceBob = await c.givenMatch([bob, b1], [alice, a1]);
        const carolAlice = await c.givenMatch([carol, c1], [alice, a2], { endedAt: c.nextInstant() });
        const bobCarol = await c.givenMatch([carol, c1], [bob, b1]);
        const aliceMessage = await c.givenMessage(aliceBob, alice);
        const bobMessage = await c.givenMessage(aliceBob, bob);
        const bobCarolMessage = await c.givenMessage(bobCarol, bob);
        const aliceMail = await c.givenMail(alice);
        const bobMail = await c.givenMail(bob);
        const aliceToken = await c.givenRefreshToken(alice);
        const aliceOtherToken = await c.givenRefreshToken(alice);
        const bobToken = await c.givenRefreshToken(bob);

        await run(() => h.users.remove(alice.id));

        await run(async () => {
          expect(await h.users.findById(alice.id)).toBeNull();
          expect(await h.users.findByUsername('alice')).toBeNull();
          expect(await h.users.findByEmail(alice.email)).toBeNull();
          expect(await h.socks.findById(a1.id)).toBeNull();
          expect(await h.socks.findById(a2.id)).toBeNull();
          expect(await h.pictures.findById(aliceAvatar.id)).toBeNull();
          expect(await h.pictures.findById(a1Picture.id)).toBeNull();
          expect(await h.pictures.listAllOfUser(alice.id)).toEqual([]);
          expect(await h.swipes.find(a1.id, b1.id)).toBeNull();
          expect(await h.swipes.find(b1.id, a1.id)).toBeNull();
          expect(await h.swipes.find(c1.id, a2.id)).toBeNull();
          expect(await h.swipes.find(a2.id, c1.id)).toBeNull();
          expect(await h.matches.findById(aliceBob.id)).toBeNull();
          expect(await h.matches.findById(carolAlice.id)).toBeNull();
          expect(await h.matches.findBetween(alice.id, bob.id)).toBeNull();
          expect(await h.matches.findBetween(carol.id, alice.id)).toBeNull();
          expect(await h.messages.findById(aliceMessage.id)).toBeNull();
          expect(await h.messages.findById(bobMessage.id)).toBeNull();
          expect((await h.messages.listForMatch(aliceBob.id, { beforeId: null, limit: 10 })).items).toEqual(
            [],
          );
          expect(await h.mails.findById(aliceMail.id)).toBeNull();
          expect((await h.mails.listByOwner(alice.id, { page: 1, pageSize: 10 })).total).toBe(0);
          expect(await h.refreshTokens.findByHash(aliceToken.tokenHash)).toBeNull();
          expect(await h.refreshTokens.findByHash(aliceOtherToken.tokenHash)).toBeNull();
        });

        await run(async () => {
          expect(await h.users.findById(bob.id)).toEqual(bob);
          expect(await h.users.findById(carol.id)).toEqual(carol);
          expect(await h.socks.findById(b1.id)).toEqual(b1);
          expect(await h.socks.findById(c1.id)).toEqual(c1);
          expect(await h.pictures.findById(bobAvatar.id)).toEqual(bobAvatar);
          expect(await h.pictures.listAllOfUser(bob.id)).toHaveLength(2);
          expect(await h.pictures.listAllOfUser(carol.id)).toHaveLength(1);
          expect(await h.swipes.find(b1.id, c1.id)).toEqual(bobOnCarol);
          expect(await h.swipes.find(c1.id, b1.id)).toEqual(carolOnBob);
          expect(await h.matches.findById(bobCarol.id)).toEqual(bobCarol);
          expect((await h.matches.listActiveFor(bob.id, { page: 1, pageSize: 10 })).items).toEqual([
            bobCarol,
          ]);
          expect(await h.messages.findById(bobCarolMessage.id)).toEqual(bobCarolMessage);
          expect(await h.mails.findById(bobMail.id)).toEqual(bobMail);
          expect(await h.refreshTokens.findByHash(bobToken.tokenHash)).toEqual(bobToken);
          expect((await h.users.list({ page: 1, pageSize: 10 })).total).toBe(2);
        });
      });

      it('is idempotent', async () => {
        const { h, run, nextId, givenUser } = context();
        const user = await givenUser();
        const other = await givenUser();

        await run(() => h.users.remove(user.id));
        await expect(run(() => h.users.remove(user.id))).resolves.toBeUndefined();
        await expect(run(() => h.users.remove(nextId()))).resolves.toBeUndefined();

        expect(await run(() => h.users.findById(user.id))).toBeNull();
        expect(await run(() => h.users.findById(other.id))).toEqual(other);
      });
    });
  });
}
