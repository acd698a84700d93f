import { EntitySchema } from '@mikro-orm/core';
import { INSTANT } from './columns.js';

/**
 * A row of `email_log`: an email accepted by the mail server, by its id (an outbox event's or a
 * self-mail's) and recipient (in lower case). No foreign keys: the log outlives what it names.
 */
export interface EmailLogRow {
  emailId: string;
  recipient: string;
  sentAt: Date;
}

export const EmailLogSchema = new EntitySchema<EmailLogRow>({
  name: 'EmailLogRow',
  tableName: 'email_log',
  properties: {
    emailId: { type: 'text', primary: true },
    recipient: { type: 'text', primary: true },
    sentAt: { ...INSTANT },
  },
});
