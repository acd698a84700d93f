import { Message, MessageNotFoundError } from '../../domain/chat/message.js';
import { Match } from '../../domain/matching/match.js';
import { MatchNotFoundError } from '../../domain/matching/match-errors.js';
import { InvalidValueError } from '../../domain/shared/domain-error.js';
import type { Clock } from '../ports/clock.js';
import type { MatchRepository } from '../ports/match-repository.js';
import type { MessageRepository } from '../ports/message-repository.js';
import type { Outbox } from '../ports/outbox.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import type { UserRepository } from '../ports/user-repository.js';
import { publish } from './live-events.js';
import type { MessageView } from '../shared/views.js';

/** How many messages one request may ask for (`?limit`). */
export const MESSAGE_LIMIT = { min: 1, max: 100, default: 50 } as const;

export interface ListMessagesInput {
  readonly userId: string;
  readonly matchId: string;
  /** Only messages older than this one (the previous page's `nextCursor`). */
  readonly beforeId: string | null;
  readonly limit?: number;
}

export interface MessageList {
  readonly items: MessageView[];
  /** Pass as `beforeId` for the next older page; null when there is none. */
  readonly nextCursor: string | null;
}

/** The chat of an active match, newest first; incoming messages returned count as seen. */
export class ListMessages {
  constructor(
    private readonly matches: MatchRepository,
    private readonly messages: MessageRepository,
    private readonly users: UserRepository,
    private readonly outbox: Outbox,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** @throws {MatchNotFoundError | MessageNotFoundError | InvalidValueError} */
  async execute(input: ListMessagesInput): Promise<MessageList> {
    const limit = input.limit ?? MESSAGE_LIMIT.default;
    if (!Number.isInteger(limit) || limit < MESSAGE_LIMIT.min || limit > MESSAGE_LIMIT.max) {
      throw new InvalidValueError('limit', `limit must be ${MESSAGE_LIMIT.min}–${MESSAGE_LIMIT.max}.`);
    }
    return this.uow.run(async () => {
      const match = await this.matches.findById(input.matchId);
      if (!match) throw new MatchNotFoundError();
      const { mine, theirs } = Match.seenBy(match, input.userId);
      if (input.beforeId !== null) {
        const before = await this.messages.findById(input.beforeId);
        if (!before || before.matchId !== match.id) throw new MessageNotFoundError();
      }
      const slice = await this.messages.listForMatch(match.id, { beforeId: input.beforeId, limit });
      const now = this.clock.now();
      const unseen = slice.items.filter((m) => Message.isUnseenBy(m, input.userId)).map((m) => m.id);
      if (unseen.length > 0) await this.messages.markSeen(unseen, now);
      // the sender's open chat shows "seen" at once (one receipt per message read just now)
      for (const messageId of unseen) {
        await this.outbox.add(
          publish({
            type: 'seen',
            matchId: match.id,
            recipients: [theirs.userId],
            messageId,
            seenAt: now.toISOString(),
          }),
        );
      }
      const people = await this.users.findManyByIds([mine.userId, theirs.userId]);
      const usernames = new Map(people.map((p) => [p.id, p.username]));
      const items = slice.items.map((m) => ({
        message: Message.seenBy(m, input.userId, now),
        senderUsername: usernames.get(m.senderId) ?? '',
      }));
      return { items, nextCursor: slice.hasMore ? (items.at(-1)?.message.id ?? null) : null };
    });
  }
}
