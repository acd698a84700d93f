export interface OutgoingEmail {
  /** Stable id of this email: sending the same id twice must not deliver it twice. */
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
