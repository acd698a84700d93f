import type { Swipe } from '../swiping/swipe.js';
import { MatchNotFoundError } from './match-errors.js';

/** One user of a match and the sock through which they matched. */
export interface MatchSide {
  readonly userId: string;
  readonly sockId: string;
}

/**
 * A match between two users, made by a pair of socks liking each other. At most one match
 * ever exists per pair of users: an ended match stays, so the pair can never match again.
 */
export interface Match {
  readonly id: string;
  /** The user whose like completed the match. */
  readonly initiator: MatchSide;
  readonly partner: MatchSide;
  readonly createdAt: Date;
  readonly endedAt: Date | null;
}

export interface MutualLikeProps {
  readonly id: string;
  /** The swipe just made, by `likerId`'s sock. */
  readonly swipe: Swipe;
  readonly likerId: string;
  readonly targetOwnerId: string;
  /** The target sock's swipe on the liker's sock, if it made one. */
  readonly reverse: Swipe | null;
  /** Any match the two users already have, active or ended. */
  readonly existing: Match | null;
  readonly at: Date;
}

export interface MatchPerspective {
  readonly mine: MatchSide;
  readonly theirs: MatchSide;
}

export const Match = {
  /**
   * A like completes a match iff the target sock already liked the liker's sock (the same pair
   * of socks, both ways) and the two users have never matched before.
   */
  ifMutual(p: MutualLikeProps): Match | null {
    const mutual =
      p.swipe.decision === 'like' &&
      p.reverse !== null &&
      p.reverse.decision === 'like' &&
      p.reverse.sockId === p.swipe.targetSockId &&
      p.reverse.targetSockId === p.swipe.sockId;
    if (!mutual || p.existing !== null) return null;
    return {
      id: p.id,
      initiator: { userId: p.likerId, sockId: p.swipe.sockId },
      partner: { userId: p.targetOwnerId, sockId: p.swipe.targetSockId },
      createdAt: p.at,
      endedAt: null,
    };
  },

  isActive(match: Match): boolean {
    return match.endedAt === null;
  },

  isParticipant(match: Match, userId: string): boolean {
    return match.initiator.userId === userId || match.partner.userId === userId;
  },

  /**
   * The match seen from one participant's side. Ended matches and matches of others are
   * reported as not found, never as forbidden.
   * @throws {MatchNotFoundError}
   */
  seenBy(match: Match, userId: string): MatchPerspective {
    if (!Match.isActive(match)) throw new MatchNotFoundError();
    if (match.initiator.userId === userId) return { mine: match.initiator, theirs: match.partner };
    if (match.partner.userId === userId) return { mine: match.partner, theirs: match.initiator };
    throw new MatchNotFoundError();
  },

  /** @throws {MatchNotFoundError} when the match is not active or `userId` is not in it */
  end(match: Match, userId: string, at: Date): Match {
    Match.seenBy(match, userId);
    return { ...match, endedAt: at };
  },
};

/** The same key for (a, b) and (b, a): what "one match per pair of users" is unique on. */
export function userPairKey(a: string, b: string): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}
