import type { Option } from '../../domain/options/option-lists.js';
import { ordinalOf } from '../../domain/options/option-lists.js';
import { OWNER_COLUMNS } from './candidate-rows.js';
import { columnName } from './schemas/columns.js';
import { CalendarDate } from '../../domain/shared/calendar-date.js';
import type { Sock } from '../../domain/sock/sock.js';
import {
  DATE_TERMS,
  INTEGER_TERMS,
  MAX_TEXT_POINTS,
  ORDINAL_TERMS,
  SCORE_START,
  type ScoredSock,
} from '../../domain/swiping/similarity-score.js';

/** A piece of SQL with its positional `?` bindings, in order. */
export interface SqlFragment {
  readonly sql: string;
  readonly bindings: readonly unknown[];
}

/**
 * The most rows `candidateShortlistSql` returns by default. Beyond it the shortlist is no longer
 * exact: see `candidateShortlistSql`.
 */
export const SHORTLIST_CAP = 500;

/**
 * Scores never differ from the domain's by more than floating-point noise, far below this; it
 * keeps a candidate whose SQL score lands a hair under the cutoff.
 */
const NOISE = 1e-6;

/**
 * The candidates of `own` (the rules of `isCandidate`) that can be among the best `limit`, as
 * `socks` rows, in one statement:
 *
 * 1. `best`: the candidates with their numeric score (`numericScoreSql`), the best
 *    `SHORTLIST_CAP` of them (one pass, a bounded top-N sort). The exclusions are NOT EXISTS
 *    probes, each backed by an index: the sock's pictures (`pictures_sock_id_not_null_index`),
 *    this sock's swipes (`swipes_pkey`, which leads with sock_id), and the owner's matches in
 *    either role (`matches_initiator_id_partner_id_index`, `matches_partner_id_initiator_id_index`).
 * 2. `cutoff`: the `limit`-th best numeric score (`OFFSET limit − 1 LIMIT 1`), less
 *    `MAX_TEXT_POINTS` (the most the two text terms can add) and a little noise.
 * 3. The socks of `best` that score at least the cutoff, ties included, fetched by primary key
 *    with their owner's columns and their numeric score (so nobody computes it again).
 *
 * Why that is exact: the `limit` best by numeric score all score at least T (the `limit`-th best)
 * in full, as the text terms add nothing negative; a candidate below T − MAX_TEXT_POINTS scores
 * below T in full, so at least `limit` candidates beat it whatever the tie-breaks.
 *
 * The bound: at most `cap` rows come back (`SHORTLIST_CAP` by default). When more candidates
 * than that lie within `MAX_TEXT_POINTS` of the cutoff, the rows kept are the best by numeric
 * score (ties: the older sock, then the id), and the ranking can miss a candidate outside them
 * whose text terms would have lifted it into the best `limit`. Dense data makes that common:
 * once a sock has judged its best-ranked candidates, the rest crowd together, and with uniformly
 * random attributes the window holds thousands of candidates at 100k socks. `npm run
 * bench:candidates` reports the window and how many of the best 20 the capped shortlist got right.
 */
export function candidateShortlistSql(own: Sock, limit: number, cap: number = SHORTLIST_CAP): SqlFragment {
  if (!Number.isInteger(cap) || cap < 1) throw new RangeError(`cap must be a positive integer: ${cap}`);
  if (!Number.isInteger(limit) || limit < 1 || limit > cap) {
    throw new RangeError(`limit must be an integer from 1 to the cap (${cap}): ${limit}`);
  }
  const score = numericScoreSql(own, 's');
  const sql = `with best as (
  select s.id, ${score.sql} as score
  from socks s
  where s.owner_id <> ?::uuid
    and exists (select 1 from pictures p where p.sock_id = s.id)
    and not exists (select 1 from swipes w where w.sock_id = ?::uuid and w.target_sock_id = s.id)
    and not exists (select 1 from matches m where m.initiator_id = ?::uuid and m.partner_id = s.owner_id)
    and not exists (select 1 from matches m where m.partner_id = ?::uuid and m.initiator_id = s.owner_id)
  order by score desc nulls last, s.created_at, s.id
  limit ?
),
cutoff as (
  select score - ?::float8 as floor from best order by score desc nulls last offset ? limit 1
)
select s.*, best.score as numeric_score, ${OWNER_COLUMNS}
from best
join socks s on s.id = best.id
join users u on u.id = s.owner_id
where best.score >= coalesce((select floor from cutoff), '-infinity'::float8)`;
  return {
    sql,
    bindings: [
      ...score.bindings,
      own.ownerId,
      own.id,
      own.ownerId,
      own.ownerId,
      cap,
      MAX_TEXT_POINTS + NOISE,
      limit - 1,
    ],
  };
}

/**
 * `numericScore(own, <row of alias>)` as one SQL expression of type float8, generated from the
 * domain's own tables (`ORDINAL_TERMS`, `INTEGER_TERMS`, `DATE_TERMS`), so a weight, a divisor
 * or the order of a choice list changes in one place only. The own sock's values are bindings.
 *
 * The terms are added in the domain's order with the same float8 operations (`w × (1 − |Δ| / d)`,
 * `max(floor, (window − |days|) / window)`), so the SQL score equals `numericScore` to the last
 * bit in practice; callers still keep a margin, so that equality is never relied on.
 *
 * - A choice compares its 1-based ordinal: `CASE col WHEN 'key₁' THEN 1 … END` built from the
 *   option list (the CHECK constraints keep other values out; one would make the score NULL).
 * - Integers are subtracted as bigint, so no value the columns can hold overflows.
 * - `created_at` counts in whole UTC calendar days (`(created_at AT TIME ZONE 'UTC')::date`),
 *   as `CalendarDate.fromInstant` does; `separation_date` is already a date.
 */
export function numericScoreSql(own: ScoredSock, alias: string): SqlFragment {
  const terms: string[] = [];
  const bindings: unknown[] = [];
  for (const term of ORDINAL_TERMS) {
    terms.push(
      `${term.weight} * (1 - abs(?::int - ${ordinalCase(term.options, `${alias}.${columnName(term.field)}`)})::float8 / ${term.divisor})`,
    );
    bindings.push(ordinalOf<string>(term.options, own[term.field]));
  }
  for (const term of INTEGER_TERMS) {
    terms.push(
      `${term.weight} * (1 - abs(?::bigint - ${alias}.${columnName(term.field)})::float8 / ${term.divisor})`,
    );
    bindings.push(own[term.field]);
  }
  terms.push(
    `${DATE_TERMS.joined.weight} * ${dateRatioSql(`(${alias}.created_at at time zone 'UTC')::date`)}`,
  );
  bindings.push(CalendarDate.fromInstant(own.createdAt).toString());
  terms.push(`${DATE_TERMS.separated.weight} * ${dateRatioSql(`${alias}.separation_date`)}`);
  bindings.push(own.separationDate);
  return { sql: `(${float(SCORE_START)} + ${terms.join('\n  + ')})`, bindings };
}

/** `dateRatio(days between ?::date and the candidate's day)`; one binding: the own sock's day. */
function dateRatioSql(candidateDay: string): string {
  const window = DATE_TERMS.windowDays;
  return `greatest(${float(DATE_TERMS.floor)}, (${window} - abs(?::date - ${candidateDay}))::float8 / ${window})`;
}

/** `CASE col WHEN 'k₁' THEN 1 WHEN 'k₂' THEN 2 … END`: the 1-based ordinal of a choice column. */
function ordinalCase(options: ReadonlyArray<Option>, columnRef: string): string {
  const arms = options.map((o, i) => `when ${textLiteral(o.key)} then ${i + 1}`).join(' ');
  return `case ${columnRef} ${arms} end`;
}

function float(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return `${value}::float8`;
}

/**
 * A quoted SQL literal for a choice key. Keys are slugs; a `?` would be taken for a binding
 * by the query builder, so it is refused rather than escaped.
 */
function textLiteral(value: string): string {
  if (/[?\\]/.test(value)) throw new Error(`unexpected character in option key: ${value}`);
  return `'${value.replaceAll("'", "''")}'`;
}
