import nodemailer, { type Transporter } from 'nodemailer';
import type { EmailSender, OutgoingEmail } from '../../application/ports/email-sender.js';
import { toNodemailerMessage } from './nodemailer-message.js';
import { PermanentJobError } from './permanent-job-error.js';

/**
 * Delivers emails over SMTP. `smtpUrl` is nodemailer's connection URL, e.g.
 * `smtp://user:pass@mail.example:587` or `smtps://…:465`; options go in the query. Connections
 * are pooled (up to 5, each reused for 100 messages): the workers send several emails at once,
 * and a connection per email costs a handshake each (`?pool=false` turns pooling off). A failure is thrown, for the job to be retried; the retry carries the same
 * Message-ID (`<id@hotsox>`). A permanent refusal (an SMTP 5xx answer: no such mailbox, policy)
 * is a `PermanentJobError`: retrying cannot help. Temporary ones (4xx) and connection failures
 * are retried.
 */
export class NodemailerSmtpEmailSender implements EmailSender {
  private readonly transporter: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transporter = nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: 5 });
  }

  async send(email: OutgoingEmail): Promise<void> {
    try {
      await this.transporter.sendMail(toNodemailerMessage(email, this.from));
    } catch (error) {
      const code = (error as { responseCode?: unknown }).responseCode;
      if (typeof code === 'number' && code >= 500 && code < 600) {
        throw new PermanentJobError(
          `The mail server refused the email for good (${code}): ${messageOf(error)}`,
        );
      }
      throw error;
    }
  }

  /** Closes the pooled connections. */
  close(): void {
    this.transporter.close();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
