import {
  BRANDS,
  COLORS,
  CONDITIONS,
  ENVIRONMENTS,
  FABRICS,
  SIZES,
  SOCK_TYPES,
  THICKNESSES,
  ordinalOf,
} from '../options/option-lists.js';
import { CalendarDate } from '../shared/calendar-date.js';
import type { Sock } from '../sock/sock.js';
import type { SockFieldName } from '../sock/sock-fields.js';
import { sequenceRatio } from './text-similarity.js';

/** What the similarity score looks at: the attributes but the name, and the day the sock joined. */
export type ScoredSock = Pick<Sock, Exclude<SockFieldName, 'name'> | 'createdAt'>;

/**
 * The weights and divisors of the original's pre-prediction algorithm (reference §2.6).
 * Each term adds `weight × (1 − |Δ| / divisor)`; choices compare their 1-based positions.
 * The persistence adapter computes the same numeric terms in SQL from this table.
 * Written out, not derived from `SOCK_FIELDS`: the weights are the original's, and the order is
 * the order of the sums. A test checks that the terms score every attribute but the name once.
 */
export const ORDINAL_TERMS = [
  { field: 'color', weight: 10, divisor: 10, options: COLORS },
  { field: 'size', weight: 8, divisor: 7, options: SIZES },
  { field: 'type', weight: 7, divisor: 9, options: SOCK_TYPES },
  { field: 'fabric', weight: 6, divisor: 7, options: FABRICS },
  { field: 'condition', weight: 6, divisor: 12, options: CONDITIONS },
  { field: 'thickness', weight: 5, divisor: 7, options: THICKNESSES },
  { field: 'environment', weight: 4, divisor: 9, options: ENVIRONMENTS },
  { field: 'brand', weight: 3, divisor: 12, options: BRANDS },
] as const;

export const INTEGER_TERMS = [
  { field: 'holes', weight: 6, divisor: 10 },
  { field: 'age', weight: 5, divisor: 25 },
  { field: 'kilometers', weight: 4, divisor: 1000 },
  { field: 'washedPerWeek', weight: 4, divisor: 7 },
] as const;

export const DATE_TERMS = {
  joined: { weight: 5 },
  separated: { weight: 2 },
  windowDays: 60,
  floor: 0.1,
} as const;
export const TEXT_TERMS = { specialty: { weight: 2 }, story: { weight: 2 } } as const;
/** The most the two text terms can add together: the margin the SQL pre-ranking must keep. */
export const MAX_TEXT_POINTS = TEXT_TERMS.specialty.weight + TEXT_TERMS.story.weight;
export const SCORE_START = -1;

/**
 * The ratio of two days `d` days apart. The original gives (60 − d) / 60 up to 60 days and 0.1
 * beyond, so 60 days apart scored 0 but 61 days scored 0.1. We never go below 0.1, which makes
 * the ratio fall steadily to 0.1 (reached at 54 days) and stay there.
 */
export function dateRatio(days: number): number {
  return Math.max(DATE_TERMS.floor, (DATE_TERMS.windowDays - Math.abs(days)) / DATE_TERMS.windowDays);
}

/** Everything but the two text terms, starting at −1: what SQL can compute. */
export function numericScore(own: ScoredSock, other: ScoredSock): number {
  let score = SCORE_START;
  for (const term of ORDINAL_TERMS) {
    const a = ordinalOf(term.options, own[term.field] as never);
    const b = ordinalOf(term.options, other[term.field] as never);
    score += term.weight * (1 - Math.abs(a - b) / term.divisor);
  }
  for (const term of INTEGER_TERMS) {
    score += term.weight * (1 - Math.abs(own[term.field] - other[term.field]) / term.divisor);
  }
  const joined = CalendarDate.fromInstant(own.createdAt).daysUntil(CalendarDate.fromInstant(other.createdAt));
  const separated = CalendarDate.of(own.separationDate).daysUntil(CalendarDate.of(other.separationDate));
  score += DATE_TERMS.joined.weight * dateRatio(joined);
  score += DATE_TERMS.separated.weight * dateRatio(separated);
  return score;
}

/** The two text terms (difflib's SequenceMatcher ratio), at most `MAX_TEXT_POINTS`. */
export function textScore(own: ScoredSock, other: ScoredSock): number {
  return (
    TEXT_TERMS.specialty.weight * sequenceRatio(own.specialty, other.specialty) +
    TEXT_TERMS.story.weight * sequenceRatio(own.story, other.story)
  );
}

/** How well `other` suits `own`: the original's score, at most 78 for identical socks. */
export function similarityScore(own: ScoredSock, other: ScoredSock): number {
  return numericScore(own, other) + textScore(own, other);
}
