import type { Page, PageRequest } from '../../domain/shared/page.js';
import type { Sock } from '../../domain/sock/sock.js';
import { isCandidate } from '../../domain/swiping/candidate.js';
import { numericScore } from '../../domain/swiping/similarity-score.js';
import type { ShortlistRow, SockRepository } from '../ports/sock-repository.js';
import { paginate, swipeKey, type InMemoryDatabase } from './in-memory-database.js';

export class InMemorySockRepository implements SockRepository {
  constructor(private readonly db: InMemoryDatabase) {}

  async add(sock: Sock): Promise<void> {
    this.db.stamp(sock.id);
    this.db.tables.socks.set(sock.id, sock);
  }

  async save(sock: Sock): Promise<void> {
    if (this.db.tables.socks.has(sock.id)) this.db.tables.socks.set(sock.id, sock);
  }

  async findById(id: string): Promise<Sock | null> {
    return this.db.tables.socks.get(id) ?? null;
  }

  async findManyByIds(ids: readonly string[]): Promise<Sock[]> {
    return ids.flatMap((id) => this.db.tables.socks.get(id) ?? []);
  }

  async findOwned(ownerId: string, sockId: string): Promise<Sock | null> {
    const sock = this.db.tables.socks.get(sockId);
    return sock && sock.ownerId === ownerId ? sock : null;
  }

  async listByOwner(ownerId: string, page: PageRequest): Promise<Page<Sock>> {
    const own = [...this.db.tables.socks.values()]
      .filter((s) => s.ownerId === ownerId)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || this.db.seq(b.id) - this.db.seq(a.id));
    return paginate(own, page);
  }

  async remove(id: string): Promise<void> {
    this.db.cascadeSock(id);
  }

  /** Returns every candidate: a shortlist that trivially contains the best ones. */
  async shortlistCandidates(sock: Sock): Promise<ShortlistRow[]> {
    const t = this.db.tables;
    const matchedWith = new Set<string>();
    for (const m of t.matches.values()) {
      if (m.initiator.userId === sock.ownerId) matchedWith.add(m.partner.userId);
      if (m.partner.userId === sock.ownerId) matchedWith.add(m.initiator.userId);
    }
    const rows: ShortlistRow[] = [];
    for (const other of t.socks.values()) {
      const owner = t.users.get(other.ownerId);
      if (!owner) continue;
      const facts = {
        ownerId: other.ownerId,
        pictureCount: [...t.pictures.values()].filter((p) => p.sockId === other.id).length,
        judgedByOwnSock: t.swipes.has(swipeKey(sock.id, other.id)),
        ownerEverMatchedUser: matchedWith.has(other.ownerId),
      };
      if (!isCandidate(sock.ownerId, facts)) continue;
      rows.push({
        sock: other,
        owner: {
          id: owner.id,
          username: owner.username,
          firstName: owner.firstName,
          birthday: owner.birthday,
          city: owner.city,
          location: owner.location,
        },
        numericScore: numericScore(sock, other),
      });
    }
    return rows;
  }
}
