import type {
  BestCandidates,
  CandidatePool,
  DeckExclusions,
  DeckPlacement,
} from '../../../application/ports/candidate-pool.js';
import type { Sock } from '../../../domain/sock/sock.js';
import { SOCK_FIELDS } from '../../../domain/sock/sock-fields.js';
import type { DeckEntry } from '../../../domain/swiping/deck.js';
import { uuidsOnly } from '../ids.js';
import {
  SOCK_SCORED_FIELDS,
  scoredFieldsOfJson,
  type SockScoredField,
  type SockScoredJson,
} from '../raw-rows.js';
import { columnName } from '../schemas/columns.js';
import type { TransactionScope } from '../transaction-scope.js';
import { ColumnarSocks, type ColumnarSockRow, type SockTexts } from './columnar-socks.js';

export interface PostgresCandidatePoolOptions {
  /** Gets one line per full load of the socks (how many, how long, how much memory). */
  readonly logger?: { info(details: object, message: string): void };
  /** Socks read per statement when loading (default 20 000). */
  readonly batchSize?: number;
}

/**
 * `sequenceRatio` counts UTF-16 code units and PostgreSQL's `length` counts characters: a
 * character outside the Basic Multilingual Plane (an emoji) is one character but two code
 * units. The text bound needs the code units, so those characters are counted twice; the
 * regular expression only runs on texts that are not pure ASCII.
 */
function utf16Length(column: string): string {
  return `case when octet_length(${column}) = length(${column}) then length(${column})
    else length(${column}) + length(regexp_replace(${column}, '[^\\U00010000-\\U0010FFFF]', '', 'g')) end`;
}

/** A scored column as `SockScoredJson` has it: days as `YYYY-MM-DD` text, like `to_json` gives them. */
function scoredColumn(field: SockScoredField): string {
  const column = columnName(field);
  return SOCK_FIELDS[field].kind === 'date'
    ? `to_char(s.${column}, 'YYYY-MM-DD') as ${column}`
    : `s.${column}`;
}

/** What the table keeps of each sock (see `ColumnarSockRow`), with its picture and deck facts. */
const SOCK_ROWS_SQL = `select s.id, s.owner_id, ${SOCK_SCORED_FIELDS.map(scoredColumn).join(', ')},
  (extract(epoch from s.created_at) * 1000)::float8 as created_at_ms,
  exists (select 1 from pictures p where p.sock_id = s.id) as has_picture,
  ${utf16Length('s.story')} as story_length, ${utf16Length('s.specialty')} as specialty_length,
  d.built_at is not null as deck_built, d.floor as deck_floor
from socks s
left join decks d on d.sock_id = s.id`;

/** The first page of a keyset scan by id starts after the smallest uuid. */
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** A row of `SOCK_ROWS_SQL`: the scored columns by name, the rest computed. */
interface SockScanRow extends SockScoredJson {
  readonly created_at_ms: number;
  readonly has_picture: boolean;
  readonly story_length: number;
  readonly specialty_length: number;
  readonly deck_built: boolean;
  readonly deck_floor: number | null;
}

function toColumnarRow(row: SockScanRow): ColumnarSockRow {
  return {
    ...scoredFieldsOfJson(row),
    createdAt: new Date(row.created_at_ms),
    storyLength: row.story_length,
    specialtyLength: row.specialty_length,
    hasPicture: row.has_picture,
    deckBuilt: row.deck_built,
    deckFloor: row.deck_floor,
  };
}

/** A PostgreSQL array literal of uuids or integers (bound as one parameter, cast in SQL). */
function arrayLiteral(values: ReadonlyArray<string | number>): string {
  return `{${values.join(',')}}`;
}

/**
 * The `CandidatePool` of a deck worker: every sock's scored attributes in a `ColumnarSocks`
 * table in this process's memory, loaded on first use and brought up to date from
 * `sock_changes` at the start of every call, so each answer is computed from the database as
 * it was when the call began (`asOf`). Texts stay in the database; the scans fetch the few they
 * need by primary key.
 *
 * One instance per worker process; calls may overlap. A call that arrives while a load or a
 * refresh is under way waits for that one instead of starting another, and gets its `asOf`,
 * so `changedSince` still reports whatever it missed.
 *
 * Its reads run in the caller's unit of work when there is one (`TransactionScope`). The deck
 * use cases change no sock before they ask the pool, so it never reads a change of its own
 * transaction that could still be rolled back.
 */
export class PostgresCandidatePool implements CandidatePool {
  private table: ColumnarSocks | null = null;
  private cursor = ChangeCursor.start(0, [], 0);
  private syncing: Promise<ColumnarSocks> | null = null;
  /** When this pool last pruned the change log (0: not yet). */
  private prunedAt = 0;
  private readonly batchSize: number;
  private readonly texts = (ids: readonly string[]) => this.fetchTexts(ids);

  constructor(
    private readonly scope: TransactionScope,
    private readonly options: PostgresCandidatePoolOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 20_000;
  }

  async best(own: Sock, exclusions: DeckExclusions, size: number): Promise<BestCandidates> {
    const table = await this.sync();
    const asOf = this.cursor.asOf; // read before the scan starts: the table is as of this
    const { entries, complete } = await table.topCandidates(own, exclusions, size, this.texts);
    return { entries, complete, asOf };
  }

  async changedSince(asOf: number): Promise<string[]> {
    const rows = await this.scope.use((em) =>
      em.execute<Array<{ sock_id: string }>>(
        'select distinct sock_id from sock_changes where seq > ?::bigint',
        [asOf],
        'all',
      ),
    );
    return rows.map((row) => row.sock_id);
  }

  async scoresFor(
    own: Sock,
    candidateIds: readonly string[],
    exclusions: DeckExclusions,
  ): Promise<DeckEntry[]> {
    const table = await this.sync();
    return table.scoresOf(own, candidateIds, exclusions, this.texts);
  }

  async placementsOf(candidate: Sock): Promise<DeckPlacement[]> {
    const table = await this.sync();
    return table.placementsOf(candidate, this.texts);
  }

  /** The table, loaded or refreshed: one load or refresh at a time, shared by the calls waiting for it. */
  private sync(): Promise<ColumnarSocks> {
    this.syncing ??= (this.table ? this.refresh(this.table) : this.load()).finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  /**
   * Reads every sock in pages by id into a new table, which replaces the old one when complete
   * (a scan in progress keeps the table it started with). The change log's position is read
   * first, so whatever changes during the load is read again by the next refresh.
   */
  private async load(): Promise<ColumnarSocks> {
    const started = performance.now();
    const cursor = await this.scope.use(async (em) => {
      const [top] = await em.execute<Array<{ seq: number }>>(
        'select coalesce(max(seq), 0)::float8 as seq from sock_changes',
        [],
        'all',
      );
      const high = top?.seq ?? 0;
      const missing = await em.execute<Array<{ seq: number }>>(
        `select g::float8 as seq from generate_series(?::bigint, ?::bigint) g
         where not exists (select 1 from sock_changes c where c.seq = g)`,
        [Math.max(1, high - GAP_LOOKBACK + 1), high],
        'all',
      );
      return ChangeCursor.start(
        high,
        missing.map((row) => row.seq),
        Date.now(),
      );
    });
    const table = new ColumnarSocks();
    let after: string | undefined = NIL_UUID;
    while (after !== undefined) {
      const rows = await this.readSocks(`${SOCK_ROWS_SQL} where s.id > ?::uuid order by s.id limit ?`, [
        after,
        this.batchSize,
      ]);
      for (const row of rows) table.upsert(toColumnarRow(row));
      after = rows.length < this.batchSize ? undefined : rows[rows.length - 1]?.id;
    }
    this.table = table;
    this.cursor = cursor;
    this.options.logger?.info(
      {
        socks: table.liveRows,
        ms: Math.round(performance.now() - started),
        typedArrayMegabytes: Math.round(table.typedArrayBytes / 1e5) / 10,
        asOf: cursor.asOf,
      },
      'candidate pool loaded',
    );
    return table;
  }

  /**
   * Applies what `sock_changes` logged since the last load or refresh: each sock named is read
   * again (absent: deleted). If the log lost entries this pool never read (pruned), only a full
   * load is exact.
   */
  private async refresh(table: ColumnarSocks): Promise<ColumnarSocks> {
    const cursor = this.cursor;
    const { changes, minSeq } = await this.scope.use(async (em) => {
      const changes = await em.execute<Array<{ seq: number; sock_id: string }>>(
        `select seq::float8 as seq, sock_id from sock_changes
         where seq > ?::bigint or seq = any(?::bigint[]) order by seq`,
        [cursor.high, arrayLiteral(cursor.awaited)],
        'all',
      );
      const [bounds] = await em.execute<Array<{ min_seq: number | null }>>(
        'select min(seq)::float8 as min_seq from sock_changes',
        [],
        'all',
      );
      return { changes, minSeq: bounds?.min_seq ?? null };
    });
    if (cursor.lostEntries(minSeq)) return this.load();
    await this.reload(table, [...new Set(changes.map((change) => change.sock_id))]);
    this.cursor = cursor.advanced(
      changes.map((change) => change.seq),
      minSeq,
      Date.now(),
    );
    if (Date.now() - this.prunedAt >= PRUNE_EVERY_MS) {
      this.prunedAt = Date.now();
      await this.scope.use((em) => em.execute(PRUNE_SQL, [LOG_RETENTION_HOURS], 'run'));
    }
    return table;
  }

  private async reload(table: ColumnarSocks, ids: readonly string[]): Promise<void> {
    for (let start = 0; start < ids.length; start += this.batchSize) {
      const wanted = uuidsOnly(ids.slice(start, start + this.batchSize));
      const rows = await this.readSocks(`${SOCK_ROWS_SQL} where s.id = any(?::uuid[])`, [
        arrayLiteral(wanted),
      ]);
      const found = new Set<string>();
      for (const row of rows) {
        table.upsert(toColumnarRow(row));
        found.add(row.id);
      }
      for (const id of wanted) if (!found.has(id)) table.remove(id);
    }
  }

  private readSocks(sql: string, params: unknown[]): Promise<SockScanRow[]> {
    return this.scope.use((em) => em.execute<SockScanRow[]>(sql, params, 'all'));
  }

  private async fetchTexts(ids: readonly string[]): Promise<Map<string, SockTexts>> {
    const rows = await this.scope.use((em) =>
      em.execute<Array<{ id: string; story: string; specialty: string }>>(
        'select id, story, specialty from socks where id = any(?::uuid[])',
        [arrayLiteral(uuidsOnly(ids))],
        'all',
      ),
    );
    return new Map(rows.map((row) => [row.id, { story: row.story, specialty: row.specialty }]));
  }
}

/**
 * How long `sock_changes` keeps an entry. A pool that has not refreshed for longer (a worker
 * idle for a day) finds entries gone that it never read and loads everything again, which is
 * exact; every other pool has read them long before.
 */
const LOG_RETENTION_HOURS = 24;
/** How often a pool prunes the log, after a refresh. */
const PRUNE_EVERY_MS = 10 * 60_000;
/**
 * Deletes up to 10 000 entries past the retention, never the newest entry (an empty log would
 * hide from a lagging pool that entries were lost) and never rows another worker is deleting
 * (SKIP LOCKED: the prune never waits, whichever transaction it runs in).
 */
const PRUNE_SQL = `delete from sock_changes where seq in (
  select seq from sock_changes
  where changed_at < now() - make_interval(hours => ?) and seq < (select max(seq) from sock_changes)
  order by seq limit 10000 for update skip locked)`;

/** How far below the log's end a load looks for numbers still to come (see `ChangeCursor`). */
const GAP_LOOKBACK = 1_000;
/** How long a missing number is waited for before it is taken for a rolled-back transaction's. */
const GAP_PATIENCE_MS = 10 * 60_000;
/** The most missing numbers waited for at once (a large rollback leaves many): the newest are kept. */
const MAX_GAPS = 1_000;

/**
 * How far this pool has read `sock_changes`. Sequence numbers are taken when a row is inserted
 * but become visible when its transaction commits, so a reader can see 101 while 100 is still
 * to come: reading "after the highest number seen" would skip 100 for good. So the numbers
 * missing below the highest are remembered and asked for again on every refresh until they
 * appear, or until `GAP_PATIENCE_MS` has passed (their transaction rolled back), or until they
 * are older than the log's first entry.
 *
 * `asOf` is the number up to which every change has been read: just below the oldest missing
 * number, or the highest number seen. Changes after it are what `changedSince` reports.
 */
class ChangeCursor {
  private constructor(
    readonly high: number,
    /** Missing number → when it was first found missing (ms). */
    private readonly gaps: ReadonlyMap<number, number>,
  ) {}

  static start(high: number, missing: readonly number[], now: number): ChangeCursor {
    return new ChangeCursor(high, newest(new Map(missing.map((seq) => [seq, now]))));
  }

  get asOf(): number {
    let asOf = this.high;
    for (const seq of this.gaps.keys()) asOf = Math.min(asOf, seq - 1);
    return asOf;
  }

  /** The missing numbers to ask for again. */
  get awaited(): number[] {
    return [...this.gaps.keys()];
  }

  /** Whether the log no longer holds entries after `high` that this cursor never read (it was pruned). */
  lostEntries(minSeq: number | null): boolean {
    return minSeq !== null && minSeq > this.high + 1;
  }

  /** The cursor after reading `seqs` (the numbers after `high`, and those of the gaps that came). */
  advanced(seqs: readonly number[], minSeq: number | null, now: number): ChangeCursor {
    const read = new Set(seqs);
    const gaps = new Map<number, number>();
    for (const [seq, since] of this.gaps) {
      const waiting = !read.has(seq) && minSeq !== null && seq >= minSeq && now - since < GAP_PATIENCE_MS;
      if (waiting) gaps.set(seq, since);
    }
    const high = seqs.reduce((max, seq) => Math.max(max, seq), this.high);
    for (let seq = this.high + 1; seq < high; seq++) if (!read.has(seq)) gaps.set(seq, now);
    return new ChangeCursor(high, newest(gaps));
  }
}

function newest(gaps: Map<number, number>): Map<number, number> {
  if (gaps.size <= MAX_GAPS) return gaps;
  const kept = [...gaps].sort(([a], [b]) => b - a).slice(0, MAX_GAPS);
  return new Map(kept);
}
