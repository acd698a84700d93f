import type { OutboxEvent } from '../../application/ports/outbox.js';

/**
 * Hands outbox events over to whatever runs their handlers (this process, or BullMQ workers).
 * Delivery is at least once: the relay may dispatch an event again after a crash, so
 * dispatchers de-duplicate by event id where they can, and handlers are idempotent anyway.
 */
export interface JobDispatcher {
  /**
   * Resolves once the events are handed over (not once they are processed).
   * @throws when they could not be handed over, so that the relay keeps them pending
   */
  dispatch(events: readonly OutboxEvent[]): Promise<void>;
  /** Stops accepting events and releases resources. */
  close(): Promise<void>;
}

/** What a dispatcher runs for each event; `OutboxEventHandler` in production. */
export interface OutboxEventProcessor {
  handle(event: OutboxEvent): Promise<void>;
  /** Called once per event whose processing was given up (last attempt, or a permanent failure). */
  giveUp(event: OutboxEvent): Promise<void>;
}

/** Exponential backoff: the wait before attempt `failedAttempts + 1` is base, 2·base, 4·base… */
export function backoffDelay(failedAttempts: number, baseMs: number): number {
  return baseMs * 2 ** Math.max(0, failedAttempts - 1);
}
