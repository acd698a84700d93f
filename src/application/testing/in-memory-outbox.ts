import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { Outbox, OutboxEvent, OutboxMessage, PendingOutbox } from '../ports/outbox.js';
import type { InMemoryDatabase } from './in-memory-database.js';

/**
 * Keeps events in the shared tables, so a rolled-back unit of work loses its events too.
 * Also the relay's side (`PendingOutbox`): units of work run one at a time here, so batches are
 * disjoint without locks. Dispatch marks are kept apart from the tables and are not rolled back;
 * the relay marks last in its unit, so a failed unit has marked nothing.
 */
export class InMemoryOutbox implements Outbox, PendingOutbox {
  /** Event id → when it was first marked dispatched. */
  private readonly dispatched = new Map<string, Date>();

  constructor(
    private readonly db: InMemoryDatabase,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async add(message: OutboxMessage): Promise<void> {
    const event: OutboxEvent = { id: this.ids.next(), message, createdAt: this.clock.now() };
    this.db.stamp(event.id);
    this.db.tables.outbox.set(event.id, event);
  }

  /** The recorded messages, oldest first. */
  messages(): OutboxMessage[] {
    return [...this.db.tables.outbox.values()]
      .sort((a, b) => this.db.seq(a.id) - this.db.seq(b.id))
      .map((e) => e.message);
  }

  messagesOfType<T extends OutboxMessage['type']>(type: T): Extract<OutboxMessage, { type: T }>[] {
    return this.messages().filter((m): m is Extract<OutboxMessage, { type: T }> => m.type === type);
  }

  async takePending(limit: number): Promise<OutboxEvent[]> {
    return this.pending().slice(0, Math.max(0, limit));
  }

  async markDispatched(ids: readonly string[], at: Date = this.clock.now()): Promise<void> {
    for (const id of ids) {
      if (this.db.tables.outbox.has(id) && !this.dispatched.has(id)) this.dispatched.set(id, new Date(at));
    }
  }

  /** When the event was first marked dispatched, or null while it is pending (or unknown). */
  dispatchedAt(id: string): Date | null {
    return this.dispatched.get(id) ?? null;
  }

  /** The ids marked dispatched, in the order they were marked. */
  dispatchedIds(): string[] {
    return [...this.dispatched.keys()];
  }

  /** The events not yet dispatched, oldest first. */
  pending(): OutboxEvent[] {
    return this.events().filter((e) => !this.dispatched.has(e.id));
  }

  /** Every committed event, oldest first (by time, then by insertion). */
  private events(): OutboxEvent[] {
    return [...this.db.tables.outbox.values()].sort(
      (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || this.db.seq(a.id) - this.db.seq(b.id),
    );
  }
}
