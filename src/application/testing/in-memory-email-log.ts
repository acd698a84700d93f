import type { EmailLog } from '../ports/email-log.js';
import type { InMemoryDatabase } from './in-memory-database.js';

export class InMemoryEmailLog implements EmailLog {
  constructor(private readonly db: InMemoryDatabase) {}

  async wasSent(emailId: string, recipient: string): Promise<boolean> {
    return this.db.tables.emailLog.has(keyOf(emailId, recipient));
  }

  async recordSent(emailId: string, recipient: string, at: Date): Promise<void> {
    const key = keyOf(emailId, recipient);
    if (!this.db.tables.emailLog.has(key)) this.db.tables.emailLog.set(key, at);
  }
}

const keyOf = (emailId: string, recipient: string) => `${emailId} ${recipient.toLowerCase()}`;
