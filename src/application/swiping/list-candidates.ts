import type { GeoPoint } from '../../domain/geo/geo-point.js';
import { CalendarDate } from '../../domain/shared/calendar-date.js';
import { InvalidValueError } from '../../domain/shared/domain-error.js';
import { SockNotFoundError } from '../../domain/sock/sock-errors.js';
import type { Sock } from '../../domain/sock/sock.js';
import { rankCandidates } from '../../domain/swiping/candidate.js';
import { Deck } from '../../domain/swiping/deck.js';
import { ageOn } from '../../domain/user/age.js';
import type { Clock } from '../ports/clock.js';
import type { DeckCard, DeckPeek, DeckRepository } from '../ports/deck-repository.js';
import type { Outbox } from '../ports/outbox.js';
import type { PictureRepository } from '../ports/picture-repository.js';
import type { SockRepository } from '../ports/sock-repository.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import type { UserRepository } from '../ports/user-repository.js';
import { distanceBetween } from '../shared/view-builders.js';
import type { CandidateView } from '../shared/views.js';

/** How many candidates one request may ask for (`?limit`). */
export const CANDIDATE_LIMIT = { min: 1, max: 20, default: 1 } as const;

export interface ListCandidatesInput {
  readonly userId: string;
  /** The caller's own sock on whose behalf they swipe. */
  readonly sockId: string;
  readonly limit?: number;
}

/**
 * The next socks to offer one of the caller's socks, best first (reference §2.6, plus distance).
 *
 * Served from the sock's deck (its candidates ranked ahead of time by a worker): one index probe
 * whatever the number of socks. A deck that is cold (never built) or has fewer cards left than
 * asked for falls back to the exact query over every sock, so a card is never missing; a deck
 * running low or cold asks for a (re)build, once.
 */
export class ListCandidates {
  constructor(
    private readonly socks: SockRepository,
    private readonly users: UserRepository,
    private readonly pictures: PictureRepository,
    private readonly decks: DeckRepository,
    private readonly outbox: Outbox,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** @throws {SockNotFoundError | InvalidValueError} */
  async execute(input: ListCandidatesInput): Promise<{ items: CandidateView[] }> {
    const limit = checkedLimit(input.limit);
    // Three reads at once: none needs another's answer (a deck read for a sock that turns out
    // not to be the caller's is thrown away unseen).
    const [own, user, deck] = await Promise.all([
      this.socks.findOwned(input.userId, input.sockId),
      this.users.findById(input.userId),
      this.decks.peek(input.sockId, limit),
    ]);
    if (!own) throw new SockNotFoundError();
    const here = user?.location ?? null;
    if (needsBuild(deck, limit)) await this.requestBuild(own.id);
    // a deck card brings its pictures along; the exact answer reads them in one more statement
    const cards = deck?.cards.length === limit ? deck.cards : await this.exactBest(own, here, limit);
    const today = CalendarDate.fromInstant(this.clock.now());
    const items = cards.map(({ sock, owner, score, pictures }) => ({
      sock: { sock, pictures },
      owner: {
        username: owner.username,
        firstName: owner.firstName,
        age: ageOn(owner.birthday, today),
        city: owner.city,
        distanceKm: distanceBetween(here, owner.location),
      },
      score,
    }));
    return { items };
  }

  /** The exact answer: the shortlist of every sock, ranked with the full score and distances. */
  private async exactBest(own: Sock, here: GeoPoint | null, limit: number): Promise<DeckCard[]> {
    const rows = await this.socks.shortlistCandidates(own, limit);
    const candidates = rows.map((row) => ({ ...row, ownerLocation: row.owner.location }));
    // rankCandidates adds the text terms to the numeric score the shortlist brought along
    const best = rankCandidates(own, here, candidates).slice(0, limit);
    const bySock = await this.pictures.listForSocks(best.map(({ candidate }) => candidate.sock.id));
    return best.map(({ candidate, score }) => ({
      sock: candidate.sock,
      owner: candidate.owner,
      score,
      pictures: bySock.get(candidate.sock.id) ?? [],
    }));
  }

  private async requestBuild(sockId: string): Promise<void> {
    await this.uow.run(async () => {
      if (await this.decks.requestBuild(sockId, this.clock.now())) {
        await this.outbox.add({ type: 'deck.build', sockId });
      }
    });
  }
}

function checkedLimit(limit: number = CANDIDATE_LIMIT.default): number {
  if (!Number.isInteger(limit) || limit < CANDIDATE_LIMIT.min || limit > CANDIDATE_LIMIT.max) {
    throw new InvalidValueError('limit', `limit must be ${CANDIDATE_LIMIT.min}–${CANDIDATE_LIMIT.max}.`);
  }
  return limit;
}

/**
 * Whether to ask for a (re)build: a deck never built, or one with a floor (it left candidates
 * out) that runs low or cannot fill the page. A complete deck (no floor: it took every
 * candidate there was, and newcomers join it) would come out the same, so it never asks; when it
 * has fewer cards than asked for, the exact query answers (cheap: so few candidates means a
 * small world), which also covers newcomers whose placement is still on its way.
 */
function needsBuild(deck: DeckPeek | null, limit: number): boolean {
  if (deck === null) return true;
  if (deck.refillRequested || deck.floor === null) return false;
  return deck.cards.length < limit || Deck.isLow(deck.remaining, deck.floor);
}
