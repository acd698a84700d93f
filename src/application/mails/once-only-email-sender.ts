import type { Clock } from '../ports/clock.js';
import type { EmailLog } from '../ports/email-log.js';
import type { EmailSender, OutgoingEmail } from '../ports/email-sender.js';

/**
 * Sends each email (by id and recipient) once, whatever runs its job again: skips an email the
 * log has, and records one as soon as the mail server accepted it. What remains is the moment
 * between the server's acceptance and the record (a crash there sends it again, under the same
 * Message-ID, which receivers may use to drop the copy).
 */
export class OnceOnlyEmailSender implements EmailSender {
  constructor(
    private readonly sender: EmailSender,
    private readonly log: EmailLog,
    private readonly clock: Clock,
  ) {}

  /**
   * The read and the record are one statement each, outside a unit of work (no transaction
   * round trips: a worker sends many emails a second).
   * @throws what the sender throws (nothing is recorded then, so a retry sends it)
   */
  async send(email: OutgoingEmail): Promise<void> {
    if (await this.log.wasSent(email.id, email.to)) return;
    await this.sender.send(email);
    await this.log.recordSent(email.id, email.to, this.clock.now());
  }
}
