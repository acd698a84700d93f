import { EntitySchema } from '@mikro-orm/core';
import { INSTANT, NO_UPDATE_RULE } from './columns.js';

/** A row of `user_identities`: a provider account (issuer, subject); deleting the user deletes it. */
export interface LinkedIdentityRow {
  issuer: string;
  subject: string;
  userId: string;
  linkedAt: Date;
}

export const LinkedIdentitySchema = new EntitySchema<LinkedIdentityRow>({
  name: 'LinkedIdentityRow',
  tableName: 'user_identities',
  properties: {
    issuer: { type: 'text', primary: true },
    subject: { type: 'text', primary: true },
    userId: {
      kind: 'm:1',
      entity: 'UserRow',
      mapToPk: true,
      fieldName: 'user_id',
      deleteRule: 'cascade',
      ...NO_UPDATE_RULE,
    },
    linkedAt: { ...INSTANT },
  },
  indexes: [{ name: 'user_identities_user_id_index', properties: ['userId'] }],
});
