import type { Page, PageRequest } from '../../domain/shared/page.js';
import type { Clock } from '../ports/clock.js';
import type { MatchRepository } from '../ports/match-repository.js';
import type { MessageRepository } from '../ports/message-repository.js';
import type { PictureRepository } from '../ports/picture-repository.js';
import type { SockRepository } from '../ports/sock-repository.js';
import type { UserRepository } from '../ports/user-repository.js';
import type { MatchView } from '../shared/views.js';
import { matchViews, type MatchViewSources } from './match-view.js';

export interface ListMatchesInput {
  readonly userId: string;
  readonly page: PageRequest;
}

/** The caller's active matches, newest first. */
export class ListMatches {
  constructor(
    private readonly matches: MatchRepository,
    private readonly users: UserRepository,
    private readonly socks: SockRepository,
    private readonly pictures: PictureRepository,
    private readonly messages: MessageRepository,
    private readonly clock: Clock,
  ) {}

  async execute(input: ListMatchesInput): Promise<Page<MatchView>> {
    const page = await this.matches.listActiveFor(input.userId, input.page);
    const items = await matchViews(this.sources(), input.userId, page.items, this.clock.now());
    return { ...page, items };
  }

  private sources(): MatchViewSources {
    return { users: this.users, socks: this.socks, pictures: this.pictures, messages: this.messages };
  }
}
