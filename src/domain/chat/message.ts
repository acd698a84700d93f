import { InvalidValueError, DomainError } from '../shared/domain-error.js';
import { Match } from '../matching/match.js';

export const MESSAGE_RULES = { text: { min: 1, max: 500 } } as const;

/** A chat message between the two users of an active match. */
export interface Message {
  readonly id: string;
  readonly matchId: string;
  readonly senderId: string;
  readonly text: string;
  readonly sentAt: Date;
  /** When the recipient first saw it. */
  readonly seenAt: Date | null;
}

export interface ComposeProps {
  readonly id: string;
  readonly match: Match;
  readonly senderId: string;
  readonly text: string;
  readonly at: Date;
}

export const Message = {
  /**
   * The sender must be a participant of the match and the match must be active.
   * @throws {MatchNotFoundError | InvalidValueError}
   */
  compose(p: ComposeProps): Message {
    Match.seenBy(p.match, p.senderId);
    const text = p.text.trim();
    if (text.length < MESSAGE_RULES.text.min || text.length > MESSAGE_RULES.text.max) {
      throw new InvalidValueError(
        'text',
        `Messages must be ${MESSAGE_RULES.text.min}–${MESSAGE_RULES.text.max} characters.`,
      );
    }
    return { id: p.id, matchId: p.match.id, senderId: p.senderId, text, sentAt: p.at, seenAt: null };
  },

  /** True when `userId` receives this message and has not seen it yet. */
  isUnseenBy(message: Message, userId: string): boolean {
    return message.senderId !== userId && message.seenAt === null;
  },

  /** The receipt: only the recipient marks a message seen, and only the first time counts. */
  seenBy(message: Message, userId: string, at: Date): Message {
    return Message.isUnseenBy(message, userId) ? { ...message, seenAt: at } : message;
  },
};

export class MessageNotFoundError extends DomainError {
  constructor() {
    super('not-found', 'MESSAGE.NOT_FOUND', 'No such message.');
  }
}
