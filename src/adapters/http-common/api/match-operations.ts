import { z } from 'zod';
import { Id, PageQuery, pageOf } from '../schemas/common.js';
import { Match } from '../schemas/matches.js';
import { Message, MessageList, MessagesQuery, NewMessageBody } from '../schemas/messages.js';
import { callerOf } from './caller.js';
import { defineOperation } from './operation.js';

const MatchParams = z.strictObject({ matchId: Id });

export const matchOperations = [
  defineOperation({
    operationId: 'listMatches',
    method: 'get',
    path: '/matches',
    tag: 'matches',
    summary: 'Your active matches, newest first',
    auth: 'user',
    query: PageQuery,
    bodyKind: 'none',
    success: { status: 200, description: 'A page of matches', schema: pageOf(Match) },
    errors: [400, 401],
    async handle(input, { app, present }) {
      const page = await app.matches.listMatches.execute({
        userId: callerOf(input).userId,
        page: input.query,
      });
      return { status: 200, body: present.page(page, (v) => present.match(v)) };
    },
  }),
  defineOperation({
    operationId: 'getMatch',
    method: 'get',
    path: '/matches/{matchId}',
    tag: 'matches',
    summary: 'One of your active matches',
    auth: 'user',
    params: MatchParams,
    bodyKind: 'none',
    success: { status: 200, description: 'The match from your side', schema: Match },
    errors: [400, 401, 404],
    async handle(input, { app, present }) {
      const view = await app.matches.getMatch.execute({
        userId: callerOf(input).userId,
        matchId: input.params.matchId,
      });
      return { status: 200, body: present.match(view) };
    },
  }),
  defineOperation({
    operationId: 'endMatch',
    method: 'delete',
    path: '/matches/{matchId}',
    tag: 'matches',
    summary: 'End a match: its messages are deleted and the two of you never match again',
    auth: 'user',
    params: MatchParams,
    bodyKind: 'none',
    success: { status: 204, description: 'Match ended' },
    errors: [400, 401, 404],
    async handle(input, { app }) {
      await app.matches.endMatch.execute({ userId: callerOf(input).userId, matchId: input.params.matchId });
      return { status: 204 };
    },
  }),
  defineOperation({
    operationId: 'listMessages',
    method: 'get',
    path: '/matches/{matchId}/messages',
    tag: 'messages',
    summary: 'Messages of a match, newest first; incoming ones returned are marked seen',
    auth: 'user',
    params: MatchParams,
    query: MessagesQuery,
    bodyKind: 'none',
    success: {
      status: 200,
      description: 'A slice of messages and the cursor to older ones',
      schema: MessageList,
    },
    errors: [400, 401, 404],
    async handle(input, { app, present }) {
      const list = await app.chat.listMessages.execute({
        userId: callerOf(input).userId,
        matchId: input.params.matchId,
        beforeId: input.query.before ?? null,
        limit: input.query.limit,
      });
      return {
        status: 200,
        body: { items: list.items.map((m) => present.message(m)), nextCursor: list.nextCursor },
      };
    },
  }),
  defineOperation({
    operationId: 'sendMessage',
    method: 'post',
    path: '/matches/{matchId}/messages',
    tag: 'messages',
    summary: 'Send a message to your match',
    auth: 'user',
    params: MatchParams,
    body: NewMessageBody,
    bodyKind: 'json',
    success: { status: 201, description: 'The message', schema: Message },
    errors: [400, 401, 404, 415],
    async handle(input, { app, present }) {
      const view = await app.chat.sendMessage.execute({
        userId: callerOf(input).userId,
        matchId: input.params.matchId,
        text: input.body.text,
        clientId: input.body.clientId ?? null,
      });
      return { status: 201, body: present.message(view) };
    },
  }),
];
