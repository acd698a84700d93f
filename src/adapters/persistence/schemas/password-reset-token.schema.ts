import { EntitySchema } from '@mikro-orm/core';
import { INSTANT, NO_UPDATE_RULE } from './columns.js';

/** A row of `password_reset_tokens` (only the hash of the token); deleting the user deletes it. */
export interface PasswordResetTokenRow {
  id: string;
  userId: string;
  tokenHash: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

export const PasswordResetTokenSchema = new EntitySchema<PasswordResetTokenRow>({
  name: 'PasswordResetTokenRow',
  tableName: 'password_reset_tokens',
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
    tokenHash: { type: 'text' },
    createdAt: { ...INSTANT },
    expiresAt: { ...INSTANT },
    usedAt: { ...INSTANT, nullable: true },
  },
  indexes: [{ name: 'password_reset_tokens_user_id_index', properties: ['userId'] }],
  uniques: [{ name: 'password_reset_tokens_token_hash_unique', properties: ['tokenHash'] }],
});
