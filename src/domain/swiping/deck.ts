/**
 * A deck: the best candidates of one sock, ranked ahead of time so that serving the next card
 * is one index probe instead of scoring every sock (issue "the heart at scale").
 *
 * The deck of sock S holds up to `DECK.size` candidates by full similarity score, best first,
 * built in the background. Swiping removes the judged entry; when fewer than
 * `DECK.refillBelow` entries are left the deck is rebuilt. A new or changed candidate is merged
 * into every built deck whose floor it beats, so a deck can grow past `DECK.size` between
 * rebuilds (by about size × new socks ÷ all socks): nothing is trimmed, nothing is lost.
 *
 * The sizes are chosen from `npm run bench:candidates` (see the README): serving costs the same
 * whatever the size (an index probe), while building costs one scan of every sock plus the text
 * terms of the socks near the floor and one insert per entry.
 */
export const DECK = {
  /** Entries a build keeps. */
  size: 200,
  /** A deck with fewer entries left than this asks for a rebuild. */
  refillBelow: 50,
} as const;

/** One entry of a deck: a candidate sock and its full similarity score (rounded, see `roundScore`). */
export interface DeckEntry {
  readonly candidateId: string;
  readonly score: number;
}

/**
 * A freshly built deck. `floor` is the score of its worst entry when the build had to leave
 * candidates out; null when the deck took every candidate there was (`complete`), so that any
 * new candidate belongs in it.
 */
export interface BuiltDeck {
  readonly sockId: string;
  readonly entries: readonly DeckEntry[];
  readonly floor: number | null;
  readonly builtAt: Date;
}

export const Deck = {
  /**
   * The deck of `sockId` from its best candidates (best first, as many as the build found up to
   * `DECK.size`); `complete` when the build found no more candidates than that.
   */
  of(sockId: string, ranked: readonly DeckEntry[], complete: boolean, builtAt: Date): BuiltDeck {
    const entries = ranked.slice(0, DECK.size);
    const last = entries[entries.length - 1];
    const floor = complete && ranked.length <= DECK.size ? null : (last?.score ?? null);
    return { sockId, entries, floor, builtAt };
  },

  /** Whether a candidate scoring `score` for the deck's sock belongs in a deck with this floor. */
  admits(floor: number | null, score: number): boolean {
    return floor === null || score >= floor;
  },

  /** Whether a deck with `remaining` entries left should be rebuilt (a complete deck never is). */
  isLow(remaining: number, floor: number | null): boolean {
    return floor !== null && remaining < DECK.refillBelow;
  },

  /**
   * Best first: the higher score, then the smaller id (a total order that the deck index
   * `(sock_id, score desc, candidate_id)` serves as it is). Exact ties in score are rare with
   * 16 weighted terms; among them the exact query prefers the nearer owner and the older sock.
   */
  compare(
    a: { readonly score: number; readonly id: string },
    b: { readonly score: number; readonly id: string },
  ): number {
    return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  },
};
