import { Message } from '../../domain/chat/message.js';
import { MatchNotFoundError } from '../../domain/matching/match-errors.js';
import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { MatchRepository } from '../ports/match-repository.js';
import type { MessageRepository } from '../ports/message-repository.js';
import type { Outbox } from '../ports/outbox.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import type { UserRepository } from '../ports/user-repository.js';
import type { MessageView } from '../shared/views.js';
import { messageSent } from './live-events.js';

export interface SendMessageInput {
  /** The authenticated sender; never taken from a message payload. */
  readonly userId: string;
  readonly matchId: string;
  readonly text: string;
  /** The client's own id for this message: sending again under it stores nothing new. */
  readonly clientId?: string | null;
}

/** The message stored; `replayed` when it was stored by an earlier send under the same client id. */
export interface SentMessage extends MessageView {
  readonly replayed: boolean;
}

/** A chat message to the other user of an active match, pushed live to both once stored. */
export class SendMessage {
  constructor(
    private readonly matches: MatchRepository,
    private readonly messages: MessageRepository,
    private readonly users: UserRepository,
    private readonly outbox: Outbox,
    private readonly ids: IdGenerator,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /**
   * A resend under a client message id already stored answers the stored message (its first
   * text, even if this one differs) and pushes nothing again: the first send already did.
   * @throws {MatchNotFoundError | InvalidValueError}
   */
  async execute(input: SendMessageInput): Promise<SentMessage> {
    return this.uow.run(async () => {
      const match = await this.matches.findById(input.matchId);
      if (!match) throw new MatchNotFoundError();
      const message = Message.compose({
        id: this.ids.next(),
        match,
        senderId: input.userId,
        text: input.text,
        at: this.clock.now(),
        clientId: input.clientId ?? null,
      });
      const stored = await this.messages.add(message);
      const sender = await this.users.findById(input.userId);
      const view = { message: stored, senderUsername: sender?.username ?? '' };
      const replayed = stored.id !== message.id;
      // pushed to the live chat once committed: a message rolled back is never shown
      if (!replayed) await this.outbox.add(messageSent(match, view));
      return { ...view, replayed };
    });
  }
}
