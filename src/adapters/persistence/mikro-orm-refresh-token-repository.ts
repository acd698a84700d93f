import { LockMode } from '@mikro-orm/core';
import type { RefreshTokenRepository } from '../../application/ports/refresh-token-repository.js';
import type { RefreshToken } from '../../domain/auth/refresh-token.js';
import { isUuid } from './ids.js';
import { RefreshTokenSchema, type RefreshTokenRow } from './schemas/refresh-token.schema.js';
import type { TransactionScope } from './transaction-scope.js';

/** Refresh tokens in `refresh_tokens`, found by the hash of the token (unique). */
export class MikroOrmRefreshTokenRepository implements RefreshTokenRepository {
  constructor(private readonly scope: TransactionScope) {}

  async add(token: RefreshToken): Promise<void> {
    await this.scope.use((em) => em.insert(RefreshTokenSchema, toRow(token)));
  }

  /**
   * SELECT … FOR UPDATE: the row stays locked until the unit of work ends, so two concurrent
   * refreshes with the same token run one after the other, and the second sees it spent
   * (reuse → the family is revoked) instead of both spending it. Outside a unit of work the
   * lock ends with the call's own transaction.
   */
  async findByHash(tokenHash: string): Promise<RefreshToken | null> {
    const row = await this.scope.use((em) =>
      em.findOne(
        RefreshTokenSchema,
        { tokenHash },
        { lockMode: LockMode.PESSIMISTIC_WRITE, disableIdentityMap: true },
      ),
    );
    return row ? toToken(row) : null;
  }

  async save(token: RefreshToken): Promise<void> {
    const { id, userId: _userId, ...changes } = toRow(token);
    await this.scope.use((em) => em.nativeUpdate(RefreshTokenSchema, { id }, changes));
  }

  async revokeFamily(familyId: string, at: Date): Promise<void> {
    if (!isUuid(familyId)) return;
    await this.scope.use((em) =>
      em.nativeUpdate(RefreshTokenSchema, { familyId, revokedAt: null }, { revokedAt: at }),
    );
  }

  async revokeAllOfUser(userId: string, at: Date): Promise<void> {
    if (!isUuid(userId)) return;
    await this.scope.use((em) =>
      em.nativeUpdate(RefreshTokenSchema, { userId, revokedAt: null }, { revokedAt: at }),
    );
  }
}

function toRow(token: RefreshToken): RefreshTokenRow {
  return {
    id: token.id,
    userId: token.userId,
    familyId: token.familyId,
    tokenHash: token.tokenHash,
    createdAt: token.createdAt,
    expiresAt: token.expiresAt,
    spentAt: token.spentAt,
    revokedAt: token.revokedAt,
  };
}

function toToken(row: RefreshTokenRow): RefreshToken {
  return {
    id: row.id,
    userId: row.userId,
    familyId: row.familyId,
    tokenHash: row.tokenHash,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    spentAt: row.spentAt,
    revokedAt: row.revokedAt,
  };
}
