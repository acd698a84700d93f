import { z } from 'zod';
import { MESSAGE_RULES } from '../../../domain/chat/message.js';
import { Id, Timestamp, queryInt, text } from './common.js';

export const MessagesQuery = z.object({ before: Id.optional(), limit: queryInt(1, 100, 50) });
export type MessagesQuery = z.infer<typeof MessagesQuery>;

export const NewMessageBody = z
  .strictObject({
    text: text(MESSAGE_RULES.text.min, MESSAGE_RULES.text.max),
    clientId: z
      .string()
      .regex(MESSAGE_RULES.clientId.pattern, `must be ${MESSAGE_RULES.clientId.description}`)
      .optional()
      .meta({
        description:
          'Your own id for this message: sending again under it (a retry after a lost answer) stores nothing new and answers the message stored the first time.',
      }),
  })
  .meta({ id: 'NewMessage' });
export type NewMessageBody = z.infer<typeof NewMessageBody>;

export const Message = z
  .strictObject({
    id: Id,
    matchId: Id,
    sender: z.string(),
    text: z.string(),
    sentAt: Timestamp,
    seenAt: Timestamp.nullable(),
  })
  .meta({ id: 'Message' });

export const MessageList = z
  .strictObject({ items: z.array(Message), nextCursor: Id.nullable() })
  .meta({ id: 'MessageList' });
