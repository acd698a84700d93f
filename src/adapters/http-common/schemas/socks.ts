import { z } from 'zod';
import {
  BRANDS,
  COLORS,
  CONDITIONS,
  ENVIRONMENTS,
  FABRICS,
  SIZES,
  SOCK_TYPES,
  THICKNESSES,
  keysOf,
} from '../../../domain/options/option-lists.js';
import { SOCK_RULES } from '../../../domain/sock/sock-rules.js';
import { DateOnly, Id, Picture, Timestamp, text } from './common.js';

const int = (rule: { min: number; max: number }) => z.int().min(rule.min).max(rule.max);

/** "Lonely since" cannot be in the future (compared with today's UTC date at request time). */
const SeparationDate = DateOnly.refine(
  (d) => d <= new Date().toISOString().slice(0, 10),
  'cannot be in the future',
);

const attributeFields = {
  name: text(SOCK_RULES.name.min, SOCK_RULES.name.max),
  story: text(SOCK_RULES.story.min, SOCK_RULES.story.max),
  color: z.enum(keysOf(COLORS)),
  fabric: z.enum(keysOf(FABRICS)),
  thickness: z.enum(keysOf(THICKNESSES)),
  brand: z.enum(keysOf(BRANDS)),
  type: z.enum(keysOf(SOCK_TYPES)),
  size: z.enum(keysOf(SIZES)),
  age: int(SOCK_RULES.age),
  separationDate: SeparationDate,
  condition: z.enum(keysOf(CONDITIONS)),
  holes: int(SOCK_RULES.holes),
  kilometers: int(SOCK_RULES.kilometers),
  environment: z.enum(keysOf(ENVIRONMENTS)),
  washedPerWeek: int(SOCK_RULES.washedPerWeek),
  specialty: text(SOCK_RULES.specialty.min, SOCK_RULES.specialty.max),
};

export const NewSockBody = z
  .strictObject({ ...attributeFields, story: attributeFields.story.default('') })
  .meta({ id: 'NewSock' });
export type NewSockBody = z.infer<typeof NewSockBody>;

export const SockPatchBody = z.strictObject(attributeFields).partial().meta({ id: 'SockPatch' });
export type SockPatchBody = z.infer<typeof SockPatchBody>;

const sockOutputFields = {
  id: Id,
  name: z.string(),
  story: z.string(),
  color: attributeFields.color,
  fabric: attributeFields.fabric,
  thickness: attributeFields.thickness,
  brand: attributeFields.brand,
  type: attributeFields.type,
  size: attributeFields.size,
  age: z.int(),
  separationDate: DateOnly,
  condition: attributeFields.condition,
  holes: z.int(),
  kilometers: z.int(),
  environment: attributeFields.environment,
  washedPerWeek: z.int(),
  specialty: z.string(),
  pictures: z.array(Picture),
};

export const Sock = z.strictObject({ ...sockOutputFields, createdAt: Timestamp }).meta({ id: 'Sock' });
export type Sock = z.infer<typeof Sock>;

/** A candidate's sock: everything but `createdAt`. */
export const CandidateSock = z.strictObject(sockOutputFields).meta({ id: 'CandidateSock' });
