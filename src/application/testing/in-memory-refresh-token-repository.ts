import type { RefreshToken } from '../../domain/auth/refresh-token.js';
import type { RefreshTokenRepository } from '../ports/refresh-token-repository.js';
import type { InMemoryDatabase } from './in-memory-database.js';

export class InMemoryRefreshTokenRepository implements RefreshTokenRepository {
  constructor(private readonly db: InMemoryDatabase) {}

  async add(token: RefreshToken): Promise<void> {
    this.db.tables.refreshTokens.set(token.id, token);
  }

  async findByHash(tokenHash: string): Promise<RefreshToken | null> {
    return [...this.db.tables.refreshTokens.values()].find((t) => t.tokenHash === tokenHash) ?? null;
  }

  async save(token: RefreshToken): Promise<void> {
    if (this.db.tables.refreshTokens.has(token.id)) this.db.tables.refreshTokens.set(token.id, token);
  }

  async revokeFamily(familyId: string, at: Date): Promise<void> {
    this.revokeWhere((t) => t.familyId === familyId, at);
  }

  async revokeAllOfUser(userId: string, at: Date): Promise<void> {
    this.revokeWhere((t) => t.userId === userId, at);
  }

  private revokeWhere(match: (t: RefreshToken) => boolean, at: Date): void {
    for (const [id, t] of this.db.tables.refreshTokens) {
      if (match(t) && t.revokedAt === null) this.db.tables.refreshTokens.set(id, { ...t, revokedAt: at });
    }
  }
}
