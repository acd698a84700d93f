import { EntitySchema } from '@mikro-orm/core';
import { INSERTION_ORDER, INSTANT, NO_UPDATE_RULE } from './columns.js';

/** A row of `messages`; deleting the match or the sender deletes it. */
export interface MessageRow {
  id: string;
  seq?: string;
  matchId: string;
  senderId: string;
  text: string;
  sentAt: Date;
  seenAt: Date | null;
  clientId: string | null;
}

export const MessageSchema = new EntitySchema<MessageRow>({
  name: 'MessageRow',
  tableName: 'messages',
  properties: {
    id: { type: 'uuid', primary: true },
    seq: { ...INSERTION_ORDER },
    matchId: {
      kind: 'm:1',
      entity: 'MatchRow',
      mapToPk: true,
      fieldName: 'match_id',
      deleteRule: 'cascade',
      ...NO_UPDATE_RULE,
    },
    senderId: {
      kind: 'm:1',
      entity: 'UserRow',
      mapToPk: true,
      fieldName: 'sender_id',
      deleteRule: 'cascade',
      ...NO_UPDATE_RULE,
    },
    text: { type: 'text' },
    sentAt: { ...INSTANT },
    seenAt: { ...INSTANT, nullable: true },
    clientId: { type: 'text', nullable: true },
  },
  indexes: [
    { name: 'messages_match_id_index', properties: ['matchId', 'sentAt', 'seq'] },
    { name: 'messages_sender_id_index', properties: ['senderId'] },
    {
      // Unread counts on the matches list: only unseen messages, a small share of the table.
      name: 'messages_unseen_index',
      expression:
        'create index "messages_unseen_index" on "messages" ("match_id", "sender_id") where "seen_at" is null',
    },
    {
      // A resend under the same client message id stores nothing (`add`'s ON CONFLICT).
      name: 'messages_client_id_unique',
      expression:
        'create unique index "messages_client_id_unique" on "messages" ("match_id", "sender_id", "client_id") where "client_id" is not null',
    },
  ],
});
