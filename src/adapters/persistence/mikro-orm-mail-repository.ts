import type { MailRepository } from '../../application/ports/mail-repository.js';
import type { MailStatus, SelfMail } from '../../domain/mail/self-mail.js';
import type { Page, PageRequest } from '../../domain/shared/page.js';
import { isUuid } from './ids.js';
import { limitOffset, pageOf } from './pages.js';
import { MailSchema, type MailRow } from './schemas/mail.schema.js';
import type { TransactionScope } from './transaction-scope.js';

/** Self-mails in `mails`. */
export class MikroOrmMailRepository implements MailRepository {
  constructor(private readonly scope: TransactionScope) {}

  async add(mail: SelfMail): Promise<void> {
    await this.scope.use((em) => em.insert(MailSchema, toRow(mail)));
  }

  async save(mail: SelfMail): Promise<void> {
    const { id, userId: _userId, createdAt: _createdAt, ...changes } = toRow(mail);
    await this.scope.use((em) => em.nativeUpdate(MailSchema, { id }, changes));
  }

  async findById(id: string): Promise<SelfMail | null> {
    if (!isUuid(id)) return null;
    const row = await this.scope.use((em) => em.findOne(MailSchema, { id }, { disableIdentityMap: true }));
    return row ? toMail(row) : null;
  }

  async listByOwner(userId: string, page: PageRequest): Promise<Page<SelfMail>> {
    if (!isUuid(userId)) return pageOf([], 0, page);
    const [rows, total] = await this.scope.use((em) =>
      em.findAndCount(
        MailSchema,
        { userId },
        { orderBy: { createdAt: 'desc', seq: 'desc' }, ...limitOffset(page), disableIdentityMap: true },
      ),
    );
    return pageOf(rows.map(toMail), total, page);
  }

  async remove(id: string): Promise<void> {
    if (!isUuid(id)) return;
    await this.scope.use((em) => em.nativeDelete(MailSchema, { id }));
  }
}

function toRow(mail: SelfMail): MailRow {
  return {
    id: mail.id,
    userId: mail.userId,
    subject: mail.subject,
    content: mail.content,
    status: mail.status,
    createdAt: mail.createdAt,
    sentAt: mail.sentAt,
  };
}

function toMail(row: MailRow): SelfMail {
  return {
    id: row.id,
    userId: row.userId,
    subject: row.subject,
    content: row.content,
    status: row.status as MailStatus,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
  };
}
