import {
  InvalidPasswordResetTokenError,
  PasswordResetToken,
} from '../../domain/auth/password-reset-token.js';
import { assertPasswordPolicy } from '../../domain/user/password-policy.js';
import { User } from '../../domain/user/user.js';
import type { Clock } from '../ports/clock.js';
import type { PasswordHasher } from '../ports/password-hasher.js';
import type { PasswordResetTokenRepository } from '../ports/password-reset-token-repository.js';
import type { RefreshTokenRepository } from '../ports/refresh-token-repository.js';
import type { SecretTokens } from '../ports/secret-tokens.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import type { UserRepository } from '../ports/user-repository.js';

export interface ResetPasswordInput {
  /** The token from the emailed link. */
  readonly token: string;
  readonly newPassword: string;
}

/**
 * Sets a new password through an emailed link: the link is spent (with every other link of the
 * user) and every login of the user ends.
 */
export class ResetPassword {
  constructor(
    private readonly users: UserRepository,
    private readonly resetTokens: PasswordResetTokenRepository,
    private readonly hasher: PasswordHasher,
    private readonly secretTokens: SecretTokens,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** @throws {InvalidValueError | InvalidPasswordResetTokenError} */
  async execute(input: ResetPasswordInput): Promise<void> {
    assertPasswordPolicy(input.newPassword, 'newPassword');
    const found = await this.resetTokens.findByHash(this.secretTokens.hash(input.token));
    if (!found || !PasswordResetToken.isUsable(found, this.clock.now())) {
      throw new InvalidPasswordResetTokenError();
    }
    // Hashing is slow on purpose: done before the transaction.
    const passwordHash = await this.hasher.hash(input.newPassword);
    await this.uow.run(async () => {
      const now = this.clock.now();
      // The conditional update decides between two concurrent uses of one link.
      if (!(await this.resetTokens.markUsed(found.id, now))) throw new InvalidPasswordResetTokenError();
      const user = await this.users.findById(found.userId);
      if (!user) throw new InvalidPasswordResetTokenError();
      await this.users.save(User.changePasswordHash(user, passwordHash));
      await this.resetTokens.invalidateAllOfUser(user.id, now);
      await this.refreshTokens.revokeAllOfUser(user.id, now);
    });
  }
}
