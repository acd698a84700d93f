import { z } from 'zod';
import { keysOf } from '../../../domain/options/option-lists.js';
import {
  mapSockFields,
  type IntegerField,
  type OptionField,
  type SOCK_FIELDS,
  type SockField,
  type SockFieldName,
  type TextField,
} from '../../../domain/sock/sock-fields.js';
import { DateOnly, Id, Picture, Timestamp, text } from './common.js';

/** "Lonely since" cannot be in the future (compared with today's UTC date at request time). */
const SeparationDate = DateOnly.refine(
  (d) => d <= new Date().toISOString().slice(0, 10),
  'cannot be in the future',
);

/**
 * The schema of each attribute as the compiler sees it (it cannot follow the builders' loop):
 * choices are enums of their keys; days are `DateOnly`, refined or not.
 */
type AttributeSchemas = {
  [N in SockFieldName]: (typeof SOCK_FIELDS)[N] extends OptionField<infer K>
    ? z.ZodEnum<{ [V in K]: V }>
    : (typeof SOCK_FIELDS)[N] extends TextField
      ? z.ZodString
      : (typeof SOCK_FIELDS)[N] extends IntegerField
        ? z.ZodInt
        : typeof DateOnly;
};

/** What a request may send for an attribute: the rules of `SOCK_FIELDS`. */
function attributeInput(field: SockField) {
  switch (field.kind) {
    case 'text':
      return text(field.min, field.max);
    case 'option':
      return z.enum(keysOf(field.options));
    case 'integer':
      return z.int().min(field.min).max(field.max);
    case 'date':
      return SeparationDate;
  }
}

const attributeFields = mapSockFields((_, field) => attributeInput(field)) as AttributeSchemas;

export const NewSockBody = z
  .strictObject({ ...attributeFields, story: attributeFields.story.default('') })
  .meta({ id: 'NewSock' });
export type NewSockBody = z.infer<typeof NewSockBody>;

export const SockPatchBody = z.strictObject(attributeFields).partial().meta({ id: 'SockPatch' });
export type SockPatchBody = z.infer<typeof SockPatchBody>;

/** What a response holds for an attribute: the same choices, no other rule (the domain kept them). */
function attributeOutput(name: SockFieldName, field: SockField) {
  switch (field.kind) {
    case 'text':
      return z.string();
    case 'option':
      return attributeFields[name];
    case 'integer':
      return z.int();
    case 'date':
      return DateOnly;
  }
}

const sockOutputFields = {
  id: Id,
  ...(mapSockFields(attributeOutput) as AttributeSchemas),
  pictures: z.array(Picture),
};

export const Sock = z.strictObject({ ...sockOutputFields, createdAt: Timestamp }).meta({ id: 'Sock' });
export type Sock = z.infer<typeof Sock>;

/** A candidate's sock: everything but `createdAt`. */
export const CandidateSock = z.strictObject(sockOutputFields).meta({ id: 'CandidateSock' });
