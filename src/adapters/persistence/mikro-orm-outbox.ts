import type { Clock } from '../../application/ports/clock.js';
import type { IdGenerator } from '../../application/ports/id-generator.js';
import type { Outbox, OutboxMessage } from '../../application/ports/outbox.js';
import { toOutboxRow } from './outbox-events.js';
import { OutboxEventSchema, type OutboxOrigin } from './schemas/outbox-event.schema.js';
import type { TransactionScope } from './transaction-scope.js';

export interface MikroOrmOutboxOptions {
  /** The app recording the events, whose worker carries them out (default 'web'). */
  readonly origin?: OutboxOrigin;
}

/**
 * Writes outbox events into `outbox_events`, in the transaction of the current unit of work,
 * marked with this app's `origin` so that only this app's relay takes them.
 */
export class MikroOrmOutbox implements Outbox {
  private readonly origin: OutboxOrigin;

  constructor(
    private readonly scope: TransactionScope,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    options: MikroOrmOutboxOptions = {},
  ) {
    this.origin = options.origin ?? 'web';
  }

  async add(message: OutboxMessage): Promise<void> {
    const row = toOutboxRow(this.ids.next(), message, this.clock.now(), this.origin);
    await this.scope.use((em) => em.insert(OutboxEventSchema, row));
  }
}
