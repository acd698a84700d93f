import { DomainError } from '../shared/domain-error.js';

/** How long a password-reset link works. */
export const PASSWORD_RESET_TTL_SECONDS = 3600;

/**
 * A single-use permission to set a new password without the old one, sent by email. Only its
 * hash is stored: the link in the email is the only copy of the token.
 */
export interface PasswordResetToken {
  readonly id: string;
  readonly userId: string;
  readonly tokenHash: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  /** When it was spent (or voided by another reset); null while it still works. */
  readonly usedAt: Date | null;
}

export const PasswordResetToken = {
  issue(p: { id: string; userId: string; tokenHash: string; at: Date }): PasswordResetToken {
    return {
      id: p.id,
      userId: p.userId,
      tokenHash: p.tokenHash,
      createdAt: p.at,
      expiresAt: new Date(p.at.getTime() + PASSWORD_RESET_TTL_SECONDS * 1000),
      usedAt: null,
    };
  },

  /** True while the link may still be used at `at`. */
  isUsable(token: PasswordResetToken, at: Date): boolean {
    return token.usedAt === null && token.expiresAt.getTime() > at.getTime();
  },
};

/** Unknown, used or expired: the three are never told apart. */
export class InvalidPasswordResetTokenError extends DomainError {
  constructor() {
    super(
      'invalid',
      'AUTH.INVALID_RESET_TOKEN',
      'This password reset link is invalid or has expired. Please ask for a new one.',
      { field: 'token' },
    );
  }
}
