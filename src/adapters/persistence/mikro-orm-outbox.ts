import type { Clock } from '../../application/ports/clock.js';
import type { IdGenerator } from '../../application/ports/id-generator.js';
import type { Outbox, OutboxMessage } from '../../application/ports/outbox.js';
import { toOutboxRow } from './outbox-events.js';
import { OutboxEventSchema } from './schemas/outbox-event.schema.js';
import type { TransactionScope } from './transaction-scope.js';

/** Writes outbox events into `outbox_events`, in the transaction of the current unit of work. */
export class MikroOrmOutbox implements Outbox {
  constructor(
    private readonly scope: TransactionScope,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async add(message: OutboxMessage): Promise<void> {
    const row = toOutboxRow(this.ids.next(), message, this.clock.now());
    await this.scope.use((em) => em.insert(OutboxEventSchema, row));
  }
}
