import { createApplication, type ApplicationPorts } from '../../../application/application.js';
import type { ChatPublisher } from '../../../application/ports/chat-publisher.js';
import { RecordingChatPublisher } from '../../../application/testing/recording-chat-publisher.js';
import type { EmailSender } from '../../../application/ports/email-sender.js';
import type { Outbox, OutboxEvent, OutboxMessage } from '../../../application/ports/outbox.js';
import { SelfMail } from '../../../domain/mail/self-mail.js';
import type { User } from '../../../domain/user/user.js';
import { OutboxEventHandler } from '../outbox-event-handler.js';

export const PUBLIC_URL = 'https://hotsox.example';

/**
 * The application's test kit, by its ports: adapter code may not import the fakes
 * (dependency-cruiser), so the tests pass `createTestKit()` in.
 */
export interface KitPorts extends ApplicationPorts {
  readonly outbox: Outbox & { pending(): OutboxEvent[] };
}

/** The real handler, running the real use cases over the kit's fakes (or another email sender). */
export function handlerOver(
  kit: KitPorts,
  emailSender: EmailSender = kit.emailSender,
  chat: ChatPublisher = new RecordingChatPublisher(),
): OutboxEventHandler {
  const app = createApplication({ ...kit, emailSender }, { publicUrl: PUBLIC_URL });
  return new OutboxEventHandler(app, kit.pictureStore, { publicUrl: PUBLIC_URL }, chat);
}

/** A queued self-mail of `owner`, stored. */
export async function givenQueuedMail(kit: KitPorts, owner: User): Promise<SelfMail> {
  const mail = SelfMail.compose({
    id: kit.ids.next(),
    userId: owner.id,
    subject: 'Note to self',
    content: 'Buy socks.',
    at: kit.clock.now(),
  });
  await kit.mails.add(mail);
  return mail;
}

/** Adds messages to the kit's outbox in one committed unit of work; returns their events. */
export async function givenOutboxEvents(kit: KitPorts, ...messages: OutboxMessage[]): Promise<OutboxEvent[]> {
  await kit.uow.run(async () => {
    for (const message of messages) await kit.outbox.add(message);
  });
  return kit.outbox.pending().slice(-messages.length);
}

export function anEvent(id: string, message: OutboxMessage): OutboxEvent {
  return { id, message, createdAt: new Date('2026-11-29T12:00:00.000Z') };
}

export function matchMadeEmail(to: string, otherUsername = 'kim'): OutboxMessage {
  return {
    type: 'email.send',
    to: { email: `${to}@example.com`, username: to },
    template: 'match-made',
    data: { otherUsername },
  };
}
