import { TokenPair } from '../../src/adapters/http-common/schemas/auth.js';
import { Me } from '../../src/adapters/http-common/schemas/users.js';
import type { ApiTarget } from '../support/api-target.js';
import {
  PASSWORD,
  api,
  expectBody,
  expectInvalid,
  expectNoContent,
  expectProblem,
  logIn,
  signUp,
} from './api-helpers.js';

/** `/auth/token`, `/auth/refresh`, `/auth/logout` and bearer authentication. */
export function authScenarios(target: () => ApiTarget): void {
  describe('POST /auth/token', () => {
    it('issues a token pair for JSON credentials; the access token opens protected endpoints', async () => {
      const t = target();
      const sam = await signUp(t);
      const res = await api(t).post('/auth/token').send({ username: sam.username, password: PASSWORD });
      const pair = expectBody(res, 200, TokenPair);
      expect(pair.token_type).toBe('Bearer');
      expect(pair.expires_in).toBeGreaterThan(0);
      expect(pair.refresh_token).not.toBe('');
      expect(res.headers['cache-control']).toMatch(/no-store/);
      const me = expectBody(await api(t, pair.access_token).get('/users/me'), 200, Me);
      expect(me.id).toBe(sam.id);
    });

    it('accepts the form-encoded OAuth2 password grant (Swagger UI "Authorize")', async () => {
      const t = target();
      const sam = await signUp(t);
      const res = await api(t)
        .post('/auth/token')
        .type('form')
        .send({ grant_type: 'password', username: sam.username, password: PASSWORD });
      const pair = expectBody(res, 200, TokenPair);
      expectBody(await api(t, pair.access_token).get('/users/me'), 200, Me);
    });

    it('answers an unknown user and a wrong password identically: 401 AUTH.INVALID_CREDENTIALS', async () => {
      const t = target();
      const sam = await signUp(t);
      const wrong = expectProblem(
        await api(t).post('/auth/token').send({ username: sam.username, password: 'not the password' }),
        401,
        'AUTH.INVALID_CREDENTIALS',
      );
      const unknown = expectProblem(
        await api(t).post('/auth/token').send({ username: 'nobody_at_all', password: 'not the password' }),
        401,
        'AUTH.INVALID_CREDENTIALS',
      );
      expect(unknown).toEqual(wrong);
      expectProblem(
        await api(t)
          .post('/auth/token')
          .type('form')
          .send({ grant_type: 'password', username: sam.username, password: 'nope nope' }),
        401,
        'AUTH.INVALID_CREDENTIALS',
      );
    });

    it('rejects incomplete or unknown fields and other grant types with 400', async () => {
      const t = target();
      expectInvalid(await api(t).post('/auth/token').send({ username: 'sam' }), ['body.password']);
      expectInvalid(
        await api(t).post('/auth/token').send({ username: 'sam', password: 'x', remember: true }),
        ['body.remember'],
      );
      expectInvalid(
        await api(t)
          .post('/auth/token')
          .type('form')
          .send({ grant_type: 'client_credentials', username: 'sam', password: 'whatever1' }),
        ['body.grant_type'],
      );
      expectInvalid(await api(t).post('/auth/token').send({ username: '   ', password: 'whatever1' }), [
        'body.username',
      ]);
    });

    it('refuses a body in another media type with 415 and malformed JSON with 400', async () => {
      const t = target();
      expectProblem(
        await api(t)
          .post('/auth/token')
          .set('Content-Type', 'text/plain')
          .send(JSON.stringify({ username: 'sam', password: 'whatever1' })),
        415,
      );
      expectProblem(
        await api(t).post('/auth/token').set('Content-Type', 'application/json').send('{"username": "sam",'),
        400,
        'REQUEST.MALFORMED_BODY',
      );
    });

    it('answers 429 with Retry-After after 5 failed logins of one account from one client', async () => {
      const t = target();
      const sam = await signUp(t);
      const other = await signUp(t);
      for (let i = 0; i < 5; i++) {
        expectProblem(
          await api(t)
            .post('/auth/token')
            .send({ username: sam.username, password: `wrong ${i}` }),
          401,
          'AUTH.INVALID_CREDENTIALS',
        );
      }
      // Blocked now, even with the right password, and not told whether it was right.
      expectProblem(
        await api(t).post('/auth/token').send({ username: sam.username, password: PASSWORD }),
        429,
        'AUTH.TOO_MANY_ATTEMPTS',
      );
      // Other accounts are not affected by this one's failures.
      await logIn(t, other.username);
    });

    it('does not count successful logins: a success resets the failures', async () => {
      const t = target();
      const sam = await signUp(t);
      for (let i = 0; i < 4; i++) {
        expectProblem(
          await api(t).post('/auth/token').send({ username: sam.username, password: 'wrong' }),
          401,
        );
      }
      await logIn(t, sam.username);
      for (let i = 0; i < 4; i++) {
        expectProblem(
          await api(t).post('/auth/token').send({ username: sam.username, password: 'wrong' }),
          401,
        );
      }
      await logIn(t, sam.username);
    });
  });

  describe('bearer authentication', () => {
    it('answers 401 with WWW-Authenticate: Bearer for a missing, malformed or foreign token', async () => {
      const t = target();
      const sam = await signUp(t);
      expectProblem(await api(t).get('/users/me'), 401);
      expectProblem(await api(t, 'not-a-token').get('/users/me'), 401);
      expectProblem(await api(t, `${sam.token}x`).get('/users/me'), 401);
      expectProblem(await api(t).get('/users/me').set('Authorization', `Basic ${sam.token}`), 401);
      expectProblem(await api(t).get('/users/me').set('Authorization', 'Bearer'), 401);
      // A refresh token is not an access token.
      expectProblem(await api(t, sam.refreshToken).get('/users/me'), 401);
    });

    it('protects every user endpoint (401 before any validation)', async () => {
      const t = target();
      const client = api(t);
      const protectedCalls = [
        client.get('/users/me'),
        client.patch('/users/me').send({ city: 'Paris' }),
        client.put('/users/me/password').send({ currentPassword: 'x', newPassword: 'yyyyyyyy' }),
        client.delete('/users/me'),
        client.get('/users'),
        client.post('/users/me/pictures'),
        client.delete('/users/me/pictures/not-a-uuid'),
        client.get('/users/me/mails'),
        client.post('/users/me/mails').send({ subject: 's', content: 'c' }),
        client.delete('/users/me/mails/not-a-uuid'),
        client.get('/socks'),
        client.post('/socks').send({}),
        client.get('/socks/not-a-uuid'),
        client.patch('/socks/not-a-uuid').send({}),
        client.delete('/socks/not-a-uuid'),
        client.post('/socks/not-a-uuid/pictures'),
        client.delete('/socks/not-a-uuid/pictures/not-a-uuid'),
        client.get('/socks/not-a-uuid/candidates'),
        client.post('/socks/not-a-uuid/swipes').send({}),
        client.get('/matches'),
        client.get('/matches/not-a-uuid'),
        client.delete('/matches/not-a-uuid'),
        client.get('/matches/not-a-uuid/messages'),
        client.post('/matches/not-a-uuid/messages').send({ text: 'hi' }),
      ];
      for (const call of protectedCalls) expectProblem(await call, 401);
    });
  });

  describe('POST /auth/refresh', () => {
    it('rotates: a new pair, and the presented refresh token is spent', async () => {
      const t = target();
      const sam = await signUp(t);
      const res = await api(t).post('/auth/refresh').send({ refresh_token: sam.refreshToken });
      const next = expectBody(res, 200, TokenPair);
      expect(res.headers['cache-control']).toMatch(/no-store/);
      expect(next.refresh_token).not.toBe(sam.refreshToken);
      expect(next.token_type).toBe('Bearer');
      expect(expectBody(await api(t, next.access_token).get('/users/me'), 200, Me).id).toBe(sam.id);
      // The rotated token works once more.
      expectBody(
        await api(t).post('/auth/refresh').send({ refresh_token: next.refresh_token }),
        200,
        TokenPair,
      );
    });

    it('rejects a spent token, and its reuse revokes every token of that login, but not other logins', async () => {
      const t = target();
      const sam = await signUp(t);
      const otherLogin = await logIn(t, sam.username);
      const next = expectBody(
        await api(t).post('/auth/refresh').send({ refresh_token: sam.refreshToken }),
        200,
        TokenPair,
      );
      expectProblem(
        await api(t).post('/auth/refresh').send({ refresh_token: sam.refreshToken }),
        401,
        'AUTH.INVALID_REFRESH_TOKEN',
      );
      // The successor was revoked by the reuse of its spent predecessor.
      expectProblem(
        await api(t).post('/auth/refresh').send({ refresh_token: next.refresh_token }),
        401,
        'AUTH.INVALID_REFRESH_TOKEN',
      );
      expectBody(
        await api(t).post('/auth/refresh').send({ refresh_token: otherLogin.refresh_token }),
        200,
        TokenPair,
      );
    });

    it('answers an unknown refresh token with 401 and a malformed request with 400 or 415', async () => {
      const t = target();
      expectProblem(
        await api(t).post('/auth/refresh').send({ refresh_token: 'never-issued' }),
        401,
        'AUTH.INVALID_REFRESH_TOKEN',
      );
      expectInvalid(await api(t).post('/auth/refresh').send({}), ['body.refresh_token']);
      expectInvalid(await api(t).post('/auth/refresh').send({ refresh_token: '  ' }), ['body.refresh_token']);
      expectInvalid(await api(t).post('/auth/refresh').send({ refresh_token: 'x', extra: 1 }), [
        'body.extra',
      ]);
      expectProblem(
        await api(t).post('/auth/refresh').set('Content-Type', 'text/plain').send('{"refresh_token":"x"}'),
        415,
      );
    });
  });

  describe('POST /auth/logout', () => {
    it('answers 204 and ends the login: its refresh tokens stop working', async () => {
      const t = target();
      const sam = await signUp(t);
      const next = expectBody(
        await api(t).post('/auth/refresh').send({ refresh_token: sam.refreshToken }),
        200,
        TokenPair,
      );
      expectNoContent(await api(t).post('/auth/logout').send({ refresh_token: next.refresh_token }));
      expectProblem(
        await api(t).post('/auth/refresh').send({ refresh_token: next.refresh_token }),
        401,
        'AUTH.INVALID_REFRESH_TOKEN',
      );
    });

    it('answers 204 for an unknown token too (it tells nothing) and 400 without one', async () => {
      const t = target();
      expectNoContent(await api(t).post('/auth/logout').send({ refresh_token: 'never-issued' }));
      expectInvalid(await api(t).post('/auth/logout').send({}), ['body.refresh_token']);
    });
  });
}
