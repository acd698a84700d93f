import { SelfMail } from '../../domain/mail/self-mail.js';
import type { Clock } from '../ports/clock.js';
import type { EmailSender } from '../ports/email-sender.js';
import type { MailRepository } from '../ports/mail-repository.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import type { UserRepository } from '../ports/user-repository.js';

export interface DeliverSelfMailInput {
  readonly mailId: string;
}

/**
 * The worker's job for a 'self-mail.send' event: sends the mail to its owner's address and marks
 * it sent. Safe to run more than once: a mail already sent, deleted, or whose owner is gone is
 * skipped, and the email's id is the mail's id. A delivery failure is rethrown for a retry.
 */
export class DeliverSelfMail {
  constructor(
    private readonly mails: MailRepository,
    private readonly users: UserRepository,
    private readonly emailSender: EmailSender,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: DeliverSelfMailInput): Promise<void> {
    const mail = await this.mails.findById(input.mailId);
    if (!mail || mail.status === 'sent') return;
    const owner = await this.users.findById(mail.userId);
    if (!owner) return;
    await this.emailSender.send({
      id: mail.id,
      to: owner.email,
      subject: mail.subject,
      text: mail.content,
      html: `<p>${escapeHtml(mail.content).replace(/\r?\n/g, '<br>')}</p>`,
    });
    await this.uow.run(async () => {
      const current = await this.mails.findById(mail.id);
      if (current) await this.mails.save(SelfMail.markSent(current, this.clock.now()));
    });
  }
}

/** The content is the user's own text: it must reach the inbox as text, never as markup. */
function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
