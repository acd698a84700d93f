import type { Match } from '../../../domain/matching/match.js';
import type { Sock } from '../../../domain/sock/sock.js';
import type { Swipe } from '../../../domain/swiping/swipe.js';
import type { User } from '../../../domain/user/user.js';
import { minute, useContractContext } from './contract-fixtures.js';
import type { HarnessFactory } from './repository-harness.js';

type Side = readonly [User, Sock];

/** The documented behaviour of `MatchRepository`, for every implementation. */
export function matchRepositoryContract(name: string, makeHarness: HarnessFactory): void {
  describe(name, () => {
    const context = useContractContext(makeHarness);

    async function aSide(): Promise<Side> {
      const { givenUser, givenPicturedSock } = context();
      const user = await givenUser();
      return [user, await givenPicturedSock(user)];
    }

    function matchOf(
      [initiator, initiatorSock]: Side,
      [partner, partnerSock]: Side,
      overrides: Partial<Match> = {},
    ): Match {
      return {
        id: context().nextId(),
        initiator: { userId: initiator.id, sockId: initiatorSock.id },
        partner: { userId: partner.id, sockId: partnerSock.id },
        createdAt: minute(100, 250),
        endedAt: null,
        ...overrides,
      };
    }

    describe('add and find', () => {
      it('adds a match and finds it by id with every field as stored', async () => {
        const { h, run } = context();
        const alice = await aSide();
        const bob = await aSide();
        const match = matchOf(alice, bob);

        expect(await run(() => h.matches.add(match))).toBe(true);

        expect(await run(() => h.matches.findById(match.id))).toEqual(match);
      });

      it('finds nothing for an unknown id', async () => {
        const { h, run, nextId, givenMatch } = context();
        await givenMatch(await aSide(), await aSide());

        expect(await run(() => h.matches.findById(nextId()))).toBeNull();
      });

      it('finds the match between two users in either order, and nothing for other pairs', async () => {
        const { h, run, givenMatch } = context();
        const [alice, bob, carol] = [await aSide(), await aSide(), await aSide()];
        const match = await givenMatch(alice, bob);

        expect(await run(() => h.matches.findBetween(alice[0].id, bob[0].id))).toEqual(match);
        expect(await run(() => h.matches.findBetween(bob[0].id, alice[0].id))).toEqual(match);
        expect(await run(() => h.matches.findBetween(alice[0].id, carol[0].id))).toBeNull();
        expect(await run(() => h.matches.findBetween(carol[0].id, bob[0].id))).toBeNull();
      });

      it('finds an ended match between two users', async () => {
        const { h, run, givenMatch, nextInstant } = context();
        const [alice, bob] = [await aSide(), await aSide()];
        const match = await givenMatch(alice, bob, { endedAt: nextInstant() });

        expect(await run(() => h.matches.findBetween(bob[0].id, alice[0].id))).toEqual(match);
      });
    });

    describe('one match per pair of users', () => {
      it('adds nothing and returns false when the pair already has a match, in either order', async () => {
        const { h, run, givenPicturedSock, givenMatch } = context();
        const [alice, bob] = [await aSide(), await aSide()];
        const existing = await givenMatch(alice, bob);
        const aliceOtherSock: Side = [alice[0], await givenPicturedSock(alice[0])];
        const sameOrder = matchOf(alice, bob);
        const otherOrder = matchOf(bob, aliceOtherSock);

        expect(await run(() => h.matches.add(sameOrder))).toBe(false);
        expect(await run(() => h.matches.add(otherOrder))).toBe(false);

        expect(await run(() => h.matches.findById(sameOrder.id))).toBeNull();
        expect(await run(() => h.matches.findById(otherOrder.id))).toBeNull();
        expect(await run(() => h.matches.findBetween(alice[0].id, bob[0].id))).toEqual(existing);
      });

      it('returns false after the match ended too', async () => {
        const { h, run, givenMatch, nextInstant } = context();
        const [alice, bob] = [await aSide(), await aSide()];
        const ended = await givenMatch(alice, bob, { endedAt: nextInstant() });
        const again = matchOf(bob, alice);

        expect(await run(() => h.matches.add(again))).toBe(false);

        expect(await run(() => h.matches.findById(again.id))).toBeNull();
        expect(await run(() => h.matches.findBetween(alice[0].id, bob[0].id))).toEqual(ended);
      });

      it('keeps the unit of work usable after returning false', async () => {
        const { h, run, givenMatch } = context();
        const [alice, bob, carol] = [await aSide(), await aSide(), await aSide()];
        await givenMatch(alice, bob);
        const refused = matchOf(bob, alice);
        const accepted = matchOf(carol, alice);

        const results = await run(async () => [await h.matches.add(refused), await h.matches.add(accepted)]);

        expect(results).toEqual([false, true]);
        expect(await run(() => h.matches.findById(accepted.id))).toEqual(accepted);
      });

      it('lets one of two concurrent units create the match: lockPair makes the second wait', async () => {
        const { h } = context();
        const [alice, bob] = [await aSide(), await aSide()];
        let signalLocked: () => void = () => undefined;
        const locked = new Promise<void>((resolve) => (signalLocked = resolve));

        // Check-then-create, as a use case does it; the first unit dawdles while it holds the lock.
        const attempt = (match: Match, a: string, b: string, dawdle: boolean) =>
          h.uow.run(async () => {
            await h.matches.lockPair(a, b);
            if (dawdle) signalLocked();
            const existing = await h.matches.findBetween(a, b);
            if (dawdle) await new Promise((resolve) => setTimeout(resolve, 100));
            if (existing) return 'found' as const;
            return (await h.matches.add(match)) ? ('created' as const) : ('refused' as const);
          });

        const first = attempt(matchOf(alice, bob), alice[0].id, bob[0].id, true);
        await locked;
        const second = attempt(matchOf(bob, alice), bob[0].id, alice[0].id, false);

        expect(await Promise.all([first, second])).toEqual(['created', 'found']);
      });
    });

    describe('findPairState', () => {
      const likeOf = ([, from]: Side, [, to]: Side): Swipe => ({
        sockId: from.id,
        targetSockId: to.id,
        decision: 'like',
        judgedAt: minute(500),
      });

      it('finds neither a reverse swipe nor a match for a fresh pair', async () => {
        const { h, run } = context();
        const [alice, bob] = [await aSide(), await aSide()];

        expect(await run(() => h.matches.findPairState(likeOf(alice, bob), alice[0].id, bob[0].id))).toEqual({
          reverse: null,
          existing: null,
        });
      });

      it("finds the target sock's swipe on the liker's sock, not the liker's own nor others'", async () => {
        const { h, run, givenPicturedSock, givenSwipe } = context();
        const [alice, bob, carol] = [await aSide(), await aSide(), await aSide()];
        const bobOther = await givenPicturedSock(bob[0]);
        await givenSwipe(alice[1], bob[1], 'like');
        await givenSwipe(bobOther, alice[1], 'like');
        await givenSwipe(carol[1], alice[1], 'like');
        const like = likeOf(alice, bob);
        expect((await run(() => h.matches.findPairState(like, alice[0].id, bob[0].id))).reverse).toBeNull();

        const reverse = await givenSwipe(bob[1], alice[1], 'dislike');

        expect(await run(() => h.matches.findPairState(like, alice[0].id, bob[0].id))).toEqual({
          reverse,
          existing: null,
        });
      });

      it("finds the users' match, active or ended, whoever made it, and no other pair's", async () => {
        const { h, run, givenMatch, nextInstant } = context();
        const [alice, bob, carol] = [await aSide(), await aSide(), await aSide()];
        await givenMatch(alice, carol);
        await givenMatch(carol, bob);
        const like = likeOf(alice, bob);
        expect((await run(() => h.matches.findPairState(like, alice[0].id, bob[0].id))).existing).toBeNull();

        const ended = await givenMatch(bob, alice, { endedAt: nextInstant() });

        expect((await run(() => h.matches.findPairState(like, alice[0].id, bob[0].id))).existing).toEqual(
          ended,
        );
      });
    });

    describe('save', () => {
      it('stores the end of a match', async () => {
        const { h, run, givenMatch } = context();
        const [alice, bob] = [await aSide(), await aSide()];
        const match = await givenMatch(alice, bob);
        const ended: Match = { ...match, endedAt: minute(200, 999) };

        await run(() => h.matches.save(ended));

        expect(await run(() => h.matches.findById(match.id))).toEqual(ended);
      });
    });

    describe('listActiveFor', () => {
      it("lists the user's active matches in either role, newest first, a page at a time", async () => {
        const { h, run, givenMatch, nextInstant } = context();
        const me = await aSide();
        const [a, b, c, d, e] = [await aSide(), await aSide(), await aSide(), await aSide(), await aSide()];
        const m2 = await givenMatch(me, b, { createdAt: minute(20) });
        const m4 = await givenMatch(d, me, { createdAt: minute(40) });
        const m1 = await givenMatch(a, me, { createdAt: minute(10) });
        await givenMatch(e, me, { createdAt: minute(50), endedAt: minute(55) });
        const m3 = await givenMatch(me, c, { createdAt: minute(30) });
        await givenMatch(a, b, { createdAt: minute(60) });
        await givenMatch(c, d, { createdAt: minute(70), endedAt: nextInstant() });

        const page1 = await run(() => h.matches.listActiveFor(me[0].id, { page: 1, pageSize: 3 }));
        const page2 = await run(() => h.matches.listActiveFor(me[0].id, { page: 2, pageSize: 3 }));
        const page3 = await run(() => h.matches.listActiveFor(me[0].id, { page: 3, pageSize: 3 }));

        expect(page1).toEqual({ items: [m4, m3, m2], page: 1, pageSize: 3, total: 4 });
        expect(page2).toEqual({ items: [m1], page: 2, pageSize: 3, total: 4 });
        expect(page3).toEqual({ items: [], page: 3, pageSize: 3, total: 4 });
      });

      it('leaves out a match once it ended', async () => {
        const { h, run, givenMatch, nextInstant } = context();
        const [alice, bob] = [await aSide(), await aSide()];
        const match = await givenMatch(alice, bob);

        await run(() => h.matches.save({ ...match, endedAt: nextInstant() }));

        for (const user of [alice[0], bob[0]]) {
          expect(await run(() => h.matches.listActiveFor(user.id, { page: 1, pageSize: 20 }))).toEqual({
            items: [],
            page: 1,
            pageSize: 20,
            total: 0,
          });
        }
      });
    });
  });
}
