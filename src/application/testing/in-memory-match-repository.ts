import { userPairKey, type Match } from '../../domain/matching/match.js';
import type { Page, PageRequest } from '../../domain/shared/page.js';
import type { Swipe } from '../../domain/swiping/swipe.js';
import type { MatchRepository, PairState } from '../ports/match-repository.js';
import { paginate, swipeKey, type InMemoryDatabase } from './in-memory-database.js';

export class InMemoryMatchRepository implements MatchRepository {
  constructor(private readonly db: InMemoryDatabase) {}

  /** The in-memory unit of work runs one unit at a time, so there is nothing to wait for. */
  async lockPair(): Promise<void> {}

  async findPairState(like: Swipe, likerId: string, targetOwnerId: string): Promise<PairState> {
    return {
      reverse: this.db.tables.swipes.get(swipeKey(like.targetSockId, like.sockId)) ?? null,
      existing: await this.findBetween(likerId, targetOwnerId),
    };
  }

  async add(match: Match): Promise<boolean> {
    if (await this.findBetween(match.initiator.userId, match.partner.userId)) return false;
    this.db.stamp(match.id);
    this.db.tables.matches.set(match.id, match);
    return true;
  }

  async save(match: Match): Promise<void> {
    if (this.db.tables.matches.has(match.id)) this.db.tables.matches.set(match.id, match);
  }

  async findById(id: string): Promise<Match | null> {
    return this.db.tables.matches.get(id) ?? null;
  }

  async findBetween(userA: string, userB: string): Promise<Match | null> {
    const key = userPairKey(userA, userB);
    return (
      [...this.db.tables.matches.values()].find(
        (m) => userPairKey(m.initiator.userId, m.partner.userId) === key,
      ) ?? null
    );
  }

  async partnersOf(userId: string): Promise<string[]> {
    return [...this.db.tables.matches.values()].flatMap((m) =>
      m.initiator.userId === userId
        ? [m.partner.userId]
        : m.partner.userId === userId
          ? [m.initiator.userId]
          : [],
    );
  }

  async listActiveFor(userId: string, page: PageRequest): Promise<Page<Match>> {
    const active = [...this.db.tables.matches.values()]
      .filter((m) => m.endedAt === null && (m.initiator.userId === userId || m.partner.userId === userId))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || this.db.seq(b.id) - this.db.seq(a.id));
    return paginate(active, page);
  }
}
