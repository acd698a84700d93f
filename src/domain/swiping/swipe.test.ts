import { aSock, aSwipe, OTHER_USER_ID, USER_ID } from '../testing/fixtures.js';
import { Swipe, type JudgeProps } from './swipe.js';
import { AlreadyJudgedError, NoPictureError, OwnSockError } from './swiping-errors.js';

const own = aSock({ id: 'own-sock', ownerId: USER_ID });
const target = aSock({ id: 'target-sock', ownerId: OTHER_USER_ID });
const at = new Date('2026-11-29T12:00:00.000Z');

const judge = (overrides: Partial<JudgeProps> = {}) =>
  Swipe.judge({ own, target, targetPictureCount: 1, earlier: null, decision: 'like', at, ...overrides });

describe('Swipe.judge', () => {
  it.each(['like', 'dislike'] as const)('records a %s of a sock with a picture', (decision) => {
    expect(judge({ decision })).toEqual({
      sockId: 'own-sock',
      targetSockId: 'target-sock',
      decision,
      judgedAt: at,
    });
  });

  it('refuses a sock of the same owner', () => {
    const sibling = aSock({ id: 'sibling', ownerId: USER_ID });

    expect(() => judge({ target: sibling })).toThrow(OwnSockError);
  });

  it('refuses the sock itself', () => {
    expect(() => judge({ target: own })).toThrow(OwnSockError);
  });

  it('refuses a second verdict on the same sock, whatever the first was', () => {
    const earlier = aSwipe({ sockId: 'own-sock', targetSockId: 'target-sock', decision: 'dislike' });

    expect(() => judge({ earlier, decision: 'like' })).toThrow(AlreadyJudgedError);
    expect(() => judge({ earlier: { ...earlier, decision: 'like' }, decision: 'like' })).toThrow(
      AlreadyJudgedError,
    );
  });

  it('refuses a sock without a picture', () => {
    expect(() => judge({ targetPictureCount: 0 })).toThrow(NoPictureError);
  });

  describe('order of the checks', () => {
    const earlier = aSwipe({ sockId: 'own-sock', targetSockId: 'target-sock' });
    const sibling = aSock({ id: 'sibling', ownerId: USER_ID });

    it('reports an own sock before an earlier swipe or a missing picture', () => {
      expect(() => judge({ target: sibling, earlier, targetPictureCount: 0 })).toThrow(OwnSockError);
    });

    it('reports an earlier swipe before a missing picture', () => {
      expect(() => judge({ earlier, targetPictureCount: 0 })).toThrow(AlreadyJudgedError);
    });
  });

  it('reports the errors with their API codes', () => {
    expect(new OwnSockError()).toMatchObject({ kind: 'invalid', code: 'SWIPE.OWN_SOCK' });
    expect(new AlreadyJudgedError()).toMatchObject({ kind: 'conflict', code: 'SWIPE.ALREADY_JUDGED' });
    expect(new NoPictureError()).toMatchObject({ kind: 'invalid', code: 'SWIPE.NO_PICTURE' });
  });
});
