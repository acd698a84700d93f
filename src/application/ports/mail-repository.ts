import type { SelfMail } from '../../domain/mail/self-mail.js';
import type { Page, PageRequest } from '../../domain/shared/page.js';

export interface MailRepository {
  add(mail: SelfMail): Promise<void>;
  save(mail: SelfMail): Promise<void>;
  findById(id: string): Promise<SelfMail | null>;
  /** The user's mails, newest first. */
  listByOwner(userId: string, page: PageRequest): Promise<Page<SelfMail>>;
  /** Idempotent. */
  remove(id: string): Promise<void>;
}
