import type { SelfMail } from '../../domain/mail/self-mail.js';
import type { Page, PageRequest } from '../../domain/shared/page.js';
import type { MailRepository } from '../ports/mail-repository.js';

export interface ListSelfMailsInput {
  readonly userId: string;
  readonly page: PageRequest;
}

/** The caller's own mails, newest first. */
export class ListSelfMails {
  constructor(private readonly mails: MailRepository) {}

  async execute(input: ListSelfMailsInput): Promise<Page<SelfMail>> {
    return this.mails.listByOwner(input.userId, input.page);
  }
}
