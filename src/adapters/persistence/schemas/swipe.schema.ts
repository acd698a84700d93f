import { EntitySchema } from '@mikro-orm/core';
import { INSTANT, NO_UPDATE_RULE, choiceOf } from './columns.js';

/** A row of `swipes`: at most one per (sock, target), enforced by the primary key. */
export interface SwipeRow {
  sockId: string;
  targetSockId: string;
  decision: string;
  judgedAt: Date;
}

export const SWIPE_CONSTRAINTS = {
  judgedOnce: 'swipes_pkey',
  sockExists: 'swipes_sock_id_foreign',
  targetExists: 'swipes_target_sock_id_foreign',
} as const;

export const SwipeSchema = new EntitySchema<SwipeRow>({
  name: 'SwipeRow',
  tableName: 'swipes',
  properties: {
    sockId: {
      kind: 'm:1',
      entity: 'SockRow',
      mapToPk: true,
      primary: true,
      fieldName: 'sock_id',
      deleteRule: 'cascade',
      ...NO_UPDATE_RULE,
    },
    targetSockId: {
      kind: 'm:1',
      entity: 'SockRow',
      mapToPk: true,
      primary: true,
      fieldName: 'target_sock_id',
      deleteRule: 'cascade',
      ...NO_UPDATE_RULE,
    },
    decision: choiceOf(['like', 'dislike']),
    judgedAt: { ...INSTANT },
  },
  indexes: [{ name: 'swipes_target_sock_id_index', properties: ['targetSockId'] }],
  checks: [{ name: 'swipes_not_own_check', expression: 'sock_id <> target_sock_id' }],
});
