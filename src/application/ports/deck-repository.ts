import type { Picture } from '../../domain/picture/picture.js';
import type { BuiltDeck } from '../../domain/swiping/deck.js';
import type { CandidateRow } from './sock-repository.js';
import type { DeckPlacement } from './candidate-pool.js';

/** A candidate as served: with the score it is ranked by. */
export interface ScoredCandidate extends CandidateRow {
  readonly score: number;
}

/**
 * A card served from a deck: the candidate with the score stored when it entered the deck, and
 * the candidate sock's pictures (oldest first), read in the same statement.
 */
export interface DeckCard extends ScoredCandidate {
  readonly pictures: readonly Picture[];
}

/** What serving from a deck found. */
export interface DeckPeek {
  /** The first `limit` entries that are still candidates, best first. */
  readonly cards: DeckCard[];
  /** Entries left in the deck, judged or not (a swipe removes its entry). */
  readonly remaining: number;
  /** The deck's floor (see `BuiltDeck`); null for a complete deck. */
  readonly floor: number | null;
  /** Whether a rebuild was asked for and has not happened yet. */
  readonly refillRequested: boolean;
}

/** The decks of socks (`deck_entries`), built by workers, read by `ListCandidates`. */
export interface DeckRepository {
  /**
   * Serves from the deck of sock `sockId` in one statement: the first `limit` entries that are
   * still candidates (a picture, not judged by that sock, owner never matched with its owner),
   * each with its pictures.
   * Needs only the id, so that it can run alongside the read of the sock itself.
   * @returns null when the deck was never built (a cold deck) or the sock does not exist
   */
  peek(sockId: string, limit: number): Promise<DeckPeek | null>;

  /**
   * Records that the deck of `sockId` needs a (re)build, once: true when this call recorded it
   * (so the caller writes the one outbox event), false when a request is pending already.
   * Works for a deck never built too.
   */
  requestBuild(sockId: string, at: Date): Promise<boolean>;

  /**
   * Serialises building the deck of `sockId` until the unit of work ends, so two workers
   * building the same deck take turns. @throws outside a unit of work
   */
  lockDeck(sockId: string): Promise<void>;

  /**
   * Serialises placing `sockId` into decks until the unit of work ends, so that of two workers
   * placing the same sock the later one writes last, from the newer state.
   * @throws outside a unit of work
   */
  lockCandidate(sockId: string): Promise<void>;

  /** Takes one candidate out of one deck. Idempotent. */
  removeFromDeck(deckSockId: string, candidateId: string): Promise<void>;

  /** Replaces the sock's deck with `deck` and clears a pending build request. */
  replace(deck: BuiltDeck): Promise<void>;

  /**
   * Adds `candidateId` to the listed decks, each only if it still belongs there (the deck's
   * current floor admits it, the deck's sock has not judged it, the owners never matched).
   * Idempotent. @returns the number of decks it was added to
   */
  place(candidateId: string, placements: readonly DeckPlacement[]): Promise<number>;

  /** Removes the sock from every deck it is in. Idempotent. */
  removeEverywhere(candidateId: string): Promise<void>;
}
