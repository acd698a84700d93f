import { isCandidate, roundScore } from '../../domain/swiping/candidate.js';
import { Deck, type DeckEntry } from '../../domain/swiping/deck.js';
import { similarityScore } from '../../domain/swiping/similarity-score.js';
import type { Sock } from '../../domain/sock/sock.js';
import type {
  BestCandidates,
  CandidatePool,
  DeckExclusions,
  DeckPlacement,
} from '../ports/candidate-pool.js';
import type { InMemoryDatabase } from './in-memory-database.js';

/** The pool by brute force: every sock of the in-memory database scored with the domain's score. */
export class InMemoryCandidatePool implements CandidatePool {
  constructor(private readonly db: InMemoryDatabase) {}

  /** Units of work run one at a time here: nothing changes while a build runs. */
  async changedSince(): Promise<string[]> {
    return [];
  }

  async scoresFor(
    own: Sock,
    candidateIds: readonly string[],
    exclusions: DeckExclusions,
  ): Promise<DeckEntry[]> {
    const wanted = new Set(candidateIds);
    const { entries } = await this.best(own, exclusions, Number.MAX_SAFE_INTEGER);
    return entries.filter((e) => wanted.has(e.candidateId));
  }

  async best(own: Sock, exclusions: DeckExclusions, size: number): Promise<BestCandidates> {
    const ranked = [...this.db.tables.socks.values()]
      .filter((other) =>
        isCandidate(own.ownerId, {
          ownerId: other.ownerId,
          pictureCount: this.pictureCount(other.id),
          judgedByOwnSock: exclusions.judgedSockIds.has(other.id),
          ownerEverMatchedUser: exclusions.matchedUserIds.has(other.ownerId),
        }),
      )
      .map((other) => ({ other, score: roundScore(similarityScore(own, other)) }))
      .sort((a, b) => Deck.compare(key(a.other, a.score), key(b.other, b.score)));
    return {
      entries: ranked.slice(0, size).map(({ other, score }) => ({ candidateId: other.id, score })),
      complete: ranked.length <= size,
      asOf: 0,
    };
  }

  async placementsOf(candidate: Sock): Promise<DeckPlacement[]> {
    const placements: DeckPlacement[] = [];
    for (const [sockId, deck] of this.db.tables.decks) {
      const own = this.db.tables.socks.get(sockId);
      if (!own || deck.builtAt === null || own.ownerId === candidate.ownerId) continue;
      const score = roundScore(similarityScore(own, candidate));
      if (Deck.admits(deck.floor, score)) placements.push({ deckSockId: sockId, score });
    }
    return placements;
  }

  private pictureCount(sockId: string): number {
    let count = 0;
    for (const picture of this.db.tables.pictures.values()) if (picture.sockId === sockId) count++;
    return count;
  }
}

function key(sock: Sock, score: number) {
  return { score, id: sock.id };
}
