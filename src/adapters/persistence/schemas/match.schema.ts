import { EntitySchema } from '@mikro-orm/core';
import { INSERTION_ORDER, INSTANT, NO_UPDATE_RULE } from './columns.js';

/**
 * A row of `matches`: at most one per unordered pair of users, ever (an ended match keeps its
 * row, so the pair can never match again). Deleting either user deletes the match.
 *
 * The sock columns are plain uuids WITHOUT a foreign key: a match outlives the socks that made
 * it, and the domain's `MatchSide.sockId` is a non-null string, so the row keeps the id of a
 * deleted sock (match views then find no such sock and show it as null). A foreign key with
 * ON DELETE SET NULL would need `sockId: string | null` in the domain.
 */
export interface MatchRow {
  id: string;
  seq?: string;
  initiatorId: string;
  initiatorSockId: string;
  partnerId: string;
  partnerSockId: string;
  createdAt: Date;
  endedAt: Date | null;
}

export const MATCH_CONSTRAINTS = { userPair: 'matches_user_pair_unique' } as const;

export const MatchSchema = new EntitySchema<MatchRow>({
  name: 'MatchRow',
  tableName: 'matches',
  properties: {
    id: { type: 'uuid', primary: true },
    seq: { ...INSERTION_ORDER },
    initiatorId: {
      kind: 'm:1',
      entity: 'UserRow',
      mapToPk: true,
      fieldName: 'initiator_id',
      deleteRule: 'cascade',
      ...NO_UPDATE_RULE,
    },
    initiatorSockId: { type: 'uuid' },
    partnerId: {
      kind: 'm:1',
      entity: 'UserRow',
      mapToPk: true,
      fieldName: 'partner_id',
      deleteRule: 'cascade',
      ...NO_UPDATE_RULE,
    },
    partnerSockId: { type: 'uuid' },
    createdAt: { ...INSTANT },
    endedAt: { ...INSTANT, nullable: true },
  },
  indexes: [
    {
      name: MATCH_CONSTRAINTS.userPair,
      expression: `create unique index "${MATCH_CONSTRAINTS.userPair}" on "matches" (least("initiator_id", "partner_id"), greatest("initiator_id", "partner_id"))`,
    },
    { name: 'matches_initiator_id_partner_id_index', properties: ['initiatorId', 'partnerId'] },
    { name: 'matches_partner_id_initiator_id_index', properties: ['partnerId', 'initiatorId'] },
  ],
  checks: [{ name: 'matches_two_users_check', expression: 'initiator_id <> partner_id' }],
});
