import { Match } from '../../domain/matching/match.js';
import { MatchNotFoundError } from '../../domain/matching/match-errors.js';
import type { Clock } from '../ports/clock.js';
import type { MatchRepository } from '../ports/match-repository.js';
import type { MessageRepository } from '../ports/message-repository.js';
import type { Outbox } from '../ports/outbox.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import type { UserRepository } from '../ports/user-repository.js';
import { participantsOf, publish } from '../chat/live-events.js';
import { notifyBothUsers } from './notify-both-users.js';

export interface EndMatchInput {
  readonly userId: string;
  readonly matchId: string;
}

/**
 * Unmatching: the match ends for good (the pair can never match again and no longer sees each
 * other's socks), its messages are deleted, its live chat closes, and both users are told by
 * email if they opted in.
 */
export class EndMatch {
  constructor(
    private readonly matches: MatchRepository,
    private readonly messages: MessageRepository,
    private readonly users: UserRepository,
    private readonly outbox: Outbox,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** @throws {MatchNotFoundError} when unknown, already ended, or the caller is not a participant */
  async execute(input: EndMatchInput): Promise<void> {
    await this.uow.run(async () => {
      const match = await this.matches.findById(input.matchId);
      if (!match) throw new MatchNotFoundError();
      const ended = Match.end(match, input.userId, this.clock.now());
      await this.matches.save(ended);
      await this.messages.removeForMatch(ended.id);
      await this.outbox.add(publish({ type: 'ended', matchId: ended.id, recipients: participantsOf(ended) }));
      await notifyBothUsers(this.users, this.outbox, ended, (recipient, other) => ({
        template: 'match-ended',
        data: { otherUsername: other.username, endedByMe: recipient.id === input.userId },
      }));
    });
  }
}
