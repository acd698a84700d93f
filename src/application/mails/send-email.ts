import type { EmailSender, OutgoingEmail } from '../ports/email-sender.js';

/**
 * The worker's job for an 'email.send' event, once the email is rendered: sends it through the
 * once-only sender (`OnceOnlyEmailSender`), so running the job again sends nothing twice.
 */
export class SendEmail {
  constructor(private readonly onceOnly: EmailSender) {}

  /** @throws what the mail server answered, for a retry (nothing is logged then) */
  async execute(email: OutgoingEmail): Promise<void> {
    await this.onceOnly.send(email);
  }
}
