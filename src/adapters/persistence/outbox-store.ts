import { LockMode } from '@mikro-orm/core';
import type { OutboxEvent, PendingOutbox } from '../../application/ports/outbox.js';
import { isUuid } from './ids.js';
import { toOutboxEvent } from './outbox-events.js';
import { OutboxEventSchema, type OutboxOrigin } from './schemas/outbox-event.schema.js';
import type { TransactionScope } from './transaction-scope.js';

/**
 * The relay's side of the outbox, for the events of one app (`origin`, default 'web'): the web
 * and api apps share the table, and each app's worker carries out only its own app's events.
 * Call both methods inside one unit of work: `takePending` locks the rows it returns (FOR
 * UPDATE SKIP LOCKED), so concurrent relays take disjoint batches, and the locks last until the
 * unit ends (partial index `outbox_events_pending_index` on (origin, created_at, seq)).
 */
export class OutboxStore implements PendingOutbox {
  constructor(
    private readonly scope: TransactionScope,
    private readonly origin: OutboxOrigin = 'web',
  ) {}

  /** Up to `limit` undispatched events of this origin, oldest first. @throws {Error} outside a unit of work */
  async takePending(limit: number): Promise<OutboxEvent[]> {
    const em = this.scope.required('OutboxStore.takePending');
    const rows = await em.find(
      OutboxEventSchema,
      { origin: this.origin, dispatchedAt: null },
      {
        orderBy: { createdAt: 'asc', seq: 'asc' },
        limit,
        lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE,
        disableIdentityMap: true,
      },
    );
    return rows.map(toOutboxEvent);
  }

  /**
   * Idempotent: an event keeps the time it was first marked dispatched. Events of another
   * origin are left alone.
   */
  async markDispatched(ids: readonly string[], at: Date = new Date()): Promise<void> {
    const wanted = ids.filter(isUuid);
    if (wanted.length === 0) return;
    await this.scope.use((em) =>
      em.nativeUpdate(
        OutboxEventSchema,
        { id: { $in: wanted }, origin: this.origin, dispatchedAt: null },
        { dispatchedAt: at },
      ),
    );
  }
}
