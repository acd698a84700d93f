import type { Option } from '../../../domain/options/option-lists.js';

/**
 * Column helpers shared by the schemas. Instants are `timestamptz(3)`: JavaScript dates carry
 * milliseconds, so a stored instant reads back exactly as it was written.
 */
export const INSTANT = { type: 'datetime', columnType: 'timestamptz(3)' } as const;

/** A `date` column: the driver returns 'YYYY-MM-DD' strings, so no time zone can shift the day. */
export const CALENDAR_DATE = { type: 'date', columnType: 'date' } as const;

/**
 * `seq bigint generated always as identity`: insertion order, the tie-break of every listing
 * when two rows share a timestamp (the in-memory fakes break ties the same way). Never written.
 */
export const INSERTION_ORDER = {
  type: 'bigint',
  generated: 'identity',
  autoincrement: true,
  nullable: true,
} as const;

/** Foreign keys never follow primary-key updates: ids are immutable. */
export const NO_UPDATE_RULE = { updateRule: 'no action' } as const;

/**
 * A choice column: `text` with a CHECK constraint `<table>_<column>_check` listing the keys.
 * MikroORM reads such a check back as the column's enum items, so the schema comparator
 * compares the keys themselves with the migration's.
 */
export function choiceOf(keys: readonly string[]): { enum: true; items: string[]; columnType: 'text' } {
  return { enum: true, items: [...keys], columnType: 'text' };
}

export function optionKeys(options: ReadonlyArray<Option>): string[] {
  return options.map((o) => o.key);
}

/** A property's column under MikroORM's underscore naming: `washedPerWeek` → `washed_per_week`. */
export type ColumnName<P extends string> = P extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${ColumnName<Tail>}`
  : P;

export function columnName<P extends string>(property: P): ColumnName<P> {
  return property.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) as ColumnName<P>;
}
