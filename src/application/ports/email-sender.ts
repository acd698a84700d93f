export interface OutgoingEmail {
  /**
   * Stable id of this email (its Message-ID): sent again, it carries the same id. Sending it
   * once per recipient is `OnceOnlyEmailSender`'s job, with the email log.
   */
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** Delivers emails (SMTP, or `.eml` files on the embedded defaults). */
export interface EmailSender {
  /** @throws on a delivery failure, so that the caller can retry */
  send(email: OutgoingEmail): Promise<void>;
}
