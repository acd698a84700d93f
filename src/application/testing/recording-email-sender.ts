import type { EmailSender, OutgoingEmail } from '../ports/email-sender.js';

export class RecordingEmailSender implements EmailSender {
  readonly sent: OutgoingEmail[] = [];
  failNext = 0;

  async send(email: OutgoingEmail): Promise<void> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('SMTP unavailable');
    }
    if (!this.sent.some((e) => e.id === email.id)) this.sent.push(email);
  }
}
