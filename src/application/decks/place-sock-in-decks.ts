import type { CandidatePool } from '../ports/candidate-pool.js';
import type { DeckRepository } from '../ports/deck-repository.js';
import type { PictureRepository } from '../ports/picture-repository.js';
import type { SockRepository } from '../ports/sock-repository.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';

export interface PlaceSockInDecksInput {
  readonly sockId: string;
}

/**
 * Puts a sock where it belongs in the other socks' built decks, as it is now: out of every
 * deck first (its score changed, or it is no candidate any more), then into each deck whose
 * floor its score beats, if it has a picture. A worker runs it for `deck.place` events.
 * Idempotent: running it twice leaves the same decks; two workers placing the same sock take
 * turns (the later one scores from the newer state).
 */
export class PlaceSockInDecks {
  constructor(
    private readonly socks: SockRepository,
    private readonly pictures: PictureRepository,
    private readonly pool: CandidatePool,
    private readonly decks: DeckRepository,
    private readonly uow: UnitOfWork,
  ) {}

  /** @returns the number of decks the sock is in afterwards */
  async execute(input: PlaceSockInDecksInput): Promise<number> {
    return this.uow.run(async () => {
      await this.decks.lockCandidate(input.sockId);
      await this.decks.removeEverywhere(input.sockId);
      const sock = await this.socks.findById(input.sockId);
      if (!sock) return 0;
      const pictures = await this.pictures.listForSocks([sock.id]);
      if (!pictures.has(sock.id)) return 0;
      const placements = await this.pool.placementsOf(sock);
      return this.decks.place(sock.id, placements);
    });
  }
}
