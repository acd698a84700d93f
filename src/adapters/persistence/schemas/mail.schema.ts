import { EntitySchema } from '@mikro-orm/core';
import { INSERTION_ORDER, INSTANT, NO_UPDATE_RULE, choiceOf } from './columns.js';

/** A row of `mails` (a user's mail to themselves); deleting the user deletes it. */
export interface MailRow {
  id: string;
  seq?: string;
  userId: string;
  subject: string;
  content: string;
  status: string;
  createdAt: Date;
  sentAt: Date | null;
}

export const MailSchema = new EntitySchema<MailRow>({
  name: 'MailRow',
  tableName: 'mails',
  properties: {
    id: { type: 'uuid', primary: true },
    seq: { ...INSERTION_ORDER },
    userId: {
      kind: 'm:1',
      entity: 'UserRow',
      mapToPk: true,
      fieldName: 'user_id',
      deleteRule: 'cascade',
      ...NO_UPDATE_RULE,
    },
    subject: { type: 'text' },
    content: { type: 'text' },
    status: choiceOf(['queued', 'sent', 'failed']),
    createdAt: { ...INSTANT },
    sentAt: { ...INSTANT, nullable: true },
  },
  indexes: [{ name: 'mails_user_id_index', properties: ['userId', 'createdAt', 'seq'] }],
});
