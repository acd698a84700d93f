/** A chat message as the live chat pushes it (instants as ISO strings: it travels as JSON). */
export interface LiveMessage {
  readonly id: string;
  readonly matchId: string;
  readonly senderUsername: string;
  readonly text: string;
  readonly sentAt: string;
  readonly seenAt: string | null;
  /** The sender's client message id: the sender's page swaps its pending copy for this one. */
  readonly clientId: string | null;
}

/**
 * What the live chat pushes to the sockets of `recipients` (user ids), whichever app instance
 * they are connected to: a new message (to both participants: the sender's other tabs too), a
 * read receipt (to the sender), or the end of a match (its sockets leave it).
 */
export type ChatEvent =
  | {
      readonly type: 'message';
      readonly matchId: string;
      readonly recipients: readonly string[];
      readonly message: LiveMessage;
    }
  | {
      readonly type: 'seen';
      readonly matchId: string;
      readonly recipients: readonly string[];
      readonly messageId: string;
      readonly seenAt: string;
    }
  | { readonly type: 'ended'; readonly matchId: string; readonly recipients: readonly string[] };

/** Hands chat events to every app instance (Redis pub/sub, or in process). */
export interface ChatPublisher {
  publish(event: ChatEvent): Promise<void>;
}
