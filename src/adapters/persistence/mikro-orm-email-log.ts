import type { EmailLog } from '../../application/ports/email-log.js';
import { EmailLogSchema } from './schemas/email-log.schema.js';
import type { TransactionScope } from './transaction-scope.js';

/** The email log in `email_log`, one row per email id and recipient (lower case). */
export class MikroOrmEmailLog implements EmailLog {
  constructor(private readonly scope: TransactionScope) {}

  async wasSent(emailId: string, recipient: string): Promise<boolean> {
    const count = await this.scope.use((em) =>
      em.count(EmailLogSchema, { emailId, recipient: recipient.toLowerCase() }),
    );
    return count > 0;
  }

  /** INSERT … ON CONFLICT DO NOTHING: recording twice (two racing jobs) is never an error. */
  async recordSent(emailId: string, recipient: string, at: Date): Promise<void> {
    await this.scope.use((em) =>
      em.execute(
        'insert into email_log (email_id, recipient, sent_at) values (?, ?, ?) on conflict do nothing',
        [emailId, recipient.toLowerCase(), at],
        'run',
      ),
    );
  }
}
