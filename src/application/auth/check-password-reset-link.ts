import { PasswordResetToken } from '../../domain/auth/password-reset-token.js';
import type { Clock } from '../ports/clock.js';
import type { PasswordResetTokenRepository } from '../ports/password-reset-token-repository.js';
import type { SecretTokens } from '../ports/secret-tokens.js';

/** Whether a reset link still works, so the page can say so before a new password is typed. */
export class CheckPasswordResetLink {
  constructor(
    private readonly resetTokens: PasswordResetTokenRepository,
    private readonly secretTokens: SecretTokens,
    private readonly clock: Clock,
  ) {}

  async execute(token: string): Promise<boolean> {
    const found = await this.resetTokens.findByHash(this.secretTokens.hash(token));
    return found !== null && PasswordResetToken.isUsable(found, this.clock.now());
  }
}
