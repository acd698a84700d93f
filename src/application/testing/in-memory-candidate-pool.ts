import { isCandidate, roundScore } from '../../domain/swiping/candidate.js';
import { Deck, type DeckEntry } from '../../domain/swiping/deck.js';
import { similarityScore } from '../../domain/swiping/similarity-score.js';
import type { Sock } from '../../domain/sock/sock.js';
import type { CandidatePool, DeckExclusions, DeckPlacement } from '../ports/candidate-pool.js';
import type { InMemoryDatabase } from './in-memory-database.js';

/** The pool by brute force: every sock of the in-memory database scored with the domain's score. */
export class InMemoryCandidatePool implements CandidatePool {
  constructor(private readonly db: InMemoryDatabase) {}

  async best(
    own: Sock,
    exclusions: DeckExclusions,
    size: number,
  ): Promise<{ entries: DeckEntry[]; complete: boolean }> {
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
