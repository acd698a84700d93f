import { assertPasswordPolicy } from '../../domain/user/password-policy.js';
import { UserNotFoundError, WrongPasswordError } from '../../domain/user/user-errors.js';
import { User } from '../../domain/user/user.js';
import type { Clock } from '../ports/clock.js';
import type { PasswordHasher } from '../ports/password-hasher.js';
import type { RefreshTokenRepository } from '../ports/refresh-token-repository.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import type { UserRepository } from '../ports/user-repository.js';

export interface ChangePasswordInput {
  readonly userId: string;
  readonly currentPassword: string;
  readonly newPassword: string;
}

/** A new password, proven by the current one; every login of the user ends. */
export class ChangePassword {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** @throws {InvalidValueError | UserNotFoundError | WrongPasswordError} */
  async execute(input: ChangePasswordInput): Promise<void> {
    assertPasswordPolicy(input.newPassword, 'newPassword');
    const user = await this.users.findById(input.userId);
    if (!user) throw new UserNotFoundError();
    if (!(await this.hasher.verify(user.passwordHash, input.currentPassword))) throw new WrongPasswordError();
    // Hashing is slow on purpose: done before the transaction, which then re-reads the user.
    const passwordHash = await this.hasher.hash(input.newPassword);
    await this.uow.run(async () => {
      const current = await this.users.findById(user.id);
      if (!current) throw new UserNotFoundError();
      await this.users.save(User.changePasswordHash(current, passwordHash));
      await this.refreshTokens.revokeAllOfUser(user.id, this.clock.now());
    });
  }
}
