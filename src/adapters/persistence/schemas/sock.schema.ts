import { EntitySchema } from '@mikro-orm/core';
import {
  BRANDS,
  COLORS,
  CONDITIONS,
  ENVIRONMENTS,
  FABRICS,
  SIZES,
  SOCK_TYPES,
  THICKNESSES,
} from '../../../domain/options/option-lists.js';
import { CALENDAR_DATE, INSERTION_ORDER, INSTANT, NO_UPDATE_RULE, choiceOf, optionKeys } from './columns.js';

/** A row of `socks`; deleting the owner deletes the sock. */
export interface SockRow {
  id: string;
  seq?: string;
  ownerId: string;
  name: string;
  story: string;
  color: string;
  fabric: string;
  thickness: string;
  brand: string;
  type: string;
  size: string;
  age: number;
  separationDate: string;
  condition: string;
  holes: number;
  kilometers: number;
  environment: string;
  washedPerWeek: number;
  specialty: string;
  createdAt: Date;
}

const CHOICES = {
  color: COLORS,
  fabric: FABRICS,
  thickness: THICKNESSES,
  brand: BRANDS,
  type: SOCK_TYPES,
  size: SIZES,
  condition: CONDITIONS,
  environment: ENVIRONMENTS,
} as const;

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
    name: { type: 'text' },
    story: { type: 'text' },
    color: choiceOf(optionKeys(CHOICES.color)),
    fabric: choiceOf(optionKeys(CHOICES.fabric)),
    thickness: choiceOf(optionKeys(CHOICES.thickness)),
    brand: choiceOf(optionKeys(CHOICES.brand)),
    type: choiceOf(optionKeys(CHOICES.type)),
    size: choiceOf(optionKeys(CHOICES.size)),
    age: { type: 'integer' },
    separationDate: { ...CALENDAR_DATE },
    condition: choiceOf(optionKeys(CHOICES.condition)),
    holes: { type: 'integer' },
    kilometers: { type: 'integer' },
    environment: choiceOf(optionKeys(CHOICES.environment)),
    washedPerWeek: { type: 'integer' },
    specialty: { type: 'text' },
    createdAt: { ...INSTANT },
  },
  indexes: [{ name: 'socks_owner_id_index', properties: ['ownerId', 'createdAt', 'seq'] }],
});
