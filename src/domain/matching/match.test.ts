import { aSwipe } from '../testing/fixtures.js';
import { Match, userPairKey, type MutualLikeProps } from './match.js';
import { MatchNotFoundError } from './match-errors.js';

const ANNA = 'user-anna';
const BEN = 'user-ben';
const CARL = 'user-carl';
const at = new Date('2026-11-29T12:00:00.000Z');

// Anna's sock A1 likes Ben's sock B1.
const annaLikesBen = aSwipe({ sockId: 'A1', targetSockId: 'B1', decision: 'like' });

const ifMutual = (overrides: Partial<MutualLikeProps> = {}) =>
  Match.ifMutual({
    id: 'm-1',
    swipe: annaLikesBen,
    likerId: ANNA,
    targetOwnerId: BEN,
    reverse: aSwipe({ sockId: 'B1', targetSockId: 'A1', decision: 'like' }),
    existing: null,
    at,
    ...overrides,
  });

const aMatch = (overrides: Partial<Match> = {}): Match => ({
  id: 'm-1',
  initiator: { userId: ANNA, sockId: 'A1' },
  partner: { userId: BEN, sockId: 'B1' },
  createdAt: new Date('2026-11-01T00:00:00.000Z'),
  endedAt: null,
  ...overrides,
});

describe('Match.ifMutual', () => {
  it('matches a like answering a like of the same pair of socks, the liker as initiator', () => {
    expect(ifMutual()).toEqual({
      id: 'm-1',
      initiator: { userId: ANNA, sockId: 'A1' },
      partner: { userId: BEN, sockId: 'B1' },
      createdAt: at,
      endedAt: null,
    });
  });

  it("does not match when the target sock has not judged the liker's sock", () => {
    expect(ifMutual({ reverse: null })).toBeNull();
  });

  it("does not match a like from another of the target owner's socks", () => {
    // Ben's B2 liked A1, but Anna liked B1: different pairs of socks
    expect(ifMutual({ reverse: aSwipe({ sockId: 'B2', targetSockId: 'A1', decision: 'like' }) })).toBeNull();
  });

  it("does not match a like of another of the liker's socks", () => {
    // B1 liked Anna's A2, not A1
    expect(ifMutual({ reverse: aSwipe({ sockId: 'B1', targetSockId: 'A2', decision: 'like' }) })).toBeNull();
  });

  it('does not match when the reverse verdict was a dislike', () => {
    expect(
      ifMutual({ reverse: aSwipe({ sockId: 'B1', targetSockId: 'A1', decision: 'dislike' }) }),
    ).toBeNull();
  });

  it('does not match a dislike, even of a sock that liked back', () => {
    expect(ifMutual({ swipe: { ...annaLikesBen, decision: 'dislike' } })).toBeNull();
  });

  it('does not match users who already have an active match', () => {
    expect(ifMutual({ existing: aMatch() })).toBeNull();
  });

  it('does not match users whose match has ended: never again', () => {
    expect(ifMutual({ existing: aMatch({ endedAt: new Date('2026-11-10T00:00:00.000Z') }) })).toBeNull();
  });
});

describe('Match.isActive and Match.isParticipant', () => {
  it('a match is active until it ends', () => {
    expect(Match.isActive(aMatch())).toBe(true);
    expect(Match.isActive(aMatch({ endedAt: at }))).toBe(false);
  });

  it('both users take part, nobody else', () => {
    expect(Match.isParticipant(aMatch(), ANNA)).toBe(true);
    expect(Match.isParticipant(aMatch(), BEN)).toBe(true);
    expect(Match.isParticipant(aMatch(), CARL)).toBe(false);
  });
});

describe('Match.seenBy', () => {
  it('gives the initiator their own side as mine', () => {
    expect(Match.seenBy(aMatch(), ANNA)).toEqual({
      mine: { userId: ANNA, sockId: 'A1' },
      theirs: { userId: BEN, sockId: 'B1' },
    });
  });

  it('swaps the sides for the partner', () => {
    expect(Match.seenBy(aMatch(), BEN)).toEqual({
      mine: { userId: BEN, sockId: 'B1' },
      theirs: { userId: ANNA, sockId: 'A1' },
    });
  });

  it('reports the match as not found to anybody else', () => {
    expect(() => Match.seenBy(aMatch(), CARL)).toThrow(MatchNotFoundError);
  });

  it('reports an ended match as not found, even to its users', () => {
    const ended = aMatch({ endedAt: at });

    expect(() => Match.seenBy(ended, ANNA)).toThrow(MatchNotFoundError);
    expect(() => Match.seenBy(ended, BEN)).toThrow(MatchNotFoundError);
  });
});

describe('Match.end', () => {
  it('ends the match for either user', () => {
    expect(Match.end(aMatch(), ANNA, at)).toEqual(aMatch({ endedAt: at }));
    expect(Match.end(aMatch(), BEN, at)).toEqual(aMatch({ endedAt: at }));
  });

  it('cannot be done by anybody else', () => {
    expect(() => Match.end(aMatch(), CARL, at)).toThrow(MatchNotFoundError);
  });

  it('cannot end a match twice', () => {
    const ended = Match.end(aMatch(), ANNA, at);

    expect(() => Match.end(ended, BEN, new Date('2026-11-30T00:00:00.000Z'))).toThrow(MatchNotFoundError);
  });

  it('does not change the match it is given', () => {
    const match = aMatch();
    Match.end(match, ANNA, at);

    expect(match.endedAt).toBeNull();
  });

  it('reports not found as a not-found kind with a stable code', () => {
    expect(new MatchNotFoundError()).toMatchObject({ kind: 'not-found', code: 'MATCH.NOT_FOUND' });
  });
});

describe('userPairKey', () => {
  it('is the same for both orders', () => {
    expect(userPairKey(ANNA, BEN)).toBe(userPairKey(BEN, ANNA));
    expect(userPairKey('b', 'a')).toBe('a:b');
  });

  it('differs between different pairs', () => {
    expect(userPairKey(ANNA, BEN)).not.toBe(userPairKey(ANNA, CARL));
    expect(userPairKey(BEN, CARL)).not.toBe(userPairKey(ANNA, CARL));
  });
});
