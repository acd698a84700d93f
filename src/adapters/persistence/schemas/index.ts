import { DeckEntrySchema, DeckSchema, SockChangeSchema } from './deck.schema.js';
import { EmailLogSchema } from './email-log.schema.js';
import { LinkedIdentitySchema } from './linked-identity.schema.js';
import { MailSchema } from './mail.schema.js';
import { MatchSchema } from './match.schema.js';
import { MessageSchema } from './message.schema.js';
import { OutboxEventSchema } from './outbox-event.schema.js';
import { PasswordResetTokenSchema } from './password-reset-token.schema.js';
import { PictureSchema } from './picture.schema.js';
import { RefreshTokenSchema } from './refresh-token.schema.js';
import { SockSchema } from './sock.schema.js';
import { SwipeSchema } from './swipe.schema.js';
import { UserSchema } from './user.schema.js';

/** Every mapped table, parents before children (test support empties them in reverse order). */
export const ENTITY_SCHEMAS = [
  UserSchema,
  RefreshTokenSchema,
  PasswordResetTokenSchema,
  LinkedIdentitySchema,
  SockSchema,
  PictureSchema,
  SwipeSchema,
  MatchSchema,
  MessageSchema,
  MailSchema,
  OutboxEventSchema,
  DeckSchema,
  DeckEntrySchema,
  SockChangeSchema,
  EmailLogSchema,
];
