/**
 * A port of Python's `difflib.SequenceMatcher(None, a, b).ratio()`, which the original HotSox
 * used to compare two socks' texts (reference §2.6). It keeps difflib's behaviour exactly,
 * including the "autojunk" heuristic that is on by default: when `b` has 200 or more elements,
 * an element occurring more than `floor(len(b) / 100) + 1` times in `b` is "popular" and is not
 * used to start a match (long texts therefore score lower than a plain longest-common-substring
 * count would suggest).
 *
 * Strings are compared by UTF-16 code unit, as JavaScript indexes them. Python compares code
 * points, so the two differ only for characters outside the Basic Multilingual Plane (emoji,
 * for example), which count as two elements here and one in Python.
 */

/** A run of `size` equal elements: `a[aStart…]` equals `b[bStart…]`. */
export interface MatchingBlock {
  readonly aStart: number;
  readonly bStart: number;
  readonly size: number;
}

/** `2·M / T`, M being the matched elements and T the total of both lengths; 1 when both are empty. */
export function sequenceRatio(a: string, b: string): number {
  const total = a.length + b.length;
  if (total === 0) return 1;
  const matches = matchingBlocks(a, b).reduce((sum, block) => sum + block.size, 0);
  return (2 * matches) / total;
}

/**
 * difflib's `get_matching_blocks()`: non-overlapping blocks in increasing order, adjacent
 * blocks merged, ending with the sentinel `(len(a), len(b), 0)`.
 */
export function matchingBlocks(a: string, b: string): MatchingBlock[] {
  const matcher = new SequenceMatcher(a, b);
  const queue: Array<[number, number, number, number]> = [[0, a.length, 0, b.length]];
  const found: MatchingBlock[] = [];
  // difflib pops from the end of its list (a stack); the order does not change the result
  // because the blocks are sorted afterwards, but we keep it anyway.
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    const [aLo, aHi, bLo, bHi] = next;
    const block = matcher.findLongestMatch(aLo, aHi, bLo, bHi);
    const { aStart: i, bStart: j, size: k } = block;
    if (k > 0) {
      found.push(block);
      if (aLo < i && bLo < j) queue.push([aLo, i, bLo, j]);
      if (i + k < aHi && j + k < bHi) queue.push([i + k, aHi, j + k, bHi]);
    }
  }
  found.sort((x, y) => x.aStart - y.aStart || x.bStart - y.bStart || x.size - y.size);

  const merged: MatchingBlock[] = [];
  let current: MatchingBlock = { aStart: 0, bStart: 0, size: 0 };
  for (const block of found) {
    if (current.aStart + current.size === block.aStart && current.bStart + current.size === block.bStart) {
      current = { ...current, size: current.size + block.size };
    } else {
      if (current.size > 0) merged.push(current);
      current = block;
    }
  }
  if (current.size > 0) merged.push(current);
  merged.push({ aStart: a.length, bStart: b.length, size: 0 });
  return merged;
}

class SequenceMatcher {
  /** For each element of `b` that is not popular, the indices where it occurs, ascending. */
  private readonly b2j = new Map<string, number[]>();
  /**
   * difflib's `bjunk`: always empty, because the original passes `isjunk=None`. Kept so that the
   * extension steps of `findLongestMatch` read as in difflib.
   */
  private readonly junk = new Set<string>();

  constructor(
    private readonly a: string,
    private readonly b: string,
  ) {
    for (let j = 0; j < b.length; j++) {
      const element = b[j] as string;
      const indices = this.b2j.get(element);
      if (indices) indices.push(j);
      else this.b2j.set(element, [j]);
    }
    // autojunk: popular elements are dropped from the index, but they are not junk.
    if (b.length >= 200) {
      const threshold = Math.floor(b.length / 100) + 1;
      for (const [element, indices] of [...this.b2j]) {
        if (indices.length > threshold) this.b2j.delete(element);
      }
    }
  }

  /**
   * difflib's `find_longest_match(alo, ahi, blo, bhi)`: the longest block within the bounds,
   * earliest in `a` and then earliest in `b` among the longest. The index finds the longest
   * block free of popular elements; it is then extended on both sides by equal non-junk
   * elements (which picks up popular ones), then by equal junk elements.
   */
  findLongestMatch(aLo: number, aHi: number, bLo: number, bHi: number): MatchingBlock {
    const { a, b, b2j, junk } = this;
    let bestI = aLo;
    let bestJ = bLo;
    let bestSize = 0;
    // j2len.get(j): length of the longest match ending with a[i - 1] and b[j].
    let j2len = new Map<number, number>();
    const nothing: number[] = [];
    for (let i = aLo; i < aHi; i++) {
      const newJ2len = new Map<number, number>();
      for (const j of b2j.get(a[i] as string) ?? nothing) {
        if (j < bLo) continue;
        if (j >= bHi) break;
        const k = (j2len.get(j - 1) ?? 0) + 1;
        newJ2len.set(j, k);
        if (k > bestSize) {
          bestI = i - k + 1;
          bestJ = j - k + 1;
          bestSize = k;
        }
      }
      j2len = newJ2len;
    }

    const isJunk = (element: string | undefined): boolean => element !== undefined && junk.has(element);
    while (bestI > aLo && bestJ > bLo && !isJunk(b[bestJ - 1]) && a[bestI - 1] === b[bestJ - 1]) {
      bestI--;
      bestJ--;
      bestSize++;
    }
    while (
      bestI + bestSize < aHi &&
      bestJ + bestSize < bHi &&
      !isJunk(b[bestJ + bestSize]) &&
      a[bestI + bestSize] === b[bestJ + bestSize]
    ) {
      bestSize++;
    }
    while (bestI > aLo && bestJ > bLo && isJunk(b[bestJ - 1]) && a[bestI - 1] === b[bestJ - 1]) {
      bestI--;
      bestJ--;
      bestSize++;
    }
    while (
      bestI + bestSize < aHi &&
      bestJ + bestSize < bHi &&
      isJunk(b[bestJ + bestSize]) &&
      a[bestI + bestSize] === b[bestJ + bestSize]
    ) {
      bestSize++;
    }
    return { aStart: bestI, bStart: bestJ, size: bestSize };
  }
}
