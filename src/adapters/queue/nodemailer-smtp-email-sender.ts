import nodemailer, { type Transporter } from 'nodemailer';
import type { EmailSender, OutgoingEmail } from '../../application/ports/email-sender.js';
import { toNodemailerMessage } from './nodemailer-message.js';

/**
 * Delivers emails over SMTP. `smtpUrl` is nodemailer's connection URL, e.g.
 * `smtp://user:pass@mail.example:587` or `smtps://…:465`; options go in the query
 * (`?pool=true`). A failure is thrown, for the job to be retried; the retry carries the same
 * Message-ID (`<id@hotsox>`).
 */
export class NodemailerSmtpEmailSender implements EmailSender {
  private readonly transporter: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transporter = nodemailer.createTransport(smtpUrl);
  }

  async send(email: OutgoingEmail): Promise<void> {
    await this.transporter.sendMail(toNodemailerMessage(email, this.from));
  }

  /** Closes pooled connections (a no-op without `pool=true`). */
  close(): void {
    this.transporter.close();
  }
}
