import { EntitySchema } from '@mikro-orm/core';
import { INSERTION_ORDER, INSTANT } from './columns.js';

/** The app whose worker carries an event out: each app has its own Redis and worker. */
export type OutboxOrigin = 'web' | 'api';

/** A row of `outbox_events`: a side effect waiting for the relay (`dispatched_at` null). */
export interface OutboxEventRow {
  id: string;
  seq?: string;
  origin: OutboxOrigin;
  type: string;
  /** The message without its `type`. */
  payload: Record<string, unknown>;
  createdAt: Date;
  dispatchedAt: Date | null;
}

export const OutboxEventSchema = new EntitySchema<OutboxEventRow>({
  name: 'OutboxEventRow',
  tableName: 'outbox_events',
  properties: {
    id: { type: 'uuid', primary: true },
    seq: { ...INSERTION_ORDER },
    origin: { type: 'text', default: 'web' },
    type: { type: 'text' },
    payload: { type: 'json', columnType: 'jsonb' },
    createdAt: { ...INSTANT },
    dispatchedAt: { ...INSTANT, nullable: true },
  },
  indexes: [
    {
      name: 'outbox_events_pending_index',
      expression:
        'create index "outbox_events_pending_index" on "outbox_events" ("origin", "created_at", "seq") where "dispatched_at" is null',
    },
  ],
});
