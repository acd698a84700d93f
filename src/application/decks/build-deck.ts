import { Deck } from '../../domain/swiping/deck.js';
import { DECK } from '../../domain/swiping/deck.js';
import type { CandidatePool } from '../ports/candidate-pool.js';
import type { Clock } from '../ports/clock.js';
import type { DeckRepository } from '../ports/deck-repository.js';
import type { MatchRepository } from '../ports/match-repository.js';
import type { SockRepository } from '../ports/sock-repository.js';
import type { SwipeRepository } from '../ports/swipe-repository.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';

export interface BuildDeckInput {
  readonly sockId: string;
}

/**
 * Builds (or rebuilds) a sock's deck from scratch: its best `DECK.size` candidates as the pool
 * scores them now. A worker runs it for `deck.build` events. Idempotent, and safe when two
 * workers build the same deck: the deck's lock makes them take turns, and each writes the whole
 * deck as the database is when it holds the lock. A deleted sock has no deck (nothing to do).
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
      await this.decks.lock(input.sockId);
      const own = await this.socks.findById(input.sockId);
      if (!own) return null;
      const [judged, partners] = await Promise.all([
        this.swipes.judgedBy(own.id),
        this.matches.partnersOf(own.ownerId),
      ]);
      const { entries, complete } = await this.pool.best(
        own,
        { judgedSockIds: new Set(judged), matchedUserIds: new Set(partners) },
        DECK.size,
      );
      const deck = Deck.of(own.id, entries, complete, this.clock.now());
      await this.decks.replace(deck);
      return deck.entries.length;
    });
  }
}
