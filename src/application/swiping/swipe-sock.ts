import { Match } from '../../domain/matching/match.js';
import { SockNotFoundError } from '../../domain/sock/sock-errors.js';
import { Swipe, type Decision } from '../../domain/swiping/swipe.js';
import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { MatchRepository } from '../ports/match-repository.js';
import type { Outbox } from '../ports/outbox.js';
import type { SwipeRepository } from '../ports/swipe-repository.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import type { UserRepository } from '../ports/user-repository.js';
import { notifyBothUsers } from '../matches/notify-both-users.js';

export interface SwipeSockInput {
  readonly userId: string;
  readonly sockId: string;
  readonly targetSockId: string;
  readonly decision: Decision;
}

export interface SwipeSockOutput {
  readonly targetSockId: string;
  readonly decision: Decision;
  /**
   * The match this like completed, if any. Callers that show it read it with `GetMatch`, after
   * the swipe committed: the pair lock is held for the writes only.
   */
  readonly matchId: string | null;
}

/** One of the caller's socks likes or dislikes another sock; a like back makes a match. */
export class SwipeSock {
  constructor(
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
      const context = await this.swipes.loadSwipeContext(input.userId, input.sockId, input.targetSockId);
      if (!context) throw new SockNotFoundError();
      const swipe = Swipe.judge({ ...context, decision: input.decision, at });
      await this.swipes.add(swipe);
      if (swipe.decision !== 'like') return null;
      const targetOwnerId = context.target.ownerId;
      await this.matches.lockPair(input.userId, targetOwnerId);
      const { reverse, existing } = await this.matches.findPairState(swipe, input.userId, targetOwnerId);
      const made = Match.ifMutual({
        id: this.ids.next(),
        swipe,
        likerId: input.userId,
        targetOwnerId,
        reverse,
        existing,
        at,
      });
      if (!made || !(await this.matches.add(made))) return null;
      await notifyBothUsers(this.users, this.outbox, made, (_, other) => ({
        template: 'match-made',
        data: { otherUsername: other.username },
      }));
      return made;
    });
    return { targetSockId: input.targetSockId, decision: input.decision, matchId: match?.id ?? null };
  }
}
