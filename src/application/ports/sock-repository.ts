import type { GeoPoint } from '../../domain/geo/geo-point.js';
import type { Page, PageRequest } from '../../domain/shared/page.js';
import type { Sock } from '../../domain/sock/sock.js';

/** A candidate sock with what the candidate view shows of its owner. */
export interface CandidateRow {
  readonly sock: Sock;
  readonly owner: {
    readonly id: string;
    readonly username: string;
    readonly firstName: string;
    readonly birthday: string;
    readonly city: string;
    readonly location: GeoPoint | null;
  };
}

/** A shortlisted candidate with `numericScore(sock, candidate)`, as the shortlist computed it. */
export interface ShortlistRow extends CandidateRow {
  readonly numericScore: number;
}

export interface SockRepository {
  add(sock: Sock): Promise<void>;
  save(sock: Sock): Promise<void>;
  findById(id: string): Promise<Sock | null>;
  findManyByIds(ids: readonly string[]): Promise<Sock[]>;
  /** The user's own sock, or null when it does not exist or belongs to someone else. */
  findOwned(ownerId: string, sockId: string): Promise<Sock | null>;
  /** The user's socks, newest first. */
  listByOwner(ownerId: string, page: PageRequest): Promise<Page<Sock>>;
  /** Deletes the sock, its pictures (metadata) and every swipe from or to it. Idempotent. */
  remove(id: string): Promise<void>;
  /**
   * The candidates for `sock` (see `isCandidate`), in any order. It may leave out candidates,
   * but only ones that cannot be among the best `limit` by `similarityScore`, so that ranking
   * the returned rows gives the exact best `limit`.
   */
  shortlistCandidates(sock: Sock, limit: number): Promise<ShortlistRow[]>;
}
