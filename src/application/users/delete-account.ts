import { UserNotFoundError } from '../../domain/user/user-errors.js';
import type { Outbox } from '../ports/outbox.js';
import type { PictureRepository } from '../ports/picture-repository.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import type { UserRepository } from '../ports/user-repository.js';

/**
 * Deletes the account and everything it owns (socks, pictures, swipes, matches, messages,
 * mails, refresh tokens: the repository cascades), queues the removal of the picture files
 * and a goodbye email.
 */
export class DeleteAccount {
  constructor(
    private readonly users: UserRepository,
    private readonly pictures: PictureRepository,
    private readonly outbox: Outbox,
    private readonly uow: UnitOfWork,
  ) {}

  /** @throws {UserNotFoundError} */
  async execute(userId: string): Promise<void> {
    await this.uow.run(async () => {
      const user = await this.users.findById(userId);
      if (!user) throw new UserNotFoundError();
      const keys = (await this.pictures.listAllOfUser(user.id)).map((p) => p.key);
      await this.users.remove(user.id);
      if (keys.length > 0) await this.outbox.add({ type: 'picture-files.delete', keys });
      // Always sent, whatever `notifications` says: it confirms a security-relevant action.
      await this.outbox.add({
        type: 'email.send',
        to: { email: user.email, username: user.username },
        template: 'account-deleted',
        data: {},
      });
    });
  }
}
