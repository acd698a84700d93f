import type { Swipe } from '../../domain/swiping/swipe.js';

export interface SwipeRepository {
  /** @throws {AlreadyJudgedError} when (sockId, targetSockId) exists (unique in the database) */
  add(swipe: Swipe): Promise<void>;
  find(sockId: string, targetSockId: string): Promise<Swipe | null>;
}
