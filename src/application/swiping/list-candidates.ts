import { CalendarDate } from '../../domain/shared/calendar-date.js';
import { InvalidValueError } from '../../domain/shared/domain-error.js';
import { SockNotFoundError } from '../../domain/sock/sock-errors.js';
import { rankCandidates } from '../../domain/swiping/candidate.js';
import { ageOn } from '../../domain/user/age.js';
import type { Clock } from '../ports/clock.js';
import type { PictureRepository } from '../ports/picture-repository.js';
import type { SockRepository } from '../ports/sock-repository.js';
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

/** The next socks to offer one of the caller's socks, best first (reference §2.6, plus distance). */
export class ListCandidates {
  constructor(
    private readonly socks: SockRepository,
    private readonly users: UserRepository,
    private readonly pictures: PictureRepository,
    private readonly clock: Clock,
  ) {}

  /** @throws {SockNotFoundError | InvalidValueError} */
  async execute(input: ListCandidatesInput): Promise<{ items: CandidateView[] }> {
    const limit = input.limit ?? CANDIDATE_LIMIT.default;
    if (!Number.isInteger(limit) || limit < CANDIDATE_LIMIT.min || limit > CANDIDATE_LIMIT.max) {
      throw new InvalidValueError('limit', `limit must be ${CANDIDATE_LIMIT.min}–${CANDIDATE_LIMIT.max}.`);
    }
    const own = await this.socks.findOwned(input.userId, input.sockId);
    if (!own) throw new SockNotFoundError();
    const [user, rows] = await Promise.all([
      this.users.findById(input.userId),
      this.socks.shortlistCandidates(own, limit),
    ]);
    const here = user?.location ?? null;
    const candidates = rows.map((row) => ({ ...row, ownerLocation: row.owner.location }));
    const best = rankCandidates(own, here, candidates).slice(0, limit);
    const bySock = await this.pictures.listForSocks(best.map((r) => r.candidate.sock.id));
    const today = CalendarDate.fromInstant(this.clock.now());
    const items = best.map(({ candidate: { sock, owner }, score }) => ({
      sock: { sock, pictures: bySock.get(sock.id) ?? [] },
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
}
