import {
  BRANDS,
  COLORS,
  CONDITIONS,
  ENVIRONMENTS,
  FABRICS,
  SIZES,
  SOCK_TYPES,
  THICKNESSES,
  type Option,
} from '../options/option-lists.js';

/** A text, trimmed, of `min`–`max` characters. */
export interface TextField {
  readonly kind: 'text';
  readonly min: number;
  readonly max: number;
}

/** One key of `options`; the order of the list matters to the similarity score. */
export interface OptionField<K extends string = string> {
  readonly kind: 'option';
  readonly options: ReadonlyArray<Option<K>>;
}

/** A whole number from `min` to `max`. */
export interface IntegerField {
  readonly kind: 'integer';
  readonly min: number;
  readonly max: number;
}

/** A calendar day, `YYYY-MM-DD`, never in the future. */
export interface DateField {
  readonly kind: 'date';
}

export type SockField = TextField | OptionField | IntegerField | DateField;
export type SockFieldKind = SockField['kind'];

/**
 * The 16 attributes a person describes a sock with, in the order of the original's form: the one
 * list of them. The domain checks them, and the request schemas, the columns, the forms and the
 * seeds are generated from it.
 */
export const SOCK_FIELDS = {
  name: { kind: 'text', min: 1, max: 100 },
  story: { kind: 'text', min: 0, max: 2000 },
  color: { kind: 'option', options: COLORS },
  fabric: { kind: 'option', options: FABRICS },
  thickness: { kind: 'option', options: THICKNESSES },
  brand: { kind: 'option', options: BRANDS },
  type: { kind: 'option', options: SOCK_TYPES },
  size: { kind: 'option', options: SIZES },
  /** Years. */
  age: { kind: 'integer', min: 0, max: 25 },
  /** "Lonely since". */
  separationDate: { kind: 'date' },
  condition: { kind: 'option', options: CONDITIONS },
  holes: { kind: 'integer', min: 0, max: 10 },
  kilometers: { kind: 'integer', min: 0, max: 1000 },
  environment: { kind: 'option', options: ENVIRONMENTS },
  washedPerWeek: { kind: 'integer', min: 0, max: 7 },
  specialty: { kind: 'text', min: 1, max: 250 },
} as const satisfies Record<string, SockField>;

export type SockFieldName = keyof typeof SOCK_FIELDS;

/** The names of the fields of one kind (`SockFieldsOfKind<'integer'>`: `'age' | 'holes' | …`). */
export type SockFieldsOfKind<K extends SockFieldKind> = {
  [N in SockFieldName]: (typeof SOCK_FIELDS)[N]['kind'] extends K ? N : never;
}[SockFieldName];

/** The value a field holds: an option's key, a number, or a string (texts and days). */
export type SockFieldValue<F extends SockField> =
  F extends OptionField<infer K> ? K : F extends IntegerField ? number : string;

/** The field names in the definition's order. */
export const SOCK_FIELD_NAMES = Object.freeze(Object.keys(SOCK_FIELDS) as SockFieldName[]);

/** The names of the fields of one kind, in the definition's order. */
export function sockFieldsOfKind<K extends SockFieldKind>(kind: K): ReadonlyArray<SockFieldsOfKind<K>> {
  return SOCK_FIELD_NAMES.filter((name) => SOCK_FIELDS[name].kind === kind) as Array<SockFieldsOfKind<K>>;
}

/**
 * One entry per field, in the definition's order: `value(name, field)` each. The caller states
 * the record's precise type when it needs one (a loop cannot tell the compiler).
 */
export function mapSockFields<V>(
  value: (name: SockFieldName, field: SockField) => V,
): Record<SockFieldName, V> {
  return Object.fromEntries(SOCK_FIELD_NAMES.map((name) => [name, value(name, SOCK_FIELDS[name])])) as Record<
    SockFieldName,
    V
  >;
}

/** The fields of `source` and nothing else, in the definition's order. */
export function pickSockFields<T extends { readonly [N in SockFieldName]: unknown }>(
  source: T,
): Pick<T, SockFieldName> {
  return mapSockFields((name) => source[name]) as Pick<T, SockFieldName>;
}
