import { z } from 'zod';
import { CANDIDATE_LIMIT } from '../../../application/swiping/list-candidates.js';
import { DECISIONS } from '../../../domain/swiping/swipe.js';
import { Id, queryInt } from './common.js';
import { Match } from './matches.js';
import { CandidateSock } from './socks.js';

export const CandidatesQuery = z.object({
  limit: queryInt(CANDIDATE_LIMIT.min, CANDIDATE_LIMIT.max, CANDIDATE_LIMIT.default),
});
export type CandidatesQuery = z.infer<typeof CandidatesQuery>;

export const Candidate = z
  .strictObject({
    sock: CandidateSock,
    owner: z.strictObject({
      username: z.string(),
      firstName: z.string(),
      age: z.int(),
      city: z.string(),
      distanceKm: z.number().nullable(),
    }),
    score: z.number(),
  })
  .meta({ id: 'Candidate' });

export const CandidateList = z.strictObject({ items: z.array(Candidate) }).meta({ id: 'CandidateList' });

export const SwipeBody = z
  .strictObject({ targetSockId: Id, decision: z.enum(DECISIONS) })
  .meta({ id: 'SwipeRequest' });
export type SwipeBody = z.infer<typeof SwipeBody>;

export const SwipeResult = z
  .strictObject({ targetSockId: Id, decision: z.enum(DECISIONS), match: Match.nullable() })
  .meta({ id: 'SwipeResult' });
