import { MessageNotFoundError } from '../../domain/chat/message.js';
import { publish } from './live-events.js';
import { Match } from '../../domain/matching/match.js';
import type { Clock } from '../ports/clock.js';
import type { MatchRepository } from '../ports/match-repository.js';
import type { MessageRepository } from '../ports/message-repository.js';
import type { Outbox } from '../ports/outbox.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';

export interface MarkMessageSeenInput {
  readonly userId: string;
  readonly messageId: string;
}

export interface SeenReceipt {
  readonly messageId: string;
  readonly seenAt: Date;
}

/** The recipient's read receipt (the websocket's "seen"); the first time counts. */
export class MarkMessageSeen {
  constructor(
    private readonly matches: MatchRepository,
    private readonly messages: MessageRepository,
    private readonly outbox: Outbox,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** @throws {MessageNotFoundError} unless the caller received the message in an active match */
  async execute(input: MarkMessageSeenInput): Promise<SeenReceipt> {
    return this.uow.run(async () => {
      const message = await this.messages.findById(input.messageId);
      if (!message || message.senderId === input.userId) throw new MessageNotFoundError();
      const match = await this.matches.findById(message.matchId);
      if (!match || !Match.isActive(match) || !Match.isParticipant(match, input.userId)) {
        throw new MessageNotFoundError();
      }
      if (message.seenAt !== null) return { messageId: message.id, seenAt: message.seenAt };
      const seenAt = this.clock.now();
      await this.messages.markSeen([message.id], seenAt);
      await this.outbox.add(
        publish({
          type: 'seen',
          matchId: match.id,
          recipients: [message.senderId],
          messageId: message.id,
          seenAt: seenAt.toISOString(),
        }),
      );
      return { messageId: message.id, seenAt };
    });
  }
}
