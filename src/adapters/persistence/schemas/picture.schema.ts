import { EntitySchema } from '@mikro-orm/core';
import { INSERTION_ORDER, INSTANT, NO_UPDATE_RULE } from './columns.js';

/** A row of `pictures`: a profile picture (no sock) or a sock's picture; both cascade. */
export interface PictureRow {
  id: string;
  seq?: string;
  userId: string;
  sockId: string | null;
  key: string;
  createdAt: Date;
}

export const PictureSchema = new EntitySchema<PictureRow>({
  name: 'PictureRow',
  tableName: 'pictures',
  properties: {
    id: { type: 'uuid', primary: true },
    seq: { ...INSERTION_ORDER },
    userId: {
      kind: 'm:1',
      entity: 'UserRow',
      mapToPk: true,
      fieldName: 'user_id',
      deleteRule: 'cascade',
      ...NO_UPDATE_RULE,
    },
    sockId: {
      kind: 'm:1',
      entity: 'SockRow',
      mapToPk: true,
      fieldName: 'sock_id',
      nullable: true,
      deleteRule: 'cascade',
      ...NO_UPDATE_RULE,
    },
    key: { type: 'text' },
    createdAt: { ...INSTANT },
  },
  indexes: [
    { name: 'pictures_user_id_index', properties: ['userId', 'createdAt', 'seq'] },
    { name: 'pictures_sock_id_index', properties: ['sockId', 'createdAt', 'seq'] },
    {
      // "Has this sock a picture?" for the candidates query: narrow, without profile pictures.
      name: 'pictures_sock_id_not_null_index',
      expression:
        'create index "pictures_sock_id_not_null_index" on "pictures" ("sock_id") where "sock_id" is not null',
    },
  ],
});
