import type { Sock } from '../../domain/sock/sock.js';
import type { DeckEntry } from '../../domain/swiping/deck.js';

/** Who a deck build must leave out, besides the caller's own socks and socks without pictures. */
export interface DeckExclusions {
  /** Socks the deck's sock has judged already. */
  readonly judgedSockIds: ReadonlySet<string>;
  /** Users the deck's owner has (or had) a match with: none of their socks are candidates. */
  readonly matchedUserIds: ReadonlySet<string>;
}

export interface BestCandidates {
  readonly entries: DeckEntry[];
  /** There were no more candidates than returned. */
  readonly complete: boolean;
  /** The pool's state the answer was computed from, for `changedSince`. */
  readonly asOf: number;
}

/** A deck this candidate belongs in, with the candidate's score for the deck's sock. */
export interface DeckPlacement {
  readonly deckSockId: string;
  readonly score: number;
}

/**
 * The scorer the deck workers use: every sock with its attributes, kept where scoring all of
 * them is fast (the real adapter: typed arrays in the worker's memory, refreshed from the
 * database's change log before each call). Answers are exact: the same scores and order as
 * `similarityScore` and `Deck.compare` over the database as it is when the call starts.
 */
export interface CandidatePool {
  /**
   * The best `size` candidates of `own` (not the owner's socks, with a picture, not excluded),
   * by full similarity score, best first (`Deck.compare`), scores rounded with `roundScore`.
   * `complete` is true when there were no more candidates than returned.
   */
  best(own: Sock, exclusions: DeckExclusions, size: number): Promise<BestCandidates>;

  /**
   * The socks that changed (added, updated, deleted, a picture added or removed) after the
   * pool's state `asOf` (see `BestCandidates.asOf`): what a deck build that started from that
   * state may have missed.
   */
  changedSince(asOf: number): Promise<string[]>;

  /**
   * The listed socks that are candidates of `own` now (as in `best`), with their scores, in
   * any order: the others are left out.
   */
  scoresFor(own: Sock, candidateIds: readonly string[], exclusions: DeckExclusions): Promise<DeckEntry[]>;

  /**
   * The built decks `candidate` belongs in (`Deck.admits` its score over the deck's floor), of
   * socks of other owners, with its score for each. Judged and matched pairs are not filtered
   * here (the deck repository does that when merging).
   */
  placementsOf(candidate: Sock): Promise<DeckPlacement[]>;
}
