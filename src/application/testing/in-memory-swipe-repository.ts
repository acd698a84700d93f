import { SockNotFoundError } from '../../domain/sock/sock-errors.js';
import { AlreadyJudgedError } from '../../domain/swiping/swiping-errors.js';
import type { Swipe } from '../../domain/swiping/swipe.js';
import type { SwipeContext, SwipeRepository } from '../ports/swipe-repository.js';
import { swipeKey, type InMemoryDatabase } from './in-memory-database.js';

export class InMemorySwipeRepository implements SwipeRepository {
  constructor(private readonly db: InMemoryDatabase) {}

  async loadSwipeContext(userId: string, sockId: string, targetSockId: string): Promise<SwipeContext | null> {
    const t = this.db.tables;
    const own = t.socks.get(sockId);
    const target = t.socks.get(targetSockId);
    if (!own || own.ownerId !== userId || !target) return null;
    const targetPictureCount = [...t.pictures.values()].filter((p) => p.sockId === targetSockId).length;
    return { own, target, targetPictureCount, earlier: t.swipes.get(swipeKey(sockId, targetSockId)) ?? null };
  }

  async add(swipe: Swipe): Promise<void> {
    const key = swipeKey(swipe.sockId, swipe.targetSockId);
    if (this.db.tables.swipes.has(key)) throw new AlreadyJudgedError();
    if (!this.db.tables.socks.has(swipe.sockId) || !this.db.tables.socks.has(swipe.targetSockId)) {
      throw new SockNotFoundError();
    }
    this.db.tables.swipes.set(key, swipe);
    this.db.tables.deckEntries.delete(key);
  }

  async find(sockId: string, targetSockId: string): Promise<Swipe | null> {
    return this.db.tables.swipes.get(swipeKey(sockId, targetSockId)) ?? null;
  }

  async judgedBy(sockId: string): Promise<string[]> {
    return [...this.db.tables.swipes.values()].filter((s) => s.sockId === sockId).map((s) => s.targetSockId);
  }
}
