import type { Sock } from '../sock/sock.js';
import { AlreadyJudgedError, NoPictureError, OwnSockError } from './swiping-errors.js';

export type Decision = 'like' | 'dislike';
export const DECISIONS: readonly [Decision, Decision] = ['like', 'dislike'];

/** One sock's verdict on another sock. At most one per (sock, target) ever. */
export interface Swipe {
  readonly sockId: string;
  readonly targetSockId: string;
  readonly decision: Decision;
  readonly judgedAt: Date;
}

export interface JudgeProps {
  /** The caller's own sock, on whose behalf the swipe is made. */
  readonly own: Sock;
  readonly target: Sock;
  readonly targetPictureCount: number;
  /** The swipe `own` already made on `target`, if any. */
  readonly earlier: Swipe | null;
  readonly decision: Decision;
  readonly at: Date;
}

export const Swipe = {
  /**
   * The policies of swiping: a sock cannot judge a sock of its own owner, cannot judge the same
   * sock twice, and can only judge a sock that has a picture.
   * @throws {OwnSockError | AlreadyJudgedError | NoPictureError}
   */
  judge(props: JudgeProps): Swipe {
    if (props.target.ownerId === props.own.ownerId) throw new OwnSockError();
    if (props.earlier) throw new AlreadyJudgedError();
    if (props.targetPictureCount < 1) throw new NoPictureError();
    return {
      sockId: props.own.id,
      targetSockId: props.target.id,
      decision: props.decision,
      judgedAt: props.at,
    };
  },
};
