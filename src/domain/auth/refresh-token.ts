/**
 * A refresh token, stored only as a hash. Tokens of one login form a family: each use spends
 * the token and issues its successor; presenting a spent token again means it was stolen, so
 * the whole family is revoked.
 */
export interface RefreshToken {
  readonly id: string;
  readonly userId: string;
  readonly familyId: string;
  readonly tokenHash: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly spentAt: Date | null;
  readonly revokedAt: Date | null;
}

export type Redemption = 'valid' | 'reused' | 'expired' | 'revoked';

export const RefreshToken = {
  issue(p: {
    id: string;
    userId: string;
    familyId: string;
    tokenHash: string;
    at: Date;
    ttlSeconds: number;
  }): RefreshToken {
    return {
      id: p.id,
      userId: p.userId,
      familyId: p.familyId,
      tokenHash: p.tokenHash,
      createdAt: p.at,
      expiresAt: new Date(p.at.getTime() + p.ttlSeconds * 1000),
      spentAt: null,
      revokedAt: null,
    };
  },

  /** What presenting this token at `at` means. */
  redeem(token: RefreshToken, at: Date): Redemption {
    if (token.revokedAt !== null) return 'revoked';
    if (token.spentAt !== null) return 'reused';
    if (token.expiresAt.getTime() <= at.getTime()) return 'expired';
    return 'valid';
  },

  spend(token: RefreshToken, at: Date): RefreshToken {
    return { ...token, spentAt: at };
  },
};
