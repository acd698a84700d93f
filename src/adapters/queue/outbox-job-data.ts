import { z } from 'zod';
import type { OutboxEvent, OutboxMessage } from '../../application/ports/outbox.js';
import { PermanentJobError } from './permanent-job-error.js';

/** An outbox event as a job carries it (JSON in Redis: the time as an ISO string). */
export interface OutboxJobData {
  readonly id: string;
  readonly message: OutboxMessage;
  readonly createdAt: string;
}

const Recipient = z.object({ email: z.string().min(1), username: z.string().min(1) });
const email = <T extends string, D extends z.ZodType>(template: T, data: D) =>
  z.object({ type: z.literal('email.send'), to: Recipient, template: z.literal(template), data });

const LiveMessage = z.object({
  id: z.string(),
  matchId: z.string(),
  senderUsername: z.string(),
  text: z.string(),
  sentAt: z.string(),
  seenAt: z.string().nullable(),
  /** Absent in events queued before client message ids existed. */
  clientId: z.string().nullable().default(null),
});
const recipients = z.array(z.string());
const ChatEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message'), matchId: z.string(), recipients, message: LiveMessage }),
  z.object({
    type: z.literal('seen'),
    matchId: z.string(),
    recipients,
    messageId: z.string(),
    seenAt: z.string(),
  }),
  z.object({ type: z.literal('ended'), matchId: z.string(), recipients }),
]);

const Message = z.union([
  email('match-made', z.object({ otherUsername: z.string() })),
  email('match-ended', z.object({ otherUsername: z.string(), endedByMe: z.boolean() })),
  email('welcome', z.record(z.string(), z.never())),
  email('account-deleted', z.record(z.string(), z.never())),
  email('password-reset', z.object({ resetUrl: z.string() })),
  z.object({ type: z.literal('self-mail.send'), mailId: z.string().min(1) }),
  z.object({ type: z.literal('picture-files.delete'), keys: z.array(z.string()) }),
  z.object({ type: z.literal('deck.build'), sockId: z.string().min(1) }),
  z.object({ type: z.literal('deck.place'), sockId: z.string().min(1) }),
  z.object({ type: z.literal('chat.publish'), event: ChatEvent }),
]) satisfies z.ZodType<OutboxMessage>;

/** Every kind of outbox message has its schema here, or this does not compile. */
const EVERY_TYPE_READ: [Exclude<OutboxMessage['type'], z.infer<typeof Message>['type']>] extends [never]
  ? true
  : never = true;
void EVERY_TYPE_READ;

const JobData = z.object({ id: z.string().min(1), message: Message, createdAt: z.iso.datetime() });

export function toJobData(event: OutboxEvent): OutboxJobData {
  return { id: event.id, message: event.message, createdAt: event.createdAt.toISOString() };
}

/**
 * The event in a job's data, checked like a request at the HTTP edge: a job written by another
 * version, or by hand, is refused rather than half-run.
 * @throws {PermanentJobError} when the data is not an outbox event
 */
export function fromJobData(data: unknown): OutboxEvent {
  const parsed = JobData.safeParse(data);
  if (!parsed.success) {
    throw new PermanentJobError(`Not an outbox event: ${z.prettifyError(parsed.error)}`);
  }
  const { id, message, createdAt } = parsed.data;
  return { id, message, createdAt: new Date(createdAt) };
}
