import { MatchNotFoundError } from '../../domain/matching/match-errors.js';
import type { Clock } from '../ports/clock.js';
import type { MatchRepository } from '../ports/match-repository.js';
import type { MessageRepository } from '../ports/message-repository.js';
import type { PictureRepository } from '../ports/picture-repository.js';
import type { SockRepository } from '../ports/sock-repository.js';
import type { UserRepository } from '../ports/user-repository.js';
import type { MatchView } from '../shared/views.js';
import { matchView, type MatchViewSources } from './match-view.js';

export interface GetMatchInput {
  readonly userId: string;
  readonly matchId: string;
}

/** One active match of the caller. */
export class GetMatch {
  constructor(
    private readonly matches: MatchRepository,
    private readonly users: UserRepository,
    private readonly socks: SockRepository,
    private readonly pictures: PictureRepository,
    private readonly messages: MessageRepository,
    private readonly clock: Clock,
  ) {}

  /** @throws {MatchNotFoundError} when unknown, ended, or the caller is not a participant */
  async execute(input: GetMatchInput): Promise<MatchView> {
    const match = await this.matches.findById(input.matchId);
    if (!match) throw new MatchNotFoundError();
    return matchView(this.sources(), input.userId, match, this.clock.now());
  }

  private sources(): MatchViewSources {
    return { users: this.users, socks: this.socks, pictures: this.pictures, messages: this.messages };
  }
}
