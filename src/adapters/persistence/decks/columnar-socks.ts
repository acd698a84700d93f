import type { DeckExclusions, DeckPlacement } from '../../../application/ports/candidate-pool.js';
import { ordinalOf } from '../../../domain/options/option-lists.js';
import { CalendarDate } from '../../../domain/shared/calendar-date.js';
import type { Sock } from '../../../domain/sock/sock.js';
import { roundScore } from '../../../domain/swiping/candidate.js';
import { Deck, type DeckEntry } from '../../../domain/swiping/deck.js';
import {
  DATE_TERMS,
  INTEGER_TERMS,
  ORDINAL_TERMS,
  SCORE_START,
  TEXT_TERMS,
  dateRatio,
  type ScoredSock,
} from '../../../domain/swiping/similarity-score.js';
import { sequenceRatio } from '../../../domain/swiping/text-similarity.js';

/**
 * Every sock's scored attributes in typed arrays, one column per attribute, so that scoring all
 * of them against one sock is a tight loop over memory (tens of milliseconds for a million socks)
 * instead of a query. Texts are not kept, only their lengths: they bound the text terms, and
 * the few texts that can still matter are fetched through a `TextSource`.
 *
 * The answers equal the domain's: the numeric terms are added in `numericScore`'s order with the
 * same floating-point operations (so the sums are the same to the last bit), the text terms are
 * computed by the domain's `sequenceRatio`, and scores are rounded with `roundScore`.
 *
 * Typed-array reads below are in range by construction; `as number` only tells the compiler so
 * (`noUncheckedIndexedAccess`).
 */

/** A sock's two texts. */
export type SockTexts = Pick<ScoredSock, 'story' | 'specialty'>;

/** The texts of the listed socks; a sock missing from the answer no longer exists. */
export type TextSource = (ids: readonly string[]) => Promise<ReadonlyMap<string, SockTexts>>;

/** A sock scored against the others: all its scored attributes, texts included, and its owner. */
export type PoolSock = ScoredSock & Pick<Sock, 'id' | 'ownerId'>;

/** What the table keeps of a sock: its scored attributes but the texts, and the facts that filter it. */
export interface ColumnarSockRow extends Omit<ScoredSock, 'story' | 'specialty'> {
  readonly id: string;
  readonly ownerId: string;
  /** In UTF-16 code units, as `sequenceRatio` counts. */
  readonly storyLength: number;
  readonly specialtyLength: number;
  readonly hasPicture: boolean;
  /** Whether the sock's deck was built (a deck only asked for does not count). */
  readonly deckBuilt: boolean;
  /** The built deck's floor; null when the deck took every candidate there was. */
  readonly deckFloor: number | null;
}

/** The row of a sock whose texts are at hand (tests, tools). */
export function columnarRow(
  sock: PoolSock,
  facts: { readonly hasPicture: boolean; readonly deckBuilt?: boolean; readonly deckFloor?: number | null },
): ColumnarSockRow {
  const { story, specialty, ...attributes } = sock;
  return {
    ...attributes,
    storyLength: story.length,
    specialtyLength: specialty.length,
    hasPicture: facts.hasPicture,
    deckBuilt: facts.deckBuilt ?? false,
    deckFloor: facts.deckFloor ?? null,
  };
}

export interface TopCandidates {
  /** Best first (`Deck.compare`), scores rounded with `roundScore`. */
  readonly entries: DeckEntry[];
  /** There were no more candidates than `size`. */
  readonly complete: boolean;
}

/**
 * Bounds and roundings are exact in floating point (see `textBound`); this margin only guards
 * the comparisons against a change in how a score is summed.
 */
const NOISE = 1e-6;
/** Copied out of the imported module, so the hot loop reads a module constant, not an import. */
const START = SCORE_START;
const ORDINALS = ORDINAL_TERMS.length;
const INTEGERS = INTEGER_TERMS.length;
/** Slots per ordinal term in a sock's point table: ordinals are 1-based, slot 0 stays unused. */
const ORDINAL_SLOTS = Math.max(...ORDINAL_TERMS.map((term) => term.options.length)) + 1;
const INTEGER_WEIGHTS = Float64Array.from(INTEGER_TERMS, (term) => term.weight);
const INTEGER_DIVISORS = Float64Array.from(INTEGER_TERMS, (term) => term.divisor);
/**
 * `weight × dateRatio(days)` for 0…windowDays days apart: the ratio is the same for every
 * distance from the window on, so further days read the last slot.
 */
const DATE_WINDOW = DATE_TERMS.windowDays;
const JOINED_POINTS = Float64Array.from(
  { length: DATE_WINDOW + 1 },
  (_, d) => DATE_TERMS.joined.weight * dateRatio(d),
);
const SEPARATED_POINTS = Float64Array.from(
  { length: DATE_WINDOW + 1 },
  (_, d) => DATE_TERMS.separated.weight * dateRatio(d),
);
const EPOCH_DAY = CalendarDate.of('1970-01-01');
const MS_PER_DAY = 86_400_000;
/** Texts fetched per round trip: the first batch, and the most as the batches double. */
const FIRST_TEXT_BATCH = 256;
const MAX_TEXT_BATCH = 4096;

/** The columns, replaced together when the table grows. */
interface Columns {
  readonly capacity: number;
  /** `ORDINALS` per row, in `ORDINAL_TERMS` order. */
  readonly ordinals: Uint8Array;
  /** `INTEGERS` per row, in `INTEGER_TERMS` order. */
  readonly integers: Int32Array;
  /** The UTC calendar day of `createdAt` and the separation day, in days since 1970-01-01. */
  readonly joinedDay: Int32Array;
  readonly separationDay: Int32Array;
  readonly owner: Int32Array;
  readonly hasPicture: Uint8Array;
  /** 0 once the sock was deleted: its row stays until the table is loaded again. */
  readonly live: Uint8Array;
  readonly storyLength: Uint32Array;
  readonly specialtyLength: Uint32Array;
  readonly hasDeck: Uint8Array;
  /** NaN for a complete deck (no floor). */
  readonly deckFloor: Float64Array;
  /** Scan scratch: each row's numeric score for the sock being scored, −∞ when not a candidate. */
  readonly scores: Float64Array;
}

/** What scoring against one sock needs of it, precomputed once per scan. */
interface OwnTerms {
  /** `weight × (1 − |a − b| / divisor)` of each ordinal term, by the other sock's ordinal b. */
  readonly ordinalPoints: Float64Array;
  readonly integers: Int32Array;
  readonly joinedDay: number;
  readonly separationDay: number;
  readonly storyLength: number;
  readonly specialtyLength: number;
}

export class ColumnarSocks {
  private columns: Columns;
  private used = 0;
  private liveCount = 0;
  private readonly ids: string[] = [];
  private readonly rowById = new Map<string, number>();
  private readonly ownerIndex = new Map<string, number>();
  private readonly ownerIds: string[] = [];
  /** Scan scratch over owner indexes: 1 for the owners whose socks a scan leaves out. */
  private ownerMask = new Uint8Array(64);

  constructor(initialCapacity = 1024) {
    this.columns = emptyColumns(Math.max(1, initialCapacity));
  }

  /** Row slots in use, deleted socks included. */
  get rows(): number {
    return this.used;
  }

  /** Socks that exist. */
  get liveRows(): number {
    return this.liveCount;
  }

  /**
   * Bytes held by the typed arrays (columns and scan scratch). The ids and their maps come on
   * top, roughly 100 bytes a sock in V8.
   */
  get typedArrayBytes(): number {
    const columns = Object.values(this.columns).filter(ArrayBuffer.isView) as ArrayBufferView[];
    return columns.reduce((sum, column) => sum + column.byteLength, this.ownerMask.byteLength);
  }

  has(id: string): boolean {
    const row = this.rowById.get(id);
    return row !== undefined && this.columns.live[row] === 1;
  }

  /** Adds the sock, or overwrites what the table knows of it (and revives it if it was deleted). */
  upsert(row: ColumnarSockRow): void {
    const i = this.rowById.get(row.id) ?? this.append(row.id);
    const c = this.columns;
    ORDINAL_TERMS.forEach((term, k) => {
      c.ordinals[i * ORDINALS + k] = ordinalIn(k, row[term.field]);
    });
    INTEGER_TERMS.forEach((term, k) => {
      c.integers[i * INTEGERS + k] = row[term.field];
    });
    c.joinedDay[i] = joinedDayOf(row.createdAt);
    c.separationDay[i] = separationDayOf(row.separationDate);
    c.owner[i] = this.ownerOf(row.ownerId);
    c.hasPicture[i] = row.hasPicture ? 1 : 0;
    c.storyLength[i] = row.storyLength;
    c.specialtyLength[i] = row.specialtyLength;
    if (c.live[i] === 0) this.liveCount++;
    c.live[i] = 1;
    this.writeDeck(i, row.deckBuilt, row.deckFloor);
  }

  /** Forgets the sock (it was deleted). Idempotent. */
  remove(id: string): void {
    const i = this.rowById.get(id);
    if (i === undefined || this.columns.live[i] === 0) return;
    this.columns.live[i] = 0;
    this.liveCount--;
  }

  /** Records the sock's deck: built or not, and its floor (null: complete). */
  setDeck(id: string, built: boolean, floor: number | null): void {
    const i = this.rowById.get(id);
    if (i !== undefined) this.writeDeck(i, built, floor);
  }

  /**
   * `numericScore(own, sock)` of one sock of the table, computed as the scans compute it; null
   * when the table does not have it.
   */
  numericScoreOf(own: ScoredSock, id: string): number | null {
    const i = this.rowById.get(id);
    return i === undefined || this.columns.live[i] === 0 ? null : numericAt(this.columns, ownTerms(own), i);
  }

  /**
   * The best `size` candidates of `own` by full similarity score, exactly as ranking every
   * candidate with `similarityScore`, `roundScore` and `Deck.compare` would give them.
   *
   * The threshold algorithm: the numeric terms of every candidate (one pass), plus an upper
   * bound of the text terms from the texts' lengths, give each candidate a ceiling. The
   * `size`-th best numeric score is a floor that `size` candidates reach in full (text terms
   * add nothing negative), so only candidates whose ceiling reaches it can be among the best.
   * Those are scored in full in descending order of ceiling (their texts fetched in batches),
   * until the next ceiling falls below the current `size`-th best full score: nobody left can
   * beat it, nor tie with it.
   */
  async topCandidates(
    own: PoolSock,
    exclusions: DeckExclusions,
    size: number,
    texts: TextSource,
  ): Promise<TopCandidates> {
    assertSize(size);
    // Synchronous up to the first await, so that no refresh changes the table mid-scan.
    const terms = ownTerms(own);
    const eligible = this.scoreCandidates(terms, own.ownerId, exclusions);
    if (size === 0) return { entries: [], complete: eligible === 0 };
    const queue = this.windowAbove(kthLargest(this.columns.scores, this.used, size), terms);

    const best = new BestEntries(size);
    const dead: string[] = [];
    let batchSize = Math.min(Math.max(size, FIRST_TEXT_BATCH), MAX_TEXT_BATCH);
    while (queue.size > 0 && !best.outOfReach(queue.topKey())) {
      const batch = queue.popWhile(batchSize, (ceiling) => !best.outOfReach(ceiling));
      const found = await texts(batch.map((item) => item.id));
      for (const item of batch) {
        // The batch was taken before the last scores came in: its tail may be out of reach now.
        if (best.outOfReach(item.ceiling)) break;
        const other = found.get(item.id);
        if (!other) dead.push(item.id);
        else if (!best.outOfReach(item.numeric + textCeiling(own, other))) {
          best.offer(item.id, roundScore(item.numeric + textPoints(own, other)));
        }
      }
      batchSize = Math.min(batchSize * 2, MAX_TEXT_BATCH);
    }
    for (const id of dead) this.remove(id);
    return { entries: best.ranked(), complete: eligible - dead.length <= size };
  }

  /**
   * The listed socks that are candidates of `own` (as in `topCandidates`), with their full
   * scores, in the order listed.
   */
  async scoresOf(
    own: PoolSock,
    ids: readonly string[],
    exclusions: DeckExclusions,
    texts: TextSource,
  ): Promise<DeckEntry[]> {
    const terms = ownTerms(own);
    const c = this.columns;
    const scored: Array<{ id: string; numeric: number }> = [];
    for (const id of new Set(ids)) {
      const i = this.rowById.get(id);
      if (i === undefined || c.live[i] === 0 || c.hasPicture[i] === 0) continue;
      const ownerId = this.ownerIdOf(i);
      if (
        ownerId === own.ownerId ||
        exclusions.judgedSockIds.has(id) ||
        exclusions.matchedUserIds.has(ownerId)
      ) {
        continue;
      }
      scored.push({ id, numeric: numericAt(c, terms, i) });
    }
    if (scored.length === 0) return [];
    const found = await texts(scored.map((s) => s.id));
    return scored.flatMap(({ id, numeric }) => {
      const other = found.get(id);
      return other ? [{ candidateId: id, score: roundScore(numeric + textPoints(own, other)) }] : [];
    });
  }

  /**
   * The built decks of other owners' socks that `candidate` belongs in (`Deck.admits` its full
   * score for the deck's sock over the deck's floor), with that score. A deck whose ceiling for
   * the candidate (numeric terms plus the text bound) stays below its floor is skipped without
   * fetching its sock's texts.
   *
   * The numeric terms are symmetric to the last bit (each term depends on |a − b| only, and the
   * terms are added in the same order), so the candidate's point tables serve every deck's
   * sock; the text terms are not (difflib's ratio depends on the order), so they are computed
   * with the deck's sock first, as `similarityScore(deckSock, candidate)` does.
   */
  async placementsOf(candidate: PoolSock, texts: TextSource): Promise<DeckPlacement[]> {
    const terms = ownTerms(candidate);
    const c = this.columns;
    const ownerIndex = this.ownerIndex.get(candidate.ownerId) ?? -1;
    const reachable: Array<{ id: string; numeric: number; floor: number | null }> = [];
    for (let i = 0; i < this.used; i++) {
      if (c.live[i] === 0 || c.hasDeck[i] === 0 || c.owner[i] === ownerIndex) continue;
      const numeric = numericAt(c, terms, i);
      const floor = c.deckFloor[i] as number;
      if (Number.isNaN(floor)) {
        reachable.push({ id: this.ids[i] as string, numeric, floor: null });
      } else if (numeric + textBound(terms, c, i) >= floor - NOISE) {
        reachable.push({ id: this.ids[i] as string, numeric, floor });
      }
    }

    const placements: DeckPlacement[] = [];
    for (let start = 0; start < reachable.length; start += MAX_TEXT_BATCH) {
      const batch = reachable.slice(start, start + MAX_TEXT_BATCH);
      const found = await texts(batch.map((deck) => deck.id));
      for (const deck of batch) {
        const own = found.get(deck.id);
        if (!own || (deck.floor !== null && deck.numeric + textCeiling(own, candidate) < deck.floor - NOISE))
          continue;
        const score = roundScore(deck.numeric + textPoints(own, candidate));
        if (Deck.admits(deck.floor, score)) placements.push({ deckSockId: deck.id, score });
      }
    }
    return placements;
  }

  /**
   * Fills the `scores` scratch column with every row's numeric score for `terms`, −∞ for rows
   * that are no candidates (deleted, no picture, the own owner's, a matched owner's, judged).
   * @returns the number of candidates
   */
  private scoreCandidates(terms: OwnTerms, ownOwnerId: string, exclusions: DeckExclusions): number {
    const masked = [ownOwnerId, ...exclusions.matchedUserIds]
      .map((ownerId) => this.ownerIndex.get(ownerId))
      .filter((index) => index !== undefined);
    const mask = this.ownerMask;
    for (const index of masked) mask[index] = 1;
    // Locals, and no try/finally around the loop: both keep V8's optimised loop 2–3× faster.
    const c = this.columns;
    const rows = this.used;
    let eligible = 0;
    for (let i = 0; i < rows; i++) {
      if (c.live[i] === 0 || c.hasPicture[i] === 0 || mask[c.owner[i] as number] === 1) {
        c.scores[i] = -Infinity;
      } else {
        c.scores[i] = numericAt(c, terms, i);
        eligible++;
      }
    }
    for (const index of masked) mask[index] = 0;
    for (const id of exclusions.judgedSockIds) {
      const i = this.rowById.get(id);
      if (i !== undefined && c.scores[i] !== -Infinity) {
        c.scores[i] = -Infinity;
        eligible--;
      }
    }
    return eligible;
  }

  /** The candidates (of the last `scoreCandidates`) whose ceiling reaches `floor`, best ceiling first. */
  private windowAbove(floor: number, terms: OwnTerms): CeilingQueue {
    const c = this.columns;
    const maxTextPoints = TEXT_TERMS.specialty.weight + TEXT_TERMS.story.weight;
    const queue = new CeilingQueue();
    for (let i = 0; i < this.used; i++) {
      const numeric = c.scores[i] as number;
      // The bound costs two divisions: skip it where even full text points cannot reach.
      if (numeric === -Infinity || numeric + maxTextPoints < floor - NOISE) continue;
      const ceiling = numeric + textBound(terms, c, i);
      if (ceiling >= floor - NOISE) queue.add(this.ids[i] as string, numeric, ceiling);
    }
    queue.heapify();
    return queue;
  }

  private append(id: string): number {
    if (this.used === this.columns.capacity)
      this.columns = grownColumns(this.columns, this.columns.capacity * 2);
    const i = this.used++;
    this.ids.push(id);
    this.rowById.set(id, i);
    return i;
  }

  private ownerOf(ownerId: string): number {
    let index = this.ownerIndex.get(ownerId);
    if (index === undefined) {
      index = this.ownerIds.length;
      this.ownerIndex.set(ownerId, index);
      this.ownerIds.push(ownerId);
      if (index >= this.ownerMask.length) {
        const grown = new Uint8Array(this.ownerMask.length * 2);
        grown.set(this.ownerMask);
        this.ownerMask = grown;
      }
    }
    return index;
  }

  private ownerIdOf(row: number): string {
    return this.ownerIds[this.columns.owner[row] as number] as string;
  }

  private writeDeck(i: number, built: boolean, floor: number | null): void {
    this.columns.hasDeck[i] = built ? 1 : 0;
    this.columns.deckFloor[i] = floor ?? NaN;
  }
}

function assertSize(size: number): void {
  if (!(size >= 0 && (Number.isInteger(size) || size === Infinity))) {
    throw new RangeError(`size must be a whole number from 0: ${size}`);
  }
}

/**
 * `ordinalOf` of each ordinal term's keys, looked up in a map: loading a million socks calls
 * it eight million times, and `ordinalOf` searches the option list.
 */
const ORDINAL_MAPS = ORDINAL_TERMS.map(
  (term) => new Map<string, number>(term.options.map((o) => [o.key, ordinalOf<string>(term.options, o.key)])),
);

function ordinalIn(term: number, key: string): number {
  const ordinal = ORDINAL_MAPS[term]?.get(key);
  if (ordinal === undefined) throw new RangeError(`unknown option key: ${key}`);
  return ordinal;
}

/**
 * The UTC calendar day of an instant in days since 1970-01-01, as `CalendarDate.fromInstant`
 * and `daysUntil` count: UTC days are 86 400 000 ms long, so it is a floor division.
 */
function joinedDayOf(instant: Date): number {
  return Math.floor(instant.getTime() / MS_PER_DAY);
}

/** Separation days repeat a lot (one per calendar day): parsed once each. */
const separationDays = new Map<string, number>();

function separationDayOf(date: string): number {
  let day = separationDays.get(date);
  if (day === undefined) {
    day = EPOCH_DAY.daysUntil(CalendarDate.of(date));
    separationDays.set(date, day);
  }
  return day;
}

function ownTerms(own: ScoredSock): OwnTerms {
  const ordinalPoints = new Float64Array(ORDINALS * ORDINAL_SLOTS);
  ORDINAL_TERMS.forEach((term, k) => {
    const a = ordinalIn(k, own[term.field]);
    for (let b = 1; b <= term.options.length; b++) {
      // numericScore's very expression, so that the table holds its very values.
      ordinalPoints[k * ORDINAL_SLOTS + b] = term.weight * (1 - Math.abs(a - b) / term.divisor);
    }
  });
  return {
    ordinalPoints,
    integers: Int32Array.from(INTEGER_TERMS, (term) => own[term.field]),
    joinedDay: joinedDayOf(own.createdAt),
    separationDay: separationDayOf(own.separationDate),
    storyLength: own.story.length,
    specialtyLength: own.specialty.length,
  };
}

/** `numericScore(own, row i)`: the same terms, the same operations, in the same order. */
function numericAt(c: Columns, t: OwnTerms, i: number): number {
  let score = START;
  const ordinals = i * ORDINALS;
  for (let k = 0; k < ORDINALS; k++) {
    score += t.ordinalPoints[k * ORDINAL_SLOTS + (c.ordinals[ordinals + k] as number)] as number;
  }
  const integers = i * INTEGERS;
  for (let k = 0; k < INTEGERS; k++) {
    const apart = Math.abs((t.integers[k] as number) - (c.integers[integers + k] as number));
    score += (INTEGER_WEIGHTS[k] as number) * (1 - apart / (INTEGER_DIVISORS[k] as number));
  }
  score += JOINED_POINTS[Math.min(Math.abs(t.joinedDay - (c.joinedDay[i] as number)), DATE_WINDOW)] as number;
  score += SEPARATED_POINTS[
    Math.min(Math.abs(t.separationDay - (c.separationDay[i] as number)), DATE_WINDOW)
  ] as number;
  return score;
}

/**
 * The most the text terms can give: difflib's `real_quick_ratio` per text, `2·min(la, lb) / (la + lb)`
 * (1 when both are empty), as the matched elements are at most the shorter length. It is an
 * upper bound in floating point too: `sequenceRatio` divides `2·matches` by the same total, and
 * rounding keeps the order of sums and products.
 */
function textBound(t: OwnTerms, c: Columns, i: number): number {
  return (
    TEXT_TERMS.specialty.weight * quickRatio(t.specialtyLength, c.specialtyLength[i] as number) +
    TEXT_TERMS.story.weight * quickRatio(t.storyLength, c.storyLength[i] as number)
  );
}

function quickRatio(a: number, b: number): number {
  const total = a + b;
  return total === 0 ? 1 : (2 * Math.min(a, b)) / total;
}

/**
 * A tighter bound once the texts are at hand, far cheaper than `sequenceRatio`: difflib's
 * `quick_ratio`, the characters the two texts have in common counted as multisets (matching
 * blocks can match no more). Upper bound in floating point for the reason given at `textBound`.
 */
function textCeiling(own: SockTexts, other: SockTexts): number {
  return (
    TEXT_TERMS.specialty.weight * multisetRatio(own.specialty, other.specialty) +
    TEXT_TERMS.story.weight * multisetRatio(own.story, other.story)
  );
}

/** Per UTF-16 code unit, a count; all zero between calls (each call undoes its counts). */
const unitCounts = new Uint32Array(0x10000);

function multisetRatio(a: string, b: string): number {
  const total = a.length + b.length;
  if (total === 0) return 1;
  for (let j = 0; j < b.length; j++) {
    const unit = b.charCodeAt(j);
    unitCounts[unit] = (unitCounts[unit] as number) + 1;
  }
  let common = 0;
  for (let i = 0; i < a.length; i++) {
    const unit = a.charCodeAt(i);
    const count = unitCounts[unit] as number;
    if (count > 0) {
      unitCounts[unit] = count - 1;
      common++;
    }
  }
  for (let j = 0; j < b.length; j++) unitCounts[b.charCodeAt(j)] = 0;
  return (2 * common) / total;
}

/** `textScore(own, other)`, the same expression (texts are all it reads). */
function textPoints(own: SockTexts, other: SockTexts): number {
  return (
    TEXT_TERMS.specialty.weight * sequenceRatio(own.specialty, other.specialty) +
    TEXT_TERMS.story.weight * sequenceRatio(own.story, other.story)
  );
}

/** The `k`-th largest finite value of `values[0…count)`, or −∞ when there are no more than `k`. */
function kthLargest(values: Float64Array, count: number, k: number): number {
  const heap: number[] = []; // a min-heap of the k largest so far
  for (let i = 0; i < count; i++) {
    const value = values[i] as number;
    if (value === -Infinity) continue;
    if (heap.length < k) {
      heap.push(value);
      siftUp(heap, heap.length - 1, (a, b) => a < b);
    } else if (value > (heap[0] as number)) {
      heap[0] = value;
      siftDown(heap, 0, (a, b) => a < b);
    }
  }
  return heap.length < k ? -Infinity : (heap[0] as number);
}

interface WindowItem {
  readonly id: string;
  readonly numeric: number;
  /** numeric + the text bound. */
  readonly ceiling: number;
}

/** The window's candidates, highest ceiling first (a binary max-heap: only the top few are ever taken). */
class CeilingQueue {
  private readonly heap: WindowItem[] = [];
  private readonly higher = (a: WindowItem, b: WindowItem) => a.ceiling > b.ceiling;

  get size(): number {
    return this.heap.length;
  }

  add(id: string, numeric: number, ceiling: number): void {
    this.heap.push({ id, numeric, ceiling });
  }

  heapify(): void {
    for (let i = (this.heap.length >> 1) - 1; i >= 0; i--) siftDown(this.heap, i, this.higher);
  }

  topKey(): number {
    return this.heap[0]?.ceiling ?? -Infinity;
  }

  /** Takes up to `count` items, best first, while `wanted` holds for the next one's ceiling. */
  popWhile(count: number, wanted: (ceiling: number) => boolean): WindowItem[] {
    const taken: WindowItem[] = [];
    while (taken.length < count && this.heap.length > 0 && wanted(this.topKey())) {
      taken.push(this.heap[0] as WindowItem);
      const last = this.heap.pop() as WindowItem;
      if (this.heap.length > 0) {
        this.heap[0] = last;
        siftDown(this.heap, 0, this.higher);
      }
    }
    return taken;
  }
}

interface Ranked {
  readonly id: string;
  readonly score: number;
}

/** The best `size` entries offered so far (`Deck.compare`), the worst of them on top of a heap. */
class BestEntries {
  private readonly heap: Ranked[] = [];
  private readonly worse = (a: Ranked, b: Ranked) => Deck.compare(a, b) > 0;

  constructor(private readonly size: number) {}

  /**
   * Whether a candidate whose full score is at most `ceiling` can no longer get in: it would
   * score below the worst kept, so not even a smaller id would let it tie its way in.
   */
  outOfReach(ceiling: number): boolean {
    const worst = this.heap[0];
    return this.heap.length >= this.size && worst !== undefined && ceiling < worst.score - NOISE;
  }

  offer(id: string, score: number): void {
    const entry = { id, score };
    if (this.heap.length < this.size) {
      this.heap.push(entry);
      siftUp(this.heap, this.heap.length - 1, this.worse);
    } else if (this.worse(this.heap[0] as Ranked, entry)) {
      this.heap[0] = entry;
      siftDown(this.heap, 0, this.worse);
    }
  }

  ranked(): DeckEntry[] {
    return [...this.heap].sort(Deck.compare).map(({ id, score }) => ({ candidateId: id, score }));
  }
}

/** Binary heap steps; `before(a, b)` says that `a` belongs nearer the top than `b`. */
function siftUp<T>(heap: T[], at: number, before: (a: T, b: T) => boolean): void {
  let i = at;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i] as T, heap[parent] as T)) return;
    [heap[i], heap[parent]] = [heap[parent] as T, heap[i] as T];
    i = parent;
  }
}

function siftDown<T>(heap: T[], at: number, before: (a: T, b: T) => boolean): void {
  let i = at;
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let top = i;
    if (left < heap.length && before(heap[left] as T, heap[top] as T)) top = left;
    if (right < heap.length && before(heap[right] as T, heap[top] as T)) top = right;
    if (top === i) return;
    [heap[i], heap[top]] = [heap[top] as T, heap[i] as T];
    i = top;
  }
}

function emptyColumns(capacity: number): Columns {
  return {
    capacity,
    ordinals: new Uint8Array(capacity * ORDINALS),
    integers: new Int32Array(capacity * INTEGERS),
    joinedDay: new Int32Array(capacity),
    separationDay: new Int32Array(capacity),
    owner: new Int32Array(capacity),
    hasPicture: new Uint8Array(capacity),
    live: new Uint8Array(capacity),
    storyLength: new Uint32Array(capacity),
    specialtyLength: new Uint32Array(capacity),
    hasDeck: new Uint8Array(capacity),
    deckFloor: new Float64Array(capacity),
    scores: new Float64Array(capacity),
  };
}

/** The same columns with room for `capacity` rows (capacity doubles: appends cost O(1) amortised). */
function grownColumns(old: Columns, capacity: number): Columns {
  const next = emptyColumns(capacity);
  for (const key of Object.keys(next) as Array<keyof Columns>) {
    const target = next[key];
    const source = old[key];
    if (typeof target !== 'number' && typeof source !== 'number') target.set(source);
  }
  return next;
}
