import { z } from 'zod';
import { Id, Picture, Timestamp } from './common.js';
import { Sock } from './socks.js';
import { Social } from './users.js';

export const Match = z
  .strictObject({
    id: Id,
    createdAt: Timestamp,
    otherUser: z.strictObject({
      username: z.string(),
      firstName: z.string(),
      age: z.int(),
      city: z.string(),
      about: z.string(),
      social: Social,
      pictures: z.array(Picture),
      distanceKm: z.number().nullable(),
    }),
    mySock: Sock.nullable().describe(
      "The caller's sock of the matching pair; null once that sock was deleted.",
    ),
    theirSock: Sock.nullable().describe(
      "The other user's sock of the pair; null once that sock was deleted.",
    ),
    unreadCount: z
      .int()
      .nonnegative()
      .describe("How many of the other user's messages in this match the caller has not seen yet."),
  })
  .meta({ id: 'Match' });
export type Match = z.infer<typeof Match>;
