/**
 * Which emails went out, by the email's id (its outbox event's or self-mail's id) and
 * recipient. The worker looks here before it sends and records after the server accepted the
 * email, so running an email's job again (a retry, a worker killed after sending, a job
 * dispatched twice) sends nothing twice. Each method is one statement: callable outside a unit
 * of work.
 */
export interface EmailLog {
  /** True when the email `emailId` was already accepted for `recipient` (case-insensitive). */
  wasSent(emailId: string, recipient: string): Promise<boolean>;
  /** Records that it was accepted; recording it again changes nothing. */
  recordSent(emailId: string, recipient: string, at: Date): Promise<void>;
}
