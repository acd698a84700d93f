/**
 * Disagreements between the two APIs that the differential fuzzer found and that are NOT fixed
 * (they sit below the API code, in the frameworks' routers or Node's HTTP parser). The fuzzer's
 * generators stay clear of them; each is pinned here with `it.failing`, which passes while the
 * apps still disagree and fails (asking to move the case to regressions.test.ts) once they agree.
 */
import { check } from './support/checks.js';
import { destroyAgent, send, type FuzzRequest } from './support/http.js';
import { startApps, type Apps } from './support/world.js';

let apps: Apps;

beforeAll(async () => {
  apps = await startApps();
});

afterAll(async () => {
  await apps?.close();
  destroyAgent();
});

async function expectAgreement(partial: Partial<FuzzRequest> & Pick<FuzzRequest, 'op' | 'method' | 'path'>) {
  await apps.reset(true);
  const req: FuzzRequest = {
    kind: 'known',
    query: '',
    body: null,
    mayMissRoute: false,
    headers: {},
    ...partial,
  };
  const [express, fastify] = await Promise.all([
    send(apps.express.port, apps.express.base, req),
    send(apps.fastify.port, apps.fastify.base, req),
  ]);
  check(req, express, fastify);
}

const alice = () => ({ Authorization: `Bearer ${apps.express.fixture.tokens.alice}` });

describe('known differences between the APIs (not fixed)', () => {
  // find-my-way decodes the whole path before routing; Express's router matches the raw path.
  // `/soc%6Bs` (an encoded "k") is 200 on Fastify and a 404 route miss on Express; a malformed
  // escape in a static segment (`/soc%E0ks`) is 400 REQUEST.MALFORMED_URL on Fastify, 404 on
  // Express. RFC 3986 §6.2.2.2 makes `%6B` and `k` equivalent; no client encodes them.
  it.failing('a percent-encoded letter in a static path segment routes alike', async () => {
    await expectAgreement({ op: 'listSocks', method: 'GET', path: '/soc%6Bs', headers: alice() });
  });

  it.failing('a malformed escape in a static path segment is the same problem', async () => {
    await expectAgreement({
      op: 'listSocks',
      method: 'GET',
      path: '/soc%E0ks',
      headers: alice(),
      mayMissRoute: true,
    });
  });

  // A request head over Node's limit (16 KiB) never reaches the apps: Node answers Express's
  // server with a bare 431, Fastify's clientError handler with a JSON body that is no problem
  // document. Fixing it belongs where the Express server is created (a 'clientError' listener)
  // and in Fastify's clientErrorHandler option.
  it.failing('a request head over 16 KiB is refused with the same problem', async () => {
    await expectAgreement({
      op: 'getMe',
      method: 'GET',
      path: '/users/me',
      headers: { ...alice(), 'X-Padding': 'p'.repeat(20_000) },
    });
  });
});
