import { SelfMail } from '../../domain/mail/self-mail.js';
import type { MailRepository } from '../ports/mail-repository.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';

export interface MarkSelfMailFailedInput {
  readonly mailId: string;
}

/** The worker gave up after its last retry. A mail sent meanwhile, or deleted, stays as it is. */
export class MarkSelfMailFailed {
  constructor(
    private readonly mails: MailRepository,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(input: MarkSelfMailFailedInput): Promise<void> {
    await this.uow.run(async () => {
      const mail = await this.mails.findById(input.mailId);
      if (mail) await this.mails.save(SelfMail.markFailed(mail));
    });
  }
}
