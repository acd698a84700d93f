import { SockNotFoundError } from '../../../domain/sock/sock-errors.js';
import type { Sock } from '../../../domain/sock/sock.js';
import { AlreadyJudgedError } from '../../../domain/swiping/swiping-errors.js';
import type { Swipe } from '../../../domain/swiping/swipe.js';
import { minute, useContractContext } from './contract-fixtures.js';
import type { HarnessFactory } from './repository-harness.js';

/** The documented behaviour of `SwipeRepository`, for every implementation. */
export function swipeRepositoryContract(name: string, makeHarness: HarnessFactory): void {
  describe(name, () => {
    const context = useContractContext(makeHarness);

    async function twoSocks() {
      const { givenUser, givenPicturedSock } = context();
      const mine = await givenPicturedSock(await givenUser());
      const theirs = await givenPicturedSock(await givenUser());
      return { mine, theirs };
    }

    it('finds an added like and an added dislike with every field as stored', async () => {
      const { h, run, givenUser, givenPicturedSock } = context();
      const { mine, theirs } = await twoSocks();
      const third = await givenPicturedSock(await givenUser());
      const like: Swipe = {
        sockId: mine.id,
        targetSockId: theirs.id,
        decision: 'like',
        judgedAt: minute(12, 345),
      };
      const dislike: Swipe = {
        sockId: mine.id,
        targetSockId: third.id,
        decision: 'dislike',
        judgedAt: minute(13, 7),
      };

      await run(async () => {
        await h.swipes.add(like);
        await h.swipes.add(dislike);
      });

      expect(await run(() => h.swipes.find(mine.id, theirs.id))).toEqual(like);
      expect(await run(() => h.swipes.find(mine.id, third.id))).toEqual(dislike);
    });

    it('finds nothing for a pair without a swipe, nor in the other direction', async () => {
      const { h, run, givenSwipe } = context();
      const { mine, theirs } = await twoSocks();

      expect(await run(() => h.swipes.find(mine.id, theirs.id))).toBeNull();
      await givenSwipe(mine, theirs, 'like');
      expect(await run(() => h.swipes.find(theirs.id, mine.id))).toBeNull();
    });

    it('accepts the swipe in the other direction', async () => {
      const { h, run, givenSwipe } = context();
      const { mine, theirs } = await twoSocks();
      const forth = await givenSwipe(mine, theirs, 'like');
      const back: Swipe = {
        sockId: theirs.id,
        targetSockId: mine.id,
        decision: 'dislike',
        judgedAt: minute(50),
      };

      await run(() => h.swipes.add(back));

      expect(await run(() => h.swipes.find(mine.id, theirs.id))).toEqual(forth);
      expect(await run(() => h.swipes.find(theirs.id, mine.id))).toEqual(back);
    });

    it('refuses a second swipe of the same sock on the same target and keeps the first', async () => {
      const { h, run, givenSwipe } = context();
      const { mine, theirs } = await twoSocks();
      const first = await givenSwipe(mine, theirs, 'like');

      for (const decision of ['like', 'dislike'] as const) {
        const again: Swipe = { sockId: mine.id, targetSockId: theirs.id, decision, judgedAt: minute(90) };
        await expect(run(() => h.swipes.add(again))).rejects.toThrow(AlreadyJudgedError);
      }

      expect(await run(() => h.swipes.find(mine.id, theirs.id))).toEqual(first);
    });

    describe('loadSwipeContext', () => {
      it('loads both socks as stored, the count of the target’s pictures and no earlier swipe', async () => {
        const { h, run, givenUser, givenSock, givenPicture } = context();
        const me = await givenUser();
        const them = await givenUser();
        const mine = await givenSock(me);
        const theirs = await givenSock(them);
        await givenPicture(me, mine);
        for (let i = 0; i < 3; i++) await givenPicture(them, theirs);

        expect(await run(() => h.swipes.loadSwipeContext(me.id, mine.id, theirs.id))).toEqual({
          own: mine,
          target: theirs,
          targetPictureCount: 3,
          earlier: null,
        });
      });

      it('counts no pictures for a target without any', async () => {
        const { h, run, givenUser, givenSock } = context();
        const me = await givenUser();
        const mine = await givenSock(me);
        const bare = await givenSock(await givenUser());

        expect(await run(() => h.swipes.loadSwipeContext(me.id, mine.id, bare.id))).toMatchObject({
          target: bare,
          targetPictureCount: 0,
        });
      });

      it('brings the earlier swipe of the own sock on the target, not swipes of others or the other way', async () => {
        const { h, run, givenUser, givenPicturedSock, givenSwipe } = context();
        const me = await givenUser();
        const mine = await givenPicturedSock(me);
        const mySecond = await givenPicturedSock(me);
        const theirs = await givenPicturedSock(await givenUser());
        await givenSwipe(theirs, mine, 'like');
        await givenSwipe(mySecond, theirs, 'like');
        expect((await run(() => h.swipes.loadSwipeContext(me.id, mine.id, theirs.id)))?.earlier).toBeNull();

        const earlier = await givenSwipe(mine, theirs, 'dislike');

        expect((await run(() => h.swipes.loadSwipeContext(me.id, mine.id, theirs.id)))?.earlier).toEqual(
          earlier,
        );
      });

      it("gives null for someone else's sock, an unknown sock or target, and ids that are no ids", async () => {
        const { h, run, nextId, givenUser, givenPicturedSock } = context();
        const me = await givenUser();
        const mine = await givenPicturedSock(me);
        const theirs = await givenPicturedSock(await givenUser());
        const load = (userId: string, sockId: string, targetSockId: string) =>
          run(() => h.swipes.loadSwipeContext(userId, sockId, targetSockId));

        expect(await load(me.id, theirs.id, mine.id)).toBeNull();
        expect(await load(me.id, nextId(), theirs.id)).toBeNull();
        expect(await load(me.id, mine.id, nextId())).toBeNull();
        expect(await load(nextId(), mine.id, theirs.id)).toBeNull();
        expect(await load(me.id, 'not-a-sock', theirs.id)).toBeNull();
        expect(await load(me.id, mine.id, "'; drop table socks; --")).toBeNull();
      });
    });

    describe('add and the decks', () => {
      /** A built deck of `sock` holding `candidates`. */
      async function deckOf(sock: Sock, candidates: readonly Sock[]) {
        const { h, run } = context();
        await run(() =>
          h.decks.replace({
            sockId: sock.id,
            entries: candidates.map((c, i) => ({ candidateId: c.id, score: 50 - i })),
            floor: null,
            builtAt: minute(1),
          }),
        );
      }

      const served = async (sock: Sock) => {
        const { h, run } = context();
        return ((await run(() => h.decks.peek(sock.id, 20)))?.cards ?? []).map((c) => c.sock.id);
      };

      it("takes the judged sock out of the judging sock's deck, and out of no other deck", async () => {
        const { h, run, givenUser, givenPicturedSock } = context();
        const { mine, theirs } = await twoSocks();
        const third = await givenPicturedSock(await givenUser());
        await deckOf(mine, [theirs, third]);
        await deckOf(theirs, [mine, third]);
        await deckOf(third, [theirs, mine]);

        await run(() =>
          h.swipes.add({
            sockId: mine.id,
            targetSockId: theirs.id,
            decision: 'dislike',
            judgedAt: minute(5),
          }),
        );

        expect((await run(() => h.decks.peek(mine.id, 20)))?.remaining).toBe(1);
        expect(await served(mine)).toEqual([third.id]);
        expect(await served(theirs)).toEqual([mine.id, third.id]);
        expect(await served(third)).toEqual([theirs.id, mine.id]);
      });

      it('leaves the deck alone when it refuses a second swipe, and the unit of work usable', async () => {
        const { h, run, givenSwipe } = context();
        const { mine, theirs } = await twoSocks();
        await givenSwipe(mine, theirs, 'like');
        await deckOf(mine, [theirs]);
        const again: Swipe = {
          sockId: mine.id,
          targetSockId: theirs.id,
          decision: 'like',
          judgedAt: minute(9),
        };

        // The unit catches the refusal and commits: nothing it did may have touched the deck.
        const refusal = await run(async () => {
          const error: unknown = await h.swipes.add(again).catch((e: unknown) => e);
          await h.decks.requestBuild(mine.id, minute(10));
          return error;
        });

        expect(refusal).toBeInstanceOf(AlreadyJudgedError);
        expect(await run(() => h.decks.peek(mine.id, 20))).toMatchObject({
          remaining: 1,
          refillRequested: true,
        });
      });

      it('refuses a swipe of or on a sock that is gone; the unit of work rolls back', async () => {
        const { h, run } = context();
        for (const gone of ['own', 'target'] as const) {
          const { mine, theirs } = await twoSocks();
          const swipe: Swipe = {
            sockId: mine.id,
            targetSockId: theirs.id,
            decision: 'like',
            judgedAt: minute(3),
          };

          await expect(
            run(async () => {
              await h.socks.remove(gone === 'own' ? mine.id : theirs.id);
              await h.swipes.add(swipe);
            }),
          ).rejects.toThrow(SockNotFoundError);

          expect(await run(() => h.swipes.find(mine.id, theirs.id))).toBeNull();
          expect(await run(() => h.socks.findById(gone === 'own' ? mine.id : theirs.id))).not.toBeNull();
        }
      });
    });
  });
}
