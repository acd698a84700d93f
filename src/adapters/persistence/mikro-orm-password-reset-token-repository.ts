import type { PasswordResetTokenRepository } from '../../application/ports/password-reset-token-repository.js';
import type { PasswordResetToken } from '../../domain/auth/password-reset-token.js';
import { isUuid } from './ids.js';
import {
  PasswordResetTokenSchema,
  type PasswordResetTokenRow,
} from './schemas/password-reset-token.schema.js';
import type { TransactionScope } from './transaction-scope.js';

/** Password-reset tokens in `password_reset_tokens`, found by the hash of the token (unique). */
export class MikroOrmPasswordResetTokenRepository implements PasswordResetTokenRepository {
  constructor(private readonly scope: TransactionScope) {}

  async add(token: PasswordResetToken): Promise<void> {
    await this.scope.use((em) => em.insert(PasswordResetTokenSchema, { ...token }));
  }

  async findByHash(tokenHash: string): Promise<PasswordResetToken | null> {
    const row = await this.scope.use((em) =>
      em.findOne(PasswordResetTokenSchema, { tokenHash }, { disableIdentityMap: true }),
    );
    return row ? toToken(row) : null;
  }

  /** A conditional UPDATE: of two concurrent resets with one link, exactly one gets true. */
  async markUsed(id: string, at: Date): Promise<boolean> {
    if (!isUuid(id)) return false;
    const updated = await this.scope.use((em) =>
      em.nativeUpdate(PasswordResetTokenSchema, { id, usedAt: null }, { usedAt: at }),
    );
    return updated === 1;
  }

  async invalidateAllOfUser(userId: string, at: Date): Promise<void> {
    if (!isUuid(userId)) return;
    await this.scope.use((em) =>
      em.nativeUpdate(PasswordResetTokenSchema, { userId, usedAt: null }, { usedAt: at }),
    );
  }
}

function toToken(row: PasswordResetTokenRow): PasswordResetToken {
  return {
    id: row.id,
    userId: row.userId,
    tokenHash: row.tokenHash,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    usedAt: row.usedAt,
  };
}
