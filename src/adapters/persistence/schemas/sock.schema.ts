import { EntitySchema } from '@mikro-orm/core';
import {
  mapSockFields,
  type SockField,
  type SockFieldName,
  type SockFieldsOfKind,
} from '../../../domain/sock/sock-fields.js';
import { CALENDAR_DATE, INSERTION_ORDER, INSTANT, NO_UPDATE_RULE, choiceOf, optionKeys } from './columns.js';

/** The 16 attribute columns: whole numbers, and text for the rest (choices are checked keys). */
export type SockAttributeColumns = {
  [N in SockFieldName]: N extends SockFieldsOfKind<'integer'> ? number : string;
};

/** A row of `socks`; deleting the owner deletes the sock. */
export interface SockRow extends SockAttributeColumns {
  id: string;
  seq?: string;
  ownerId: string;
  createdAt: Date;
}

/** The column of an attribute of that kind; `choiceOf` lists a choice's keys in a CHECK constraint. */
function attributeColumn(field: SockField) {
  switch (field.kind) {
    case 'text':
      return { type: 'text' } as const;
    case 'option':
      return choiceOf(optionKeys(field.options));
    case 'integer':
      return { type: 'integer' } as const;
    case 'date':
      return { ...CALENDAR_DATE };
  }
}

export const SockSchema = new EntitySchema<SockRow>({
  name: 'SockRow',
  tableName: 'socks',
  properties: {
    id: { type: 'uuid', primary: true },
    seq: { ...INSERTION_ORDER },
    ownerId: {
      kind: 'm:1',
      entity: 'UserRow',
      mapToPk: true,
      fieldName: 'owner_id',
      deleteRule: 'cascade',
      ...NO_UPDATE_RULE,
    },
    ...mapSockFields((_, field) => attributeColumn(field)),
    createdAt: { ...INSTANT },
  },
  indexes: [{ name: 'socks_owner_id_index', properties: ['ownerId', 'createdAt', 'seq'] }],
});
