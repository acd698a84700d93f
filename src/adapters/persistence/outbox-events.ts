import type { OutboxEvent, OutboxMessage } from '../../application/ports/outbox.js';
import type { OutboxEventRow, OutboxOrigin } from './schemas/outbox-event.schema.js';

/** A message as a row: `type` in its own column, everything else in the `payload` jsonb. */
export function toOutboxRow(
  id: string,
  message: OutboxMessage,
  createdAt: Date,
  origin: OutboxOrigin,
): OutboxEventRow {
  const { type, ...payload } = message;
  return { id, origin, type, payload, createdAt, dispatchedAt: null };
}

export function toOutboxEvent(row: OutboxEventRow): OutboxEvent {
  return {
    id: row.id,
    message: { type: row.type, ...row.payload } as OutboxMessage,
    createdAt: row.createdAt,
  };
}
