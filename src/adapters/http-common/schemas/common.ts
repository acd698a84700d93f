import { z } from 'zod';
import { PAGE_SIZE } from '../../../domain/shared/page.js';

/** Ids are UUIDs; anything else (including `../` tricks) is a 400 before any lookup. */
export const Id = z.uuid({ message: 'must be a valid id' });

/** A trimmed string of `min`–`max` characters. */
export const text = (min: number, max: number) => z.string().trim().min(min).max(max);

/** Integers in query strings arrive as text. */
export const queryInt = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

export const PageQuery = z.object({
  page: queryInt(1, 1_000_000, 1),
  pageSize: queryInt(PAGE_SIZE.min, PAGE_SIZE.max, PAGE_SIZE.default),
});
export type PageQuery = z.infer<typeof PageQuery>;

export const Timestamp = z.iso.datetime({ offset: false }).describe('ISO 8601 UTC timestamp');
export const DateOnly = z.iso.date().describe('YYYY-MM-DD');

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.strictObject({
    items: z.array(item),
    page: z.int().min(1),
    pageSize: z.int().min(1),
    total: z.int().min(0),
  });

export const Picture = z
  .strictObject({ id: Id, url: z.string(), thumbnailUrl: z.string(), createdAt: Timestamp })
  .meta({ id: 'Picture' });

export const FieldError = z.strictObject({ path: z.string(), message: z.string() });

export const Problem = z
  .strictObject({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    code: z.string(),
    errors: z.array(FieldError).optional(),
  })
  .meta({ id: 'Problem' });

export const HealthStatus = z.strictObject({ status: z.literal('ok') });
