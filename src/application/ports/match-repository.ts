import type { Match } from '../../domain/matching/match.js';
import type { Page, PageRequest } from '../../domain/shared/page.js';
import type { Swipe } from '../../domain/swiping/swipe.js';

/** What decides whether a like completes a match (see `Match.ifMutual`). */
export interface PairState {
  /** The target sock's swipe on the liker's sock, if it made one. */
  readonly reverse: Swipe | null;
  /** The match the two users already have, active or ended. */
  readonly existing: Match | null;
}

export interface MatchRepository {
  /**
   * Serialises units of work that may create a match between these two users (in either
   * order): a second caller waits until the first unit of work ends. Makes check-then-create
   * race-free.
   */
  lockPair(userA: string, userB: string): Promise<void>;
  /**
   * The swipe of `like.targetSockId` on `like.sockId` and the match between `likerId` and
   * `targetOwnerId`, read in one go. Call it after `lockPair`: it then sees every swipe and
   * match committed by the units that held the lock before.
   */
  findPairState(like: Swipe, likerId: string, targetOwnerId: string): Promise<PairState>;
  /**
   * Adds the match unless the pair already has one (active or ended).
   * @returns false when the pair already had a match (nothing was written)
   */
  add(match: Match): Promise<boolean>;
  /** Stores the end of a match. */
  save(match: Match): Promise<void>;
  findById(id: string): Promise<Match | null>;
  /** The match of these two users, active or ended, in either order. */
  findBetween(userA: string, userB: string): Promise<Match | null>;
  /** The users `userId` has (or had: ended matches count) a match with, in any order. */
  partnersOf(userId: string): Promise<string[]>;
  /** The user's active matches, newest first. */
  listActiveFor(userId: string, page: PageRequest): Promise<Page<Match>>;
}
