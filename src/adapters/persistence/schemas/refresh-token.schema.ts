import { EntitySchema } from '@mikro-orm/core';
import { INSTANT, NO_UPDATE_RULE } from './columns.js';

/** A row of `refresh_tokens` (only the hash of the token); deleting the user deletes it. */
export interface RefreshTokenRow {
  id: string;
  userId: string;
  familyId: string;
  tokenHash: string;
  createdAt: Date;
  expiresAt: Date;
  spentAt: Date | null;
  revokedAt: Date | null;
}

export const RefreshTokenSchema = new EntitySchema<RefreshTokenRow>({
  name: 'RefreshTokenRow',
  tableName: 'refresh_tokens',
  properties: {
    id: { type: 'uuid', primary: true },
    userId: {
      kind: 'm:1',
      entity: 'UserRow',
      mapToPk: true,
      fieldName: 'user_id',
      deleteRule: 'cascade',
      ...NO_UPDATE_RULE,
    },
    familyId: { type: 'uuid' },
    tokenHash: { type: 'text' },
    createdAt: { ...INSTANT },
    expiresAt: { ...INSTANT },
    spentAt: { ...INSTANT, nullable: true },
    revokedAt: { ...INSTANT, nullable: true },
  },
  indexes: [
    { name: 'refresh_tokens_user_id_index', properties: ['userId'] },
    { name: 'refresh_tokens_family_id_index', properties: ['familyId'] },
  ],
  uniques: [{ name: 'refresh_tokens_token_hash_unique', properties: ['tokenHash'] }],
});
