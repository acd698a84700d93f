import type { Swipe } from '../../domain/swiping/swipe.js';

export interface SwipeRepository {
  /**
   * @throws {AlreadyJudgedError} when (sockId, targetSockId) exists (unique in the database)
   * @throws {SockNotFoundError} when either sock no longer exists (deleted since it was read)
   */
  add(swipe: Swipe): Promise<void>;
  find(sockId: string, targetSockId: string): Promise<Swipe | null>;
  /** The ids of every sock `sockId` has judged, in any order. */
  judgedBy(sockId: string): Promise<string[]>;
}
