import { z } from 'zod';
import { MAIL_RULES } from '../../../domain/mail/self-mail.js';
import { Id, Timestamp, text } from './common.js';

export const NewMailBody = z
  .strictObject({
    subject: text(MAIL_RULES.subject.min, MAIL_RULES.subject.max),
    content: text(MAIL_RULES.content.min, MAIL_RULES.content.max),
  })
  .meta({ id: 'NewMail' });
export type NewMailBody = z.infer<typeof NewMailBody>;

export const Mail = z
  .strictObject({
    id: Id,
    subject: z.string(),
    content: z.string(),
    status: z.enum(['queued', 'sent', 'failed']),
    createdAt: Timestamp,
    sentAt: Timestamp.nullable(),
  })
  .meta({ id: 'Mail' });
