import type { GeoPoint } from '../geo/geo-point.js';
import { geodesicDistanceKm } from '../geo/geodesic-distance.js';
import type { Sock } from '../sock/sock.js';
import { numericScore, textScore } from './similarity-score.js';

/** A sock that could be offered to `own`, with what ranking needs to know about its owner. */
export interface CandidateSock {
  readonly sock: Sock;
  readonly ownerLocation: GeoPoint | null;
  /**
   * `numericScore(own, sock)` when the caller has it already (the database computes it while
   * choosing the shortlist), so it is not computed twice; the text terms are always added here.
   */
  readonly numericScore?: number;
}

export interface RankedCandidate<C extends CandidateSock> {
  readonly candidate: C;
  readonly score: number;
  readonly distanceKm: number | null;
}

/**
 * The rules for who is a candidate for sock S of user U: a sock U does not own, that has at
 * least one picture, that S has not judged yet, and whose owner never matched U (active or ended).
 */
export interface CandidateFacts {
  readonly ownerId: string;
  readonly pictureCount: number;
  readonly judgedByOwnSock: boolean;
  readonly ownerEverMatchedUser: boolean;
}

export function isCandidate(userId: string, facts: CandidateFacts): boolean {
  return (
    facts.ownerId !== userId &&
    facts.pictureCount > 0 &&
    !facts.judgedByOwnSock &&
    !facts.ownerEverMatchedUser
  );
}

/**
 * Best first: highest similarity score, then the nearer owner (unknown distance last), then the
 * older sock, then the id so that the order is total.
 */
export function rankCandidates<C extends CandidateSock>(
  own: Sock,
  ownLocation: GeoPoint | null,
  candidates: readonly C[],
): RankedCandidate<C>[] {
  const ranked = candidates.map((candidate) => ({
    candidate,
    score: roundScore(
      (candidate.numericScore ?? numericScore(own, candidate.sock)) + textScore(own, candidate.sock),
    ),
    distanceKm:
      ownLocation && candidate.ownerLocation
        ? geodesicDistanceKm(ownLocation, candidate.ownerLocation)
        : null,
  }));
  return ranked.sort(
    (a, b) =>
      b.score - a.score ||
      (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) ||
      a.candidate.sock.createdAt.getTime() - b.candidate.sock.createdAt.getTime() ||
      (a.candidate.sock.id < b.candidate.sock.id ? -1 : a.candidate.sock.id > b.candidate.sock.id ? 1 : 0),
  );
}

/**
 * Scores are rounded to 1e-9 so that candidates whose scores are equal in exact arithmetic
 * tie, whatever floating-point noise the order of additions left.
 */
export function roundScore(score: number): number {
  return Math.round(score * 1e9) / 1e9;
}
