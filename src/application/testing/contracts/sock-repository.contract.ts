import type { GeoPoint } from '../../../domain/geo/geo-point.js';
import type { Sock, SockAttributes } from '../../../domain/sock/sock.js';
import { rankCandidates } from '../../../domain/swiping/candidate.js';
import { numericScore } from '../../../domain/swiping/similarity-score.js';
import type { User } from '../../../domain/user/user.js';
import type { CandidateRow } from '../../ports/sock-repository.js';
import { aSock } from '../builders.js';
import { idsOf, minute, useContractContext } from './contract-fixtures.js';
import type { HarnessFactory } from './repository-harness.js';

const BERLIN: GeoPoint = { lat: 52.52437, lon: 13.41053 };
const HAMBURG: GeoPoint = { lat: 53.57532, lon: 10.01534 };
const MUNICH: GeoPoint = { lat: 48.13743, lon: 11.57549 };
const PARIS: GeoPoint = { lat: 48.85341, lon: 2.3488 };

/** Well above the number of socks of any scenario below, so no candidate may be left out. */
const ALL = 20;

/** The documented behaviour of `SockRepository`, for every implementation. */
export function sockRepositoryContract(name: string, makeHarness: HarnessFactory): void {
  describe(name, () => {
    const context = useContractContext(makeHarness);

    /** A sock whose every attribute differs from the builder's defaults. */
    function unusualSock(owner: User, overrides: Partial<Sock> = {}): Sock {
      return aSock({
        id: context().nextId(),
        ownerId: owner.id,
        name: 'Righty “the Brave”',
        story: '',
        color: 'multicolor',
        fabric: 'bamboo',
        thickness: 'self-warming',
        brand: 'from-ma-granma',
        type: 'knee-high',
        size: 'big-foot',
        age: 25,
        separationDate: '2024-02-29',
        condition: 'rescued-from-trash',
        holes: 10,
        kilometers: 0,
        environment: 'japanese-vending-machine',
        washedPerWeek: 7,
        specialty: 'Knitted with 🧦 love',
        createdAt: minute(7, 321),
        ...overrides,
      });
    }

    describe('add and find', () => {
      it('finds an added sock by id with every field as stored', async () => {
        const { h, run, givenUser } = context();
        const owner = await givenUser();
        const sock = unusualSock(owner);

        await run(() => h.socks.add(sock));

        expect(await run(() => h.socks.findById(sock.id))).toEqual(sock);
      });

      it('finds nothing for an unknown id', async () => {
        const { h, run, nextId, givenUser, givenSock } = context();
        await givenSock(await givenUser());

        expect(await run(() => h.socks.findById(nextId()))).toBeNull();
      });

      it('finds many by id, skipping unknown ids', async () => {
        const { h, run, nextId, givenUser, givenSock } = context();
        const owner = await givenUser();
        const other = await givenUser();
        const a = await givenSock(owner);
        await givenSock(owner);
        const c = await givenSock(other);

        const found = await run(() => h.socks.findManyByIds([c.id, nextId(), a.id]));

        expect(idsOf(found)).toEqual(idsOf([a, c]));
        expect(found.find((s) => s.id === a.id)).toEqual(a);
        expect(found.find((s) => s.id === c.id)).toEqual(c);
        expect(await run(() => h.socks.findManyByIds([]))).toEqual([]);
      });

      it('finds an owned sock only for its owner', async () => {
        const { h, run, nextId, givenUser, givenSock } = context();
        const owner = await givenUser();
        const stranger = await givenUser();
        const sock = await givenSock(owner);

        expect(await run(() => h.socks.findOwned(owner.id, sock.id))).toEqual(sock);
        expect(await run(() => h.socks.findOwned(stranger.id, sock.id))).toBeNull();
        expect(await run(() => h.socks.findOwned(owner.id, nextId()))).toBeNull();
      });
    });

    describe('save', () => {
      it('stores changes to every attribute', async () => {
        const { h, run, givenUser, givenSock } = context();
        const owner = await givenUser();
        const sock = await givenSock(owner);
        const { id: _id, ownerId: _ownerId, createdAt: _createdAt, ...attributes } = unusualSock(owner);
        const changed: Sock = { ...sock, ...(attributes satisfies SockAttributes) };

        await run(() => h.socks.save(changed));

        expect(await run(() => h.socks.findById(sock.id))).toEqual(changed);
      });
    });

    describe('listByOwner', () => {
      it("lists the owner's socks newest first, a page at a time, with the total", async () => {
        const { h, run, givenUser, givenSock } = context();
        const owner = await givenUser();
        const other = await givenUser();
        const s2 = await givenSock(owner, { createdAt: minute(20) });
        const s4 = await givenSock(owner, { createdAt: minute(40) });
        await givenSock(other, { createdAt: minute(35) });
        const s1 = await givenSock(owner, { createdAt: minute(10) });
        const s3 = await givenSock(owner, { createdAt: minute(30) });
        await givenSock(other, { createdAt: minute(50) });

        const page1 = await run(() => h.socks.listByOwner(owner.id, { page: 1, pageSize: 3 }));
        const page2 = await run(() => h.socks.listByOwner(owner.id, { page: 2, pageSize: 3 }));
        const page3 = await run(() => h.socks.listByOwner(owner.id, { page: 3, pageSize: 3 }));

        expect(page1).toEqual({ items: [s4, s3, s2], page: 1, pageSize: 3, total: 4 });
        expect(page2).toEqual({ items: [s1], page: 2, pageSize: 3, total: 4 });
        expect(page3).toEqual({ items: [], page: 3, pageSize: 3, total: 4 });
      });

      it('lists nothing for a user without socks', async () => {
        const { h, run, givenUser, givenSock } = context();
        const owner = await givenUser();
        await givenSock(await givenUser());

        expect(await run(() => h.socks.listByOwner(owner.id, { page: 1, pageSize: 20 }))).toEqual({
          items: [],
          page: 1,
          pageSize: 20,
          total: 0,
        });
      });
    });

    describe('remove', () => {
      it('deletes the sock, its pictures and every swipe from or to it, and nothing else', async () => {
        const c = context();
        const { h, run } = c;
        const alice = await c.givenUser();
        const bob = await c.givenUser();
        const avatar = await c.givenPicture(alice);
        const doomed = await c.givenSock(alice);
        const doomedPictures = [await c.givenPicture(alice, doomed), await c.givenPicture(alice, doomed)];
        const kept = await c.givenSock(alice);
        const keptPicture = await c.givenPicture(alice, kept);
        const b1 = await c.givenPicturedSock(bob);
        const b2 = await c.givenPicturedSock(bob);
        await c.givenSwipe(doomed, b1, 'like');
        await c.givenSwipe(doomed, b2, 'dislike');
        await c.givenSwipe(b1, doomed, 'like');
        const keptOnB1 = await c.givenSwipe(kept, b1, 'dislike');
        const b1OnKept = await c.givenSwipe(b1, kept, 'like');
        const b2OnB1 = await c.givenSwipe(b2, b1, 'like');

        await run(() => h.socks.remove(doomed.id));

        await run(async () => {
          expect(await h.socks.findById(doomed.id)).toBeNull();
          for (const picture of doomedPictures) expect(await h.pictures.findById(picture.id)).toBeNull();
          expect((await h.pictures.listForSocks([doomed.id])).has(doomed.id)).toBe(false);
          expect(await h.swipes.find(doomed.id, b1.id)).toBeNull();
          expect(await h.swipes.find(doomed.id, b2.id)).toBeNull();
          expect(await h.swipes.find(b1.id, doomed.id)).toBeNull();

          expect(await h.users.findById(alice.id)).toEqual(alice);
          expect(await h.pictures.findById(avatar.id)).toEqual(avatar);
          expect(await h.socks.findById(kept.id)).toEqual(kept);
          expect(await h.pictures.findById(keptPicture.id)).toEqual(keptPicture);
          expect(await h.socks.findById(b1.id)).toEqual(b1);
          expect(await h.swipes.find(kept.id, b1.id)).toEqual(keptOnB1);
          expect(await h.swipes.find(b1.id, kept.id)).toEqual(b1OnKept);
          expect(await h.swipes.find(b2.id, b1.id)).toEqual(b2OnB1);
          expect(idsOf(await h.pictures.listAllOfUser(alice.id))).toEqual(idsOf([avatar, keptPicture]));
          expect((await h.socks.listByOwner(alice.id, { page: 1, pageSize: 10 })).items).toEqual([kept]);
        });
      });

      it('is idempotent', async () => {
        const { h, run, nextId, givenUser, givenSock } = context();
        const owner = await givenUser();
        const sock = await givenSock(owner);
        const other = await givenSock(owner);

        await run(() => h.socks.remove(sock.id));
        await expect(run(() => h.socks.remove(sock.id))).resolves.toBeUndefined();
        await expect(run(() => h.socks.remove(nextId()))).resolves.toBeUndefined();

        expect(await run(() => h.socks.findById(sock.id))).toBeNull();
        expect(await run(() => h.socks.findById(other.id))).toEqual(other);
      });
    });

    describe('shortlistCandidates', () => {
      async function shortlist(sock: Sock, limit = ALL): Promise<CandidateRow[]> {
        const { h, run } = context();
        return run(() => h.socks.shortlistCandidates(sock, limit));
      }

      async function shortlistIds(sock: Sock, limit = ALL): Promise<string[]> {
        return (await shortlist(sock, limit)).map((row) => row.sock.id).sort();
      }

      function ownerOf(user: User): CandidateRow['owner'] {
        return {
          id: user.id,
          username: user.username,
          firstName: user.firstName,
          birthday: user.birthday,
          city: user.city,
          location: user.location,
        };
      }

      it('returns the sock and what the candidate view shows of its owner', async () => {
        const { givenUser, givenPicturedSock } = context();
        const me = await givenUser();
        const own = await givenPicturedSock(me);
        const bob = await givenUser({
          username: 'bob',
          firstName: 'Bob',
          birthday: '1970-01-31',
          city: 'Paris',
          location: PARIS,
        });
        const erin = await givenUser({
          username: 'erin',
          firstName: '',
          birthday: '2000-02-29',
          city: 'Atlantis',
          location: null,
        });
        const bobSock = await givenPicturedSock(bob, { color: 'red', story: '' });
        const erinSock = await givenPicturedSock(erin, { size: 'big-foot' });

        const rows = await shortlist(own);

        expect(rows).toHaveLength(2);
        expect(rows.find((r) => r.sock.id === bobSock.id)).toEqual({
          sock: bobSock,
          owner: ownerOf(bob),
          numericScore: expect.closeTo(numericScore(own, bobSock), 9),
        });
        expect(rows.find((r) => r.sock.id === erinSock.id)).toEqual({
          sock: erinSock,
          owner: ownerOf(erin),
          numericScore: expect.closeTo(numericScore(own, erinSock), 9),
        });
      });

      it('returns nothing when no one else has a sock', async () => {
        const { givenUser, givenPicturedSock } = context();
        const me = await givenUser();
        const own = await givenPicturedSock(me);

        expect(await shortlist(own)).toEqual([]);
      });

      it("leaves out the owner's socks, this one included", async () => {
        const { givenUser, givenPicturedSock } = context();
        const me = await givenUser();
        const own = await givenPicturedSock(me);
        await givenPicturedSock(me);
        const theirs = await givenPicturedSock(await givenUser());

        expect(await shortlistIds(own)).toEqual([theirs.id]);
      });

      it('leaves out socks without a picture and counts a sock with several pictures once', async () => {
        const { givenUser, givenSock, givenPicture, givenPicturedSock } = context();
        const me = await givenUser();
        const own = await givenPicturedSock(me);
        const bob = await givenUser();
        await givenSock(bob);
        await givenPicture(bob); // a profile picture does not make bob's socks candidates
        const twice = await givenSock(bob);
        await givenPicture(bob, twice);
        await givenPicture(bob, twice);

        expect(await shortlistIds(own)).toEqual([twice.id]);
      });

      it('leaves out socks this sock judged, but keeps ones only another own sock judged', async () => {
        const { givenUser, givenPicturedSock, givenSwipe } = context();
        const me = await givenUser();
        const own = await givenPicturedSock(me);
        const otherOwn = await givenPicturedSock(me);
        const bob = await givenUser();
        const liked = await givenPicturedSock(bob);
        const disliked = await givenPicturedSock(bob);
        const judgedByOtherOwn = await givenPicturedSock(bob);
        const fresh = await givenPicturedSock(bob);
        await givenSwipe(own, liked, 'like');
        await givenSwipe(own, disliked, 'dislike');
        await givenSwipe(otherOwn, judgedByOtherOwn, 'dislike');

        expect(await shortlistIds(own)).toEqual(idsOf([judgedByOtherOwn, fresh]));
        expect(await shortlistIds(otherOwn)).toEqual(idsOf([liked, disliked, fresh]));
      });

      it('keeps socks that judged this sock', async () => {
        const { givenUser, givenPicturedSock, givenSwipe } = context();
        const me = await givenUser();
        const own = await givenPicturedSock(me);
        const bob = await givenUser();
        const admirer = await givenPicturedSock(bob);
        const critic = await givenPicturedSock(bob);
        await givenSwipe(admirer, own, 'like');
        await givenSwipe(critic, own, 'dislike');

        expect(await shortlistIds(own)).toEqual(idsOf([admirer, critic]));
      });

      it('leaves out socks of users with an active match with the owner, in either role', async () => {
        const { givenUser, givenPicturedSock, givenMatch } = context();
        const me = await givenUser();
        const own = await givenPicturedSock(me);
        const otherOwn = await givenPicturedSock(me);
        const initiator = await givenUser();
        const partner = await givenUser();
        const stranger = await givenUser();
        const i1 = await givenPicturedSock(initiator);
        await givenPicturedSock(initiator);
        const p1 = await givenPicturedSock(partner);
        const s1 = await givenPicturedSock(stranger);
        // Matched through the owner's other sock: the rule is about users, not socks.
        await givenMatch([initiator, i1], [me, otherOwn]);
        await givenMatch([me, own], [partner, p1]);

        expect(await shortlistIds(own)).toEqual([s1.id]);
        expect(await shortlistIds(otherOwn)).toEqual([s1.id]);
      });

      it('leaves out socks of users whose match with the owner ended', async () => {
        const { givenUser, givenPicturedSock, givenMatch, nextInstant } = context();
        const me = await givenUser();
        const own = await givenPicturedSock(me);
        const ex = await givenUser();
        const stranger = await givenUser();
        const exSock = await givenPicturedSock(ex);
        await givenPicturedSock(ex);
        const s1 = await givenPicturedSock(stranger);
        await givenMatch([ex, exSock], [me, own], { endedAt: nextInstant() });

        expect(await shortlistIds(own)).toEqual([s1.id]);
      });

      it('keeps socks of users who matched only with someone else', async () => {
        const { givenUser, givenPicturedSock, givenMatch, nextInstant } = context();
        const me = await givenUser();
        const own = await givenPicturedSock(me);
        const bob = await givenUser();
        const carol = await givenUser();
        const dave = await givenUser();
        const b1 = await givenPicturedSock(bob);
        const c1 = await givenPicturedSock(carol);
        const d1 = await givenPicturedSock(dave);
        await givenMatch([bob, b1], [carol, c1]);
        await givenMatch([dave, d1], [carol, c1], { endedAt: nextInstant() });

        expect(await shortlistIds(own)).toEqual(idsOf([b1, c1, d1]));
      });

      it('applies every rule at once', async () => {
        const { givenUser, givenSock, givenPicturedSock, givenSwipe, givenMatch, nextInstant } = context();
        const me = await givenUser({ location: BERLIN });
        const own = await givenPicturedSock(me);
        const otherOwn = await givenPicturedSock(me);
        const bob = await givenUser({ location: HAMBURG });
        const carol = await givenUser();
        const dave = await givenUser();
        const erin = await givenUser({ location: null });
        const b1 = await givenPicturedSock(bob);
        await givenSock(bob);
        const b3 = await givenPicturedSock(bob);
        const b4 = await givenPicturedSock(bob);
        const b5 = await givenPicturedSock(bob);
        const c1 = await givenPicturedSock(carol);
        const d1 = await givenPicturedSock(dave);
        const e1 = await givenPicturedSock(erin);
        await givenSwipe(own, b3, 'dislike');
        await givenSwipe(otherOwn, b4, 'like');
        await givenSwipe(b5, own, 'like');
        await givenMatch([me, own], [carol, c1]);
        await givenMatch([dave, d1], [me, otherOwn], { endedAt: nextInstant() });
        await givenMatch([erin, e1], [bob, b1]);

        const rows = await shortlist(own, ALL);

        expect(rows.map((r) => r.sock.id).sort()).toEqual(idsOf([b1, b4, b5, e1]));
        expect(rows.find((r) => r.sock.id === e1.id)?.owner).toEqual(ownerOf(erin));
        expect(rows.find((r) => r.sock.id === b4.id)).toEqual({
          sock: b4,
          owner: ownerOf(bob),
          numericScore: expect.closeTo(numericScore(own, b4), 9),
        });
      });

      it('may shorten the list, but ranking what it returns gives the exact best `limit`', async () => {
        const { givenUser, givenSock, givenPicturedSock, givenSwipe } = context();
        const me = await givenUser({ location: BERLIN });
        const own = await givenPicturedSock(me);
        // Identical socks tie on the score: the owner's distance, then age, then id decide.
        const variants: ReadonlyArray<readonly [GeoPoint | null, Partial<SockAttributes>]> = [
          [PARIS, {}],
          [HAMBURG, {}],
          [null, {}],
          [HAMBURG, {}],
          [MUNICH, { color: 'white', size: 'big-foot', holes: 10 }],
          [BERLIN, { color: 'grey' }],
          [PARIS, { fabric: 'silk', thickness: 'fishnet', kilometers: 900 }],
          [null, { type: 'invisible', age: 20, washedPerWeek: 7 }],
          [HAMBURG, { brand: 'gucci', condition: 'brand-new', environment: 'festival' }],
          [MUNICH, { story: 'Something completely different', specialty: 'Glows in the dark' }],
          [BERLIN, { separationDate: '2020-01-01' }],
          [PARIS, { color: 'red', holes: 0, story: 'Lost in the washing machine.' }],
        ];
        const candidates: Array<{ sock: Sock; ownerLocation: GeoPoint | null }> = [];
        for (const [location, attributes] of variants) {
          const owner = await givenUser({ location });
          candidates.push({ sock: await givenPicturedSock(owner, attributes), ownerLocation: location });
        }
        // Perfect scores that are not candidates must not push candidates out.
        const stranger = await givenUser({ location: BERLIN });
        await givenSock(stranger);
        await givenSwipe(own, await givenPicturedSock(stranger), 'dislike');
        await givenPicturedSock(me);

        const candidateIds = idsOf(candidates.map((c) => c.sock));
        const best = rankCandidates(own, me.location, candidates).map((r) => r.candidate.sock.id);
        for (const limit of [1, 2, 3, 4, 6, candidates.length, ALL]) {
          const rows = await shortlist(own, limit);
          const returnedIds = rows.map((r) => r.sock.id);
          expect(new Set(returnedIds).size).toBe(returnedIds.length);
          expect(returnedIds.filter((id) => !candidateIds.includes(id))).toEqual([]);
          const ranked = rankCandidates(
            own,
            me.location,
            rows.map((r) => ({ sock: r.sock, ownerLocation: r.owner.location })),
          ).map((r) => r.candidate.sock.id);
          expect({ limit, best: ranked.slice(0, limit) }).toEqual({ limit, best: best.slice(0, limit) });
        }
      });
    });
  });
}
