import { InvalidValueError, DomainError } from '../shared/domain-error.js';
import { Match } from '../matching/match.js';

export const MESSAGE_RULES = {
  text: { min: 1, max: 500 },
  /** The sender's own id for a message: sending twice under it stores the message once. */
  clientId: { pattern: /^[A-Za-z0-9_-]{1,64}$/, description: '1–64 letters, digits, "-" or "_"' },
} as const;

/** A chat message between the two users of an active match. */
export interface Message {
  readonly id: string;
  readonly matchId: string;
  readonly senderId: string;
  readonly text: string;
  readonly sentAt: Date;
  /** When the recipient first saw it. */
  readonly seenAt: Date | null;
  /**
   * The id the sender's client gave it, or null: a resend after a lost answer (a dropped
   * connection) names the same id, and the message is stored once.
   */
  readonly clientId: string | null;
}

export interface ComposeProps {
  readonly id: string;
  readonly match: Match;
  readonly senderId: string;
  readonly text: string;
  readonly at: Date;
  readonly clientId?: string | null;
}

export const Message = {
  /**
   * The sender must be a participant of the match and the match must be active; a client
   * message id, when given, must follow `MESSAGE_RULES.clientId`.
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
    const clientId = p.clientId ?? null;
    if (clientId !== null && !MESSAGE_RULES.clientId.pattern.test(clientId)) {
      throw new InvalidValueError(
        'clientId',
        `A client message id is ${MESSAGE_RULES.clientId.description}.`,
      );
    }
    return {
      id: p.id,
      matchId: p.match.id,
      senderId: p.senderId,
      text,
      sentAt: p.at,
      seenAt: null,
      clientId,
    };
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
