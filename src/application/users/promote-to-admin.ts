import { UserNotFoundError } from '../../domain/user/user-errors.js';
import { User } from '../../domain/user/user.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import type { UserRepository } from '../ports/user-repository.js';
import { accountView } from '../shared/view-builders.js';
import type { AccountView } from '../shared/views.js';

export interface PromoteToAdminInput {
  readonly username: string;
}

/** Makes an existing user an administrator (the `admin:create` script). Idempotent. */
export class PromoteToAdmin {
  constructor(
    private readonly users: UserRepository,
    private readonly uow: UnitOfWork,
  ) {}

  /** @throws {UserNotFoundError} */
  async execute(input: PromoteToAdminInput): Promise<AccountView> {
    return this.uow.run(async () => {
      const user = await this.users.findByUsername(input.username);
      if (!user) throw new UserNotFoundError();
      const promoted = User.promoteToAdmin(user);
      await this.users.save(promoted);
      return accountView(promoted);
    });
  }
}
