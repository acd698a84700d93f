import type { SelfMail } from '../../domain/mail/self-mail.js';
import type { Page, PageRequest } from '../../domain/shared/page.js';
import type { MailRepository } from '../ports/mail-repository.js';
import { paginate, type InMemoryDatabase } from './in-memory-database.js';

export class InMemoryMailRepository implements MailRepository {
  constructor(private readonly db: InMemoryDatabase) {}

  async add(mail: SelfMail): Promise<void> {
    this.db.stamp(mail.id);
    this.db.tables.mails.set(mail.id, mail);
  }

  async save(mail: SelfMail): Promise<void> {
    if (this.db.tables.mails.has(mail.id)) this.db.tables.mails.set(mail.id, mail);
  }

  async findById(id: string): Promise<SelfMail | null> {
    return this.db.tables.mails.get(id) ?? null;
  }

  async listByOwner(userId: string, page: PageRequest): Promise<Page<SelfMail>> {
    const own = [...this.db.tables.mails.values()]
      .filter((m) => m.userId === userId)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || this.db.seq(b.id) - this.db.seq(a.id));
    return paginate(own, page);
  }

  async remove(id: string): Promise<void> {
    this.db.tables.mails.delete(id);
  }
}
