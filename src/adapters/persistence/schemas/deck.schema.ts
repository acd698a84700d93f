import { EntitySchema } from '@mikro-orm/core';
import { INSERTION_ORDER, INSTANT, NO_UPDATE_RULE } from './columns.js';

/** A row of `decks`: a sock's deck, built (`builtAt`) or only asked for (`buildRequestedAt`). */
export interface DeckRow {
  sockId: string;
  builtAt: Date | null;
  floor: number | null;
  buildRequestedAt: Date | null;
}

/** A row of `deck_entries`: one ranked candidate of a deck. */
export interface DeckEntryRow {
  sockId: string;
  candidateId: string;
  score: number;
}

/** A row of `sock_changes`, written by triggers only (see the decks migration). */
export interface SockChangeRow {
  seq?: string;
  sockId: string;
  changedAt: Date;
}

export const DeckSchema = new EntitySchema<DeckRow>({
  name: 'DeckRow',
  tableName: 'decks',
  properties: {
    sockId: {
      kind: '1:1',
      entity: 'SockRow',
      mapToPk: true,
      primary: true,
      owner: true,
      fieldName: 'sock_id',
      deleteRule: 'cascade',
      ...NO_UPDATE_RULE,
    },
    builtAt: { ...INSTANT, nullable: true },
    floor: { type: 'double', nullable: true },
    buildRequestedAt: { ...INSTANT, nullable: true },
  },
});

export const DeckEntrySchema = new EntitySchema<DeckEntryRow>({
  name: 'DeckEntryRow',
  tableName: 'deck_entries',
  properties: {
    sockId: {
      kind: 'm:1',
      entity: 'DeckRow',
      mapToPk: true,
      primary: true,
      fieldName: 'sock_id',
      deleteRule: 'cascade',
      ...NO_UPDATE_RULE,
    },
    candidateId: {
      kind: 'm:1',
      entity: 'SockRow',
      mapToPk: true,
      primary: true,
      fieldName: 'candidate_id',
      deleteRule: 'cascade',
      ...NO_UPDATE_RULE,
    },
    score: { type: 'double' },
  },
  indexes: [
    {
      name: 'deck_entries_next_index',
      expression:
        'create index "deck_entries_next_index" on "deck_entries" ("sock_id", "score" desc, "candidate_id")',
    },
    { name: 'deck_entries_candidate_id_index', properties: ['candidateId'] },
  ],
});

export const SockChangeSchema = new EntitySchema<SockChangeRow>({
  name: 'SockChangeRow',
  tableName: 'sock_changes',
  properties: {
    seq: { ...INSERTION_ORDER, primary: true, nullable: false },
    sockId: { type: 'uuid' },
    changedAt: { ...INSTANT },
  },
});
