import { type z } from 'zod';
import { RefreshBody, TokenBody, TokenPair } from '../schemas/auth.js';
import { defineOperation } from './operation.js';

const tag = 'auth';

export const authOperations = [
  defineOperation({
    operationId: 'issueToken',
    method: 'post',
    path: '/auth/token',
    tag,
    summary: 'Log in: exchange username and password for an access and a refresh token',
    auth: 'none',
    body: TokenBody,
    bodyKind: 'json-or-form',
    success: { status: 200, description: 'A new token pair', schema: TokenPair },
    errors: [400, 401, 415, 429],
    async handle({ body, clientIp }, { app }) {
      const tokens = await app.auth.logIn.execute({
        username: body.username,
        password: body.password,
        clientKey: clientIp,
      });
      return { status: 200, body: tokenPair(tokens), headers: { 'Cache-Control': 'no-store' } };
    },
  }),
  defineOperation({
    operationId: 'refreshToken',
    method: 'post',
    path: '/auth/refresh',
    tag,
    summary: 'Exchange a refresh token for a new pair; the presented token is spent',
    auth: 'none',
    body: RefreshBody,
    bodyKind: 'json',
    success: { status: 200, description: 'A new token pair', schema: TokenPair },
    errors: [400, 401, 415],
    async handle({ body }, { app }) {
      const tokens = await app.auth.refreshSession.execute({ refreshToken: body.refresh_token });
      return { status: 200, body: tokenPair(tokens), headers: { 'Cache-Control': 'no-store' } };
    },
  }),
  defineOperation({
    operationId: 'logOut',
    method: 'post',
    path: '/auth/logout',
    tag,
    summary: 'Log out: revoke the refresh token and every token of its login',
    auth: 'none',
    body: RefreshBody,
    bodyKind: 'json',
    success: { status: 204, description: 'Logged out (also for an unknown token)' },
    errors: [400, 415],
    async handle({ body }, { app }) {
      await app.auth.logOut.execute({ refreshToken: body.refresh_token });
      return { status: 204 };
    },
  }),
];

function tokenPair(tokens: {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
}): z.infer<typeof TokenPair> {
  return {
    access_token: tokens.accessToken,
    token_type: 'Bearer',
    expires_in: tokens.expiresIn,
    refresh_token: tokens.refreshToken,
  };
}
