import {
  BRANDS,
  COLORS,
  CONDITIONS,
  ENVIRONMENTS,
  FABRICS,
  SIZES,
  SOCK_TYPES,
  THICKNESSES,
  isOptionKey,
  type BrandKey,
  type ColorKey,
  type ConditionKey,
  type EnvironmentKey,
  type FabricKey,
  type Option,
  type SizeKey,
  type SockTypeKey,
  type ThicknessKey,
} from '../options/option-lists.js';
import { CalendarDate } from '../shared/calendar-date.js';
import { definedOnly } from '../shared/defined-only.js';
import { InvalidValueError } from '../shared/domain-error.js';
import { SOCK_INTEGER_FIELDS, SOCK_RULES } from './sock-rules.js';

/** The 16 attributes a person describes a sock with. */
export interface SockAttributes {
  readonly name: string;
  readonly story: string;
  readonly color: ColorKey;
  readonly fabric: FabricKey;
  readonly thickness: ThicknessKey;
  readonly brand: BrandKey;
  readonly type: SockTypeKey;
  readonly size: SizeKey;
  /** Years, 0–25. */
  readonly age: number;
  /** `YYYY-MM-DD`, "lonely since"; never in the future. */
  readonly separationDate: string;
  readonly condition: ConditionKey;
  readonly holes: number;
  readonly kilometers: number;
  readonly environment: EnvironmentKey;
  readonly washedPerWeek: number;
  readonly specialty: string;
}

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
    const a = pick(before);
    const b = pick(after);
    return (Object.keys(a) as Array<keyof SockAttributes>).some((k) => k !== 'name' && a[k] !== b[k]);
  },
};

const CHOICES: ReadonlyArray<readonly [keyof SockAttributes, ReadonlyArray<Option>]> = [
  ['color', COLORS],
  ['fabric', FABRICS],
  ['thickness', THICKNESSES],
  ['brand', BRANDS],
  ['type', SOCK_TYPES],
  ['size', SIZES],
  ['condition', CONDITIONS],
  ['environment', ENVIRONMENTS],
];

function assertAttributes(a: SockAttributes, today: CalendarDate): void {
  assertLength('name', a.name, SOCK_RULES.name);
  assertLength('story', a.story, SOCK_RULES.story);
  assertLength('specialty', a.specialty, SOCK_RULES.specialty);
  for (const field of SOCK_INTEGER_FIELDS) {
    const { min, max } = SOCK_RULES[field];
    const value = a[field];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new InvalidValueError(field, `${field} must be a whole number from ${min} to ${max}.`);
    }
  }
  for (const [field, options] of CHOICES) {
    if (!isOptionKey(options, String(a[field]))) {
      throw new InvalidValueError(field, `${field} must be one of the options.`);
    }
  }
  const separation = CalendarDate.parse(a.separationDate);
  if (!separation)
    throw new InvalidValueError('separationDate', 'separationDate must be a date (YYYY-MM-DD).');
  if (separation.isAfter(today)) {
    throw new InvalidValueError('separationDate', 'separationDate cannot be in the future.');
  }
}

function assertLength(field: string, value: string, rule: { min: number; max: number }): void {
  if (value.length < rule.min || value.length > rule.max) {
    throw new InvalidValueError(field, `${field} must be ${rule.min}–${rule.max} characters.`);
  }
}

function normalized(a: SockAttributes): SockAttributes {
  return { ...pick(a), name: a.name.trim(), story: a.story.trim(), specialty: a.specialty.trim() };
}

function pick(a: SockAttributes): SockAttributes {
  return {
    name: a.name,
    story: a.story,
    color: a.color,
    fabric: a.fabric,
    thickness: a.thickness,
    brand: a.brand,
    type: a.type,
    size: a.size,
    age: a.age,
    separationDate: a.separationDate,
    condition: a.condition,
    holes: a.holes,
    kilometers: a.kilometers,
    environment: a.environment,
    washedPerWeek: a.washedPerWeek,
    specialty: a.specialty,
  };
}
