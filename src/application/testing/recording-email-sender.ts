import type { EmailSender, OutgoingEmail } from '../ports/email-sender.js';

/** Records every email it is asked to send, duplicates included (the email log prevents those). */
export class RecordingEmailSender implements EmailSender {
  readonly sent: OutgoingEmail[] = [];
  failNext = 0;

  async send(email: OutgoingEmail): Promise<void> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('SMTP unavailable');
    }
    this.sent.push(email);
  }
}
