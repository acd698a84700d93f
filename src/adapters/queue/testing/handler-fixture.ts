import { BuildDeck } from '../../../application/decks/build-deck.js';
import { PlaceSockInDecks } from '../../../application/decks/place-sock-in-decks.js';
import { DeliverSelfMail } from '../../../application/mails/deliver-self-mail.js';
import { MarkSelfMailFailed } from '../../../application/mails/mark-self-mail-failed.js';
import type { CandidatePool } from '../../../application/ports/candidate-pool.js';
import type { Clock } from '../../../application/ports/clock.js';
import type { DeckRepository } from '../../../application/ports/deck-repository.js';
import type { EmailSender } from '../../../application/ports/email-sender.js';
import type { IdGenerator } from '../../../application/ports/id-generator.js';
import type { MailRepository } from '../../../application/ports/mail-repository.js';
import type { MatchRepository } from '../../../application/ports/match-repository.js';
import type { PictureRepository } from '../../../application/ports/picture-repository.js';
import type { SockRepository } from '../../../application/ports/sock-repository.js';
import type { SwipeRepository } from '../../../application/ports/swipe-repository.js';
import type { Outbox, OutboxEvent, OutboxMessage } from '../../../application/ports/outbox.js';
import type { PictureStore } from '../../../application/ports/picture-store.js';
import type { UnitOfWork } from '../../../application/ports/unit-of-work.js';
import type { UserRepository } from '../../../application/ports/user-repository.js';
import { SelfMail } from '../../../domain/mail/self-mail.js';
import type { User } from '../../../domain/user/user.js';
import { OutboxEventHandler } from '../outbox-event-handler.js';

export const PUBLIC_URL = 'https://hotsox.example';

/**
 * The parts of the application's test kit these helpers use, by port: adapter code may not import
 * the fakes (dependency-cruiser), so the tests pass `createTestKit()` in.
 */
export interface KitPorts {
  readonly emailSender: EmailSender;
  readonly pictureStore: PictureStore;
  readonly mails: MailRepository;
  readonly users: UserRepository;
  readonly uow: UnitOfWork;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly outbox: Outbox & { pending(): OutboxEvent[] };
  readonly socks: SockRepository;
  readonly pictures: PictureRepository;
  readonly swipes: SwipeRepository;
  readonly matches: MatchRepository;
  readonly decks: DeckRepository;
  readonly candidatePool: CandidatePool;
}

/** The real handler over the kit's fakes (or another email sender). */
export function handlerOver(kit: KitPorts, emailSender: EmailSender = kit.emailSender): OutboxEventHandler {
  return new OutboxEventHandler(
    emailSender,
    kit.pictureStore,
    new DeliverSelfMail(kit.mails, kit.users, emailSender, kit.uow, kit.clock),
    new MarkSelfMailFailed(kit.mails, kit.uow),
    { publicUrl: PUBLIC_URL },
    {
      buildDeck: new BuildDeck(
        kit.socks,
        kit.swipes,
        kit.matches,
        kit.candidatePool,
        kit.decks,
        kit.uow,
        kit.clock,
      ),
      placeSockInDecks: new PlaceSockInDecks(kit.socks, kit.pictures, kit.candidatePool, kit.decks, kit.uow),
    },
  );
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
