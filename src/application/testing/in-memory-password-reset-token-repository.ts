import type { PasswordResetToken } from '../../domain/auth/password-reset-token.js';
import type { PasswordResetTokenRepository } from '../ports/password-reset-token-repository.js';
import type { InMemoryDatabase } from './in-memory-database.js';

export class InMemoryPasswordResetTokenRepository implements PasswordResetTokenRepository {
  constructor(private readonly db: InMemoryDatabase) {}

  async add(token: PasswordResetToken): Promise<void> {
    this.db.tables.passwordResetTokens.set(token.id, token);
  }

  async findByHash(tokenHash: string): Promise<PasswordResetToken | null> {
    return [...this.db.tables.passwordResetTokens.values()].find((t) => t.tokenHash === tokenHash) ?? null;
  }

  async markUsed(id: string, at: Date): Promise<boolean> {
    const token = this.db.tables.passwordResetTokens.get(id);
    if (!token || token.usedAt !== null) return false;
    this.db.tables.passwordResetTokens.set(id, { ...token, usedAt: at });
    return true;
  }

  async invalidateAllOfUser(userId: string, at: Date): Promise<void> {
    for (const [id, t] of this.db.tables.passwordResetTokens) {
      if (t.userId === userId && t.usedAt === null) {
        this.db.tables.passwordResetTokens.set(id, { ...t, usedAt: at });
      }
    }
  }
}
