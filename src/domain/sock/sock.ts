import { isOptionKey } from '../options/option-lists.js';
import { CalendarDate } from '../shared/calendar-date.js';
import { definedOnly } from '../shared/defined-only.js';
import { InvalidValueError } from '../shared/domain-error.js';
import {
  SOCK_FIELDS,
  SOCK_FIELD_NAMES,
  pickSockFields,
  sockFieldsOfKind,
  type SockFieldName,
  type SockFieldValue,
} from './sock-fields.js';

/** The 16 attributes a person describes a sock with (`SOCK_FIELDS`). */
export type SockAttributes = {
  readonly [N in SockFieldName]: SockFieldValue<(typeof SOCK_FIELDS)[N]>;
};

export interface Sock extends SockAttributes {
  readonly id: string;
  readonly ownerId: string;
  /** When the sock joined HotSox (the original's "joining date"). */
  readonly createdAt: Date;
}

export interface AddSockProps {
  readonly id: string;
  readonly ownerId: string;
  readonly attributes: SockAttributes;
  readonly today: CalendarDate;
  readonly at: Date;
}

export const Sock = {
  /** @throws {InvalidValueError} */
  add(props: AddSockProps): Sock {
    const attributes = normalized(props.attributes);
    assertAttributes(attributes, props.today);
    return { id: props.id, ownerId: props.ownerId, ...attributes, createdAt: props.at };
  },

  /** Fields left out of `changes` (or undefined) keep their value. @throws {InvalidValueError} */
  update(sock: Sock, changes: Partial<SockAttributes>, today: CalendarDate): Sock {
    const given = definedOnly(changes);
    const attributes = normalized({ ...sock, ...given });
    assertAttributes(attributes, today);
    return { ...sock, ...attributes };
  },

  isOwnedBy(sock: Sock, userId: string): boolean {
    return sock.ownerId === userId;
  },

  /** Whether the two versions of a sock score differently against others (all but the name count). */
  scoresDiffer(before: Sock, after: Sock): boolean {
    return SOCK_FIELD_NAMES.some((k) => k !== 'name' && before[k] !== after[k]);
  },
};

const TEXTS = sockFieldsOfKind('text');
const INTEGERS = sockFieldsOfKind('integer');
const OPTIONS = sockFieldsOfKind('option');
const DATES = sockFieldsOfKind('date');

function assertAttributes(a: SockAttributes, today: CalendarDate): void {
  for (const field of TEXTS) assertLength(field, a[field], SOCK_FIELDS[field]);
  for (const field of INTEGERS) {
    const { min, max } = SOCK_FIELDS[field];
    const value = a[field];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new InvalidValueError(field, `${field} must be a whole number from ${min} to ${max}.`);
    }
  }
  for (const field of OPTIONS) {
    if (!isOptionKey(SOCK_FIELDS[field].options, String(a[field]))) {
      throw new InvalidValueError(field, `${field} must be one of the options.`);
    }
  }
  for (const field of DATES) assertDay(field, a[field], today);
}

function assertDay(field: string, value: string, today: CalendarDate): void {
  const day = CalendarDate.parse(value);
  if (!day) throw new InvalidValueError(field, `${field} must be a date (YYYY-MM-DD).`);
  if (day.isAfter(today)) throw new InvalidValueError(field, `${field} cannot be in the future.`);
}

function assertLength(field: string, value: string, rule: { min: number; max: number }): void {
  if (value.length < rule.min || value.length > rule.max) {
    throw new InvalidValueError(field, `${field} must be ${rule.min}–${rule.max} characters.`);
  }
}

/** Only the 16 attributes, texts trimmed. */
function normalized(a: SockAttributes): SockAttributes {
  const attributes: Record<string, unknown> = pickSockFields(a);
  for (const field of TEXTS) attributes[field] = a[field].trim();
  return attributes as SockAttributes;
}
