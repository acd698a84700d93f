import type { Match } from '../../domain/matching/match.js';
import type { Page, PageRequest } from '../../domain/shared/page.js';

export interface MatchRepository {
  /**
   * Serialises units of work that may create a match between these two users (in either
   * order): a second caller waits until the first unit of work ends. Makes check-then-create
   * race-free.
   */
  lockPair(userA: string, userB: string): Promise<void>;
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
