import { Match } from '../../domain/matching/match.js';
import { SockNotFoundError } from '../../domain/sock/sock-errors.js';
import { Swipe, type Decision } from '../../domain/swiping/swipe.js';
import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { MatchRepository } from '../ports/match-repository.js';
import type { Outbox } from '../ports/outbox.js';
import type { PictureRepository } from '../ports/picture-repository.js';
import type { SockRepository } from '../ports/sock-repository.js';
import type { SwipeRepository } from '../ports/swipe-repository.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import type { UserRepository } from '../ports/user-repository.js';
import type { MatchView } from '../shared/views.js';
import { matchView } from '../matches/match-view.js';

export interface SwipeSockInput {
  readonly userId: string;
  readonly sockId: string;
  readonly targetSockId: string;
  readonly decision: Decision;
}

export interface SwipeSockOutput {
  readonly targetSockId: string;
  readonly decision: Decision;
  /** The match this like completed, from the caller's side. */
  readonly match: MatchView | null;
}

/** One of the caller's socks likes or dislikes another sock; a like back makes a match. */
export class SwipeSock {
  constructor(
    private readonly socks: SockRepository,
    private readonly pictures: PictureRepository,
    private readonly swipes: SwipeRepository,
    private readonly matches: MatchRepository,
    private readonly users: UserRepository,
    private readonly outbox: Outbox,
    private readonly ids: IdGenerator,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** @throws {SockNotFoundError | OwnSockError | AlreadyJudgedError | NoPictureError} */
  async execute(input: SwipeSockInput): Promise<SwipeSockOutput> {
    const at = this.clock.now();
    const match = await this.uow.run(async () => {
      const own = await this.socks.findOwned(input.userId, input.sockId);
      if (!own) throw new SockNotFoundError();
      const target = await this.socks.findById(input.targetSockId);
      if (!target) throw new SockNotFoundError();
      const earlier = await this.swipes.find(own.id, target.id);
      const targetPictureCount = (await this.pictures.listForSocks([target.id])).get(target.id)?.length ?? 0;
      const swipe = Swipe.judge({ own, target, targetPictureCount, earlier, decision: input.decision, at });
      await this.swipes.add(swipe);
      if (swipe.decision !== 'like') return null;
      await this.matches.lockPair(input.userId, target.ownerId);
      const reverse = await this.swipes.find(target.id, own.id);
      const existing = await this.matches.findBetween(input.userId, target.ownerId);
      const made = Match.ifMutual({
        id: this.ids.next(),
        swipe,
        likerId: input.userId,
        targetOwnerId: target.ownerId,
        reverse,
        existing,
        at,
      });
      if (!made || !(await this.matches.add(made))) return null;
      await this.tellBothUsers(made);
      return matchView(
        { users: this.users, socks: this.socks, pictures: this.pictures },
        input.userId,
        made,
        at,
      );
    });
    return { targetSockId: input.targetSockId, decision: input.decision, match };
  }

  private async tellBothUsers(match: Match): Promise<void> {
    const people = await this.users.findManyByIds([match.initiator.userId, match.partner.userId]);
    for (const person of people) {
      const other = people.find((p) => p.id !== person.id);
      if (!person.notifications || !other) continue;
      await this.outbox.add({
        type: 'email.send',
        to: { email: person.email, username: person.username },
        template: 'match-made',
        data: { otherUsername: other.username },
      });
    }
  }
}
