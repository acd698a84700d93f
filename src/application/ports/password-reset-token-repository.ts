import type { PasswordResetToken } from '../../domain/auth/password-reset-token.js';

/**
 * Password-reset tokens, stored by hash (`tokenHash` unique). A user's tokens go with the user
 * (deleting the user deletes them). Every call runs inside the caller's unit of work.
 */
export interface PasswordResetTokenRepository {
  /** Stores a new token. */
  add(token: PasswordResetToken): Promise<void>;
  /** The token with this hash, whether used or expired; null when there is none. */
  findByHash(tokenHash: string): Promise<PasswordResetToken | null>;
  /**
   * Spends the token: sets `usedAt = at` only where it is still null (a conditional update).
   * @returns true when this call spent it, false when it was already used or does not exist,
   *   so that two concurrent resets with one link cannot both succeed
   */
  markUsed(id: string, at: Date): Promise<boolean>;
  /** Sets `usedAt = at` on every still-unused token of the user (older links die). Idempotent. */
  invalidateAllOfUser(userId: string, at: Date): Promise<void>;
}
