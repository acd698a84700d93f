import { Deck, DECK } from '../../domain/swiping/deck.js';
import type { CandidatePool, DeckExclusions } from '../ports/candidate-pool.js';
import type { Clock } from '../ports/clock.js';
import type { DeckRepository } from '../ports/deck-repository.js';
import type { MatchRepository } from '../ports/match-repository.js';
import type { SockRepository } from '../ports/sock-repository.js';
import type { SwipeRepository } from '../ports/swipe-repository.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import type { Sock } from '../../domain/sock/sock.js';

export interface BuildDeckInput {
  readonly sockId: string;
}

/**
 * Builds (or rebuilds) a sock's deck from scratch: its best `DECK.size` candidates as the pool
 * scores them now. A worker runs it for `deck.build` events. Idempotent, and safe when two
 * workers build the same deck: the deck's lock makes them take turns, and each writes the whole
 * deck as the database is when it holds the lock. A deleted sock has no deck (nothing to do).
 *
 * Socks that change while the pool scans (a new picture, new attributes) are placed by their
 * own `deck.place` jobs, which do not wait for this build; so after writing the deck, the build
 * looks again at whatever changed since its scan began and puts each of those where it belongs
 * in this deck. Otherwise the build could overwrite a placement made during its scan.
 */
export class BuildDeck {
  constructor(
    private readonly socks: SockRepository,
    private readonly swipes: SwipeRepository,
    private readonly matches: MatchRepository,
    private readonly pool: CandidatePool,
    private readonly decks: DeckRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** @returns the number of entries the deck got, or null when the sock no longer exists */
  async execute(input: BuildDeckInput): Promise<number | null> {
    return this.uow.run(async () => {
      await this.decks.lockDeck(input.sockId);
      const own = await this.socks.findById(input.sockId);
      if (!own) return null;
      const exclusions = await this.exclusionsOf(own);
      const best = await this.pool.best(own, exclusions, DECK.size);
      const deck = Deck.of(own.id, best.entries, best.complete, this.clock.now());
      await this.decks.replace(deck);
      const late = (await this.pool.changedSince(best.asOf)).filter((id) => id !== own.id);
      if (late.length === 0) return deck.entries.length;
      for (const id of late) await this.decks.removeFromDeck(own.id, id);
      for (const entry of await this.pool.scoresFor(own, late, exclusions)) {
        await this.decks.place(entry.candidateId, [{ deckSockId: own.id, score: entry.score }]);
      }
      return deck.entries.length;
    });
  }

  private async exclusionsOf(own: Sock): Promise<DeckExclusions> {
    const [judged, partners] = await Promise.all([
      this.swipes.judgedBy(own.id),
      this.matches.partnersOf(own.ownerId),
    ]);
    return { judgedSockIds: new Set(judged), matchedUserIds: new Set(partners) };
  }
}
