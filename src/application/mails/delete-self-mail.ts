import { MailNotFoundError } from '../../domain/mail/self-mail.js';
import type { MailRepository } from '../ports/mail-repository.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';

export interface DeleteSelfMailInput {
  readonly userId: string;
  readonly mailId: string;
}

/** Deletes one of the caller's mails. A queued mail deleted in time is never sent. */
export class DeleteSelfMail {
  constructor(
    private readonly mails: MailRepository,
    private readonly uow: UnitOfWork,
  ) {}

  /** @throws {MailNotFoundError} when the mail does not exist or is someone else's */
  async execute(input: DeleteSelfMailInput): Promise<void> {
    await this.uow.run(async () => {
      const mail = await this.mails.findById(input.mailId);
      if (!mail || mail.userId !== input.userId) throw new MailNotFoundError();
      await this.mails.remove(mail.id);
    });
  }
}
