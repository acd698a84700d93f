import { DomainError, InvalidValueError } from '../shared/domain-error.js';

export const MAIL_RULES = { subject: { min: 1, max: 200 }, content: { min: 1, max: 10_000 } } as const;

export type MailStatus = 'queued' | 'sent' | 'failed';

/** An email a user sends to their own address: the background workers' demonstration. */
export interface SelfMail {
  readonly id: string;
  readonly userId: string;
  readonly subject: string;
  readonly content: string;
  readonly status: MailStatus;
  readonly createdAt: Date;
  readonly sentAt: Date | null;
}

export interface ComposeMailProps {
  readonly id: string;
  readonly userId: string;
  readonly subject: string;
  readonly content: string;
  readonly at: Date;
}

export const SelfMail = {
  /** @throws {InvalidValueError} */
  compose(p: ComposeMailProps): SelfMail {
    const subject = p.subject.trim();
    const content = p.content.trim();
    assertLength('subject', subject, MAIL_RULES.subject);
    assertLength('content', content, MAIL_RULES.content);
    return { id: p.id, userId: p.userId, subject, content, status: 'queued', createdAt: p.at, sentAt: null };
  },

  /** Idempotent: a mail that was already sent keeps its first `sentAt`. */
  markSent(mail: SelfMail, at: Date): SelfMail {
    return mail.status === 'sent' ? mail : { ...mail, status: 'sent', sentAt: at };
  },

  markFailed(mail: SelfMail): SelfMail {
    return mail.status === 'sent' ? mail : { ...mail, status: 'failed' };
  },
};

function assertLength(field: string, value: string, rule: { min: number; max: number }): void {
  if (value.length < rule.min || value.length > rule.max) {
    throw new InvalidValueError(field, `${field} must be ${rule.min}–${rule.max} characters.`);
  }
}

export class MailNotFoundError extends DomainError {
  constructor() {
    super('not-found', 'MAIL.NOT_FOUND', 'No such mail.');
  }
}
