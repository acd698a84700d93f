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
  });
}
