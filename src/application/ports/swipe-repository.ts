import type { Sock } from '../../domain/sock/sock.js';
import type { Swipe } from '../../domain/swiping/swipe.js';

/** What judging one sock on behalf of another needs to know (see `Swipe.judge`). */
export interface SwipeContext {
  /** The caller's sock, on whose behalf the swipe is made. */
  readonly own: Sock;
  readonly target: Sock;
  readonly targetPictureCount: number;
  /** The swipe `own` already made on `target`, if any. */
  readonly earlier: Swipe | null;
}

export interface SwipeRepository {
  /**
   * Everything a swipe of `sockId` on `targetSockId` needs, read in one go.
   * @returns null when `sockId` is not a sock of `userId` (unknown or someone else's) or
   *   `targetSockId` is unknown; never throws for such ids
   */
  loadSwipeContext(userId: string, sockId: string, targetSockId: string): Promise<SwipeContext | null>;
  /**
   * Records the swipe and takes the target out of the deck of `swipe.sockId` (a judged sock is
   * no card any more); the deck is left alone when nothing was recorded.
   * @throws {AlreadyJudgedError} when (sockId, targetSockId) exists (unique in the database); the
   *   unit of work stays usable
   * @throws {SockNotFoundError} when either sock no longer exists (deleted since it was read);
   *   the unit of work can then only roll back, so let the error end it
   */
  add(swipe: Swipe): Promise<void>;
  find(sockId: string, targetSockId: string): Promise<Swipe | null>;
  /** The ids of every sock `sockId` has judged, in any order. */
  judgedBy(sockId: string): Promise<string[]>;
}
