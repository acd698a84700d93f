import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { Outbox, OutboxEvent, OutboxMessage } from '../ports/outbox.js';
import type { InMemoryDatabase } from './in-memory-database.js';

/** Keeps events in the shared tables, so a rolled-back unit of work loses its events too. */
export class InMemoryOutbox implements Outbox {
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
}
