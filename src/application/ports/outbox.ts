import type { ChatEvent } from './chat-publisher.js';

/** The emails HotSox sends; the worker renders each from its template. */
export type EmailTemplate =
  | { readonly template: 'match-made'; readonly data: { readonly otherUsername: string } }
  | {
      readonly template: 'match-ended';
      readonly data: { readonly otherUsername: string; readonly endedByMe: boolean };
    }
  | { readonly template: 'welcome'; readonly data: Record<string, never> }
  | { readonly template: 'account-deleted'; readonly data: Record<string, never> }
  | { readonly template: 'password-reset'; readonly data: { readonly resetUrl: string } };

export interface EmailRecipient {
  readonly email: string;
  readonly username: string;
}

/**
 * A side effect that leaves the process, recorded in the same transaction as the change that
 * caused it and carried out afterwards by a relay and a worker (at least once; each handler is
 * idempotent by the event id).
 */
export type OutboxMessage =
  | ({ readonly type: 'email.send'; readonly to: EmailRecipient } & EmailTemplate)
  | { readonly type: 'self-mail.send'; readonly mailId: string }
  | { readonly type: 'picture-files.delete'; readonly keys: readonly string[] }
  /** (Re)build the deck of this sock: it is new, its attributes changed, or its deck runs low. */
  | { readonly type: 'deck.build'; readonly sockId: string }
  /**
   * Put this sock where it belongs in other socks' decks: it became a candidate (first picture)
   * or its attributes changed; or take it out of every deck (deleted, or lost its last picture).
   */
  | { readonly type: 'deck.place'; readonly sockId: string }
  /** Push to the live chat, once the change that caused it is committed. */
  | { readonly type: 'chat.publish'; readonly event: ChatEvent };

export type OutboxMessageType = OutboxMessage['type'];

export interface OutboxEvent {
  readonly id: string;
  readonly message: OutboxMessage;
  readonly createdAt: Date;
}

/** Records side effects inside the current unit of work. */
export interface Outbox {
  add(message: OutboxMessage): Promise<void>;
}

/**
 * The relay's side of the outbox. Both calls run inside one unit of work: `takePending` locks
 * the events it returns until the unit ends, so concurrent relays take disjoint batches.
 */
export interface PendingOutbox {
  /** Up to `limit` undispatched events, oldest first. */
  takePending(limit: number): Promise<OutboxEvent[]>;
  /** Idempotent: an event keeps the time it was first marked dispatched. */
  markDispatched(ids: readonly string[], at?: Date): Promise<void>;
}
