import { MikroOrmSockRepository } from '../../../src/adapters/persistence/mikro-orm-sock-repository.js';
import type { TransactionScope } from '../../../src/adapters/persistence/transaction-scope.js';
import type { UnitOfWork } from '../../../src/application/ports/unit-of-work.js';
import type { GeoPoint } from '../../../src/domain/geo/geo-point.js';
import type { Sock } from '../../../src/domain/sock/sock.js';
import { rankCandidates, roundScore } from '../../../src/domain/swiping/candidate.js';
import { similarityScore } from '../../../src/domain/swiping/similarity-score.js';

/** A candidate as served or as ranked exactly: its id and its full similarity score (domain). */
export interface ScoredId {
  readonly id: string;
  readonly score: number;
}

/** How one sock's served answer compares with the exact one. */
export interface SockExactness {
  /** The first card is the exact first, or scores exactly as much (a tie: either order is right). */
  readonly top1: boolean;
  /** |served ∩ exact| ÷ the exact list's length, ties at the boundary counted as agreement. */
  readonly overlap: number;
  /** Candidates within `MAX_TEXT_POINTS` of the `limit`-th numeric score: what was ranked. */
  readonly window: number;
  /** Served cards whose stored score differs from the domain's score of the sock as it is now. */
  readonly scoreMismatches: number;
}

/** Rows the uncapped shortlist may return: "every candidate", at any size the bench seeds. */
const UNCAPPED = 50_000_000;

/**
 * The exact best `limit` candidates of `own`, by brute force with the domain's own ranking:
 * the uncapped shortlist (every candidate within `MAX_TEXT_POINTS` of the `limit`-th best
 * numeric score, in SQL; see `candidateShortlistSql` for why that is exact) ranked by
 * `rankCandidates` (full score with the text terms). The shortlist sorts every candidate, so it
 * runs in a unit of work with a `work_mem` large enough to sort a million rows in memory.
 */
export class ExactRanking {
  private readonly uncapped: MikroOrmSockRepository;

  constructor(
    private readonly scope: TransactionScope,
    private readonly uow: UnitOfWork,
  ) {
    this.uncapped = new MikroOrmSockRepository(scope, { shortlistCap: UNCAPPED });
  }

  async best(
    own: Sock,
    ownLocation: GeoPoint | null,
    limit: number,
  ): Promise<{ ranked: ScoredId[]; window: number }> {
    const rows = await this.uow.run(async () => {
      await this.scope.use((em) => em.execute(`set local work_mem = '512MB'`));
      return this.uncapped.shortlistCandidates(own, limit);
    });
    const ranked = rankCandidates(
      own,
      ownLocation,
      rows.map((row) => ({ sock: row.sock, ownerLocation: row.owner.location })),
    )
      .slice(0, limit)
      .map((r) => ({ id: r.candidate.sock.id, score: r.score }));
    return { ranked, window: rows.length };
  }
}

/**
 * Compares a served answer with the exact one. Scores are the domain's (`roundScore` of
 * `similarityScore`) of the served socks as they are now, so a stale or wrong stored score
 * cannot make a wrong card look right; `storedScores` are what the deck said, counted when they differ.
 */
export function compareAnswers(
  own: Sock,
  served: ReadonlyArray<{ readonly sock: Sock; readonly storedScore: number }>,
  exact: readonly ScoredId[],
  window: number,
): SockExactness {
  const servedScored = served.map(({ sock }) => ({
    id: sock.id,
    score: roundScore(similarityScore(own, sock)),
  }));
  const scoreMismatches = served.filter(
    (s, i) =>
      Math.abs(s.storedScore - (servedScored[i]?.score ?? Number.NaN)) > 1e-9 || Number.isNaN(s.storedScore),
  ).length;
  const exactFirst = exact[0];
  const servedFirst = servedScored[0];
  const top1 =
    exactFirst === undefined
      ? servedFirst === undefined
      : servedFirst !== undefined &&
        (servedFirst.id === exactFirst.id || servedFirst.score === exactFirst.score);
  return { top1, overlap: overlap(servedScored, exact), window, scoreMismatches };
}

/**
 * |served ∩ exact| ÷ |exact|, where a served card scoring exactly the exact list's last score
 * counts as a hit even if the exact list has another sock with that score there (the order
 * among equal scores is a tie-break, not a ranking). Only served cards are counted, each once.
 */
function overlap(served: readonly ScoredId[], exact: readonly ScoredId[]): number {
  if (exact.length === 0) return served.length === 0 ? 1 : 0;
  const boundary = (exact.at(-1) as ScoredId).score;
  const exactIds = new Set(exact.map((e) => e.id));
  const slotsAtBoundary = exact.filter((e) => e.score === boundary).length;
  let hits = 0;
  let atBoundary = 0;
  for (const card of served.slice(0, exact.length)) {
    if (card.score === boundary) atBoundary += 1;
    else if (exactIds.has(card.id)) hits += 1;
  }
  return (hits + Math.min(atBoundary, slotsAtBoundary)) / exact.length;
}
