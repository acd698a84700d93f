import { TokenPair } from '../../src/adapters/http-common/schemas/auth.js';
import { HealthStatus } from '../../src/adapters/http-common/schemas/common.js';
import { Sock } from '../../src/adapters/http-common/schemas/socks.js';
import { Me } from '../../src/adapters/http-common/schemas/users.js';
import type { ApiTarget, TargetFactory } from '../support/api-target.js';
import {
  API_NAMES,
  addSock,
  api,
  expectBody,
  expectProblem,
  root,
  signUp,
  useTarget,
  useTargets,
  type StateScope,
} from './api-helpers.js';
import { authScenarios } from './auth.scenarios.js';
import { mailScenarios } from './mails.scenarios.js';
import { journeyScenarios, matchScenarios } from './matching.scenarios.js';
import { placeScenarios } from './places.scenarios.js';
import { sockScenarios } from './socks.scenarios.js';
import { swipeRuleScenarios, swipingScenarios } from './swiping.scenarios.js';
import { userScenarios } from './users.scenarios.js';

/**
 * The HTTP contract of docs/api.md, run against both APIs: every endpoint with its success answer
 * (validated by the strict response schemas) and every error status the contract lists.
 * `makeTargets` is called per group of scenarios, or per test where the whole state matters.
 */
export function apiContract(makeTargets: TargetFactory): void {
  describe.each(API_NAMES)('%s API contract', (name) => {
    // Candidates and matches depend on every sock there is: those scenarios start from empty
    // state. The others only look at what they created, so a group shares one state.
    const groups: ReadonlyArray<readonly [string, (target: () => ApiTarget) => void, StateScope]> = [
      ['auth', authScenarios, 'per-group'],
      ['users', userScenarios, 'per-group'],
      ['socks', sockScenarios, 'per-group'],
      ['swiping', swipingScenarios, 'per-test'],
      ['swipe rules', swipeRuleScenarios, 'per-group'],
      ['journey', journeyScenarios, 'per-test'],
      ['matches', matchScenarios, 'per-group'],
      ['mails', mailScenarios, 'per-group'],
      ['places', placeScenarios, 'per-group'],
      ['requests', requestScenarios, 'per-group'],
      ['operations', operationsScenarios, 'per-group'],
    ];
    for (const [group, scenarios, scope] of groups) {
      describe(group, () => scenarios(useTarget(makeTargets, name, scope)));
    }
  });
}

/**
 * A token issued by one API is accepted by the other. Only meaningful when both targets of one
 * factory call share their state (the real database and Redis); the in-memory targets do not.
 */
export function crossApiTokenContract(makeSharedTargets: TargetFactory): void {
  describe('tokens across the two APIs', () => {
    const targets = useTargets(makeSharedTargets);

    it.each([
      ['express', 'fastify'],
      ['fastify', 'express'],
    ] as const)('an access token issued by %s opens %s', async (from, to) => {
      const { [from]: issuer, [to]: other } = targets();
      const sam = await signUp(issuer);
      const me = expectBody(await api(other, sam.token).get('/users/me'), 200, Me);
      expect(me.id).toBe(sam.id);
      // What one API created, the other serves.
      const sock = await addSock(issuer, sam);
      expect(expectBody(await api(other, sam.token).get(`/socks/${sock.id}`), 200, Sock)).toEqual(sock);
    });

    it.each([
      ['express', 'fastify'],
      ['fastify', 'express'],
    ] as const)('a refresh token issued by %s rotates on %s, and is spent on both', async (from, to) => {
      const { [from]: issuer, [to]: other } = targets();
      const sam = await signUp(issuer);
      const next = expectBody(
        await api(other).post('/auth/refresh').send({ refresh_token: sam.refreshToken }),
        200,
        TokenPair,
      );
      expectBody(await api(issuer, next.access_token).get('/users/me'), 200, Me);
      expectProblem(
        await api(issuer).post('/auth/refresh').send({ refresh_token: sam.refreshToken }),
        401,
        'AUTH.INVALID_REFRESH_TOKEN',
      );
      // The reuse revoked the whole login, on both APIs.
      expectProblem(
        await api(other).post('/auth/refresh').send({ refresh_token: next.refresh_token }),
        401,
        'AUTH.INVALID_REFRESH_TOKEN',
      );
    });
  });
}

/** What both APIs answer the same way for any route: unknown paths, oversized bodies. */
function requestScenarios(target: () => ApiTarget): void {
  describe('requests outside the operations', () => {
    it('answers an unknown path under the base with a 404 problem', async () => {
      const t = target();
      expectProblem(await api(t).get('/nothing-here'), 404);
    });

    it('answers a JSON body larger than the limit with 413', async () => {
      const t = target();
      const sam = await signUp(t);
      const huge = { subject: 'big', content: 'x'.repeat(200 * 1024) };
      expectProblem(await api(t, sam.token).post('/users/me/mails').send(huge), 413);
    });
  });
}

/** `/healthz`, `/readyz`, `/metrics` at the app's root. */
function operationsScenarios(target: () => ApiTarget): void {
  describe('operations endpoints', () => {
    it('GET /healthz answers 200 {status: "ok"}', async () => {
      const res = await root(target()).get('/healthz');
      expect(res.status).toBe(200);
      expect(HealthStatus.parse(res.body)).toEqual({ status: 'ok' });
    });

    it('GET /readyz answers 200 while the app and its dependencies answer', async () => {
      const res = await root(target()).get('/readyz');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'ok' });
    });

    it('GET /metrics answers Prometheus text with request counts', async () => {
      const t = target();
      await api(t).get('/options');
      const res = await root(t).get('/metrics');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.text).toMatch(/^# (HELP|TYPE) /m);
    });
  });
}
