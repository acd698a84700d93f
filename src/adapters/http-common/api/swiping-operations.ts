import { z } from 'zod';
import type { GetMatch } from '../../../application/matches/get-match.js';
import type { MatchView } from '../../../application/shared/views.js';
import { MatchNotFoundError } from '../../../domain/matching/match-errors.js';
import { Id } from '../schemas/common.js';
import { CandidateList, CandidatesQuery, SwipeBody, SwipeResult } from '../schemas/swiping.js';
import { callerOf } from './caller.js';
import { defineOperation } from './operation.js';

const tag = 'swiping';
const SockParams = z.strictObject({ sockId: Id });

export const swipingOperations = [
  defineOperation({
    operationId: 'listCandidates',
    method: 'get',
    path: '/socks/{sockId}/candidates',
    tag,
    summary: 'The best socks for one of your socks to judge, best first',
    auth: 'user',
    params: SockParams,
    query: CandidatesQuery,
    bodyKind: 'none',
    success: {
      status: 200,
      description: 'Candidates; items is empty when nothing is left',
      schema: CandidateList,
    },
    errors: [400, 401, 404],
    async handle(input, { app, present }) {
      const result = await app.swiping.listCandidates.execute({
        userId: callerOf(input).userId,
        sockId: input.params.sockId,
        limit: input.query.limit,
      });
      return { status: 200, body: { items: result.items.map((c) => present.candidate(c)) } };
    },
  }),
  defineOperation({
    operationId: 'swipe',
    method: 'post',
    path: '/socks/{sockId}/swipes',
    tag,
    summary: 'Like or dislike a sock on behalf of one of yours; a mutual like makes a match',
    auth: 'user',
    params: SockParams,
    body: SwipeBody,
    bodyKind: 'json',
    success: {
      status: 201,
      description: 'The swipe, and the match it completed if any',
      schema: SwipeResult,
    },
    errors: [400, 401, 404, 409, 415, 422],
    async handle(input, { app, present }) {
      const { userId } = callerOf(input);
      const result = await app.swiping.swipeSock.execute({
        userId,
        sockId: input.params.sockId,
        ...input.body,
      });
      const match = result.matchId ? await madeMatch(app.matches.getMatch, userId, result.matchId) : null;
      return {
        status: 201,
        body: {
          targetSockId: result.targetSockId,
          decision: result.decision,
          match: match ? present.match(match) : null,
        },
      };
    },
  }),
];

/**
 * The match a swipe just made, as `GET /matches/{matchId}` shows it, read after the swipe
 * committed. Ended (or its other user gone) in between: the swipe stands, with no match to show.
 */
async function madeMatch(getMatch: GetMatch, userId: string, matchId: string): Promise<MatchView | null> {
  try {
    return await getMatch.execute({ userId, matchId });
  } catch (error) {
    if (error instanceof MatchNotFoundError) return null;
    throw error;
  }
}
