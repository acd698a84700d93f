/**
 * Minimal cases of what the differential fuzzer (differential.test.ts) found, one per bug, so a
 * regression fails here with a readable name. Each runs on both apps over identical fresh states.
 */
import { gzipSync } from 'node:zlib';
import { OPERATIONS } from '../../src/adapters/http-common/api/operations.js';
import { check, checkLockstep } from './support/checks.js';
import { destroyAgent, send, type FuzzRequest, type RawResponse } from './support/http.js';
import { startApps, type Apps } from './support/world.js';

let apps: Apps;

beforeAll(async () => {
  apps = await startApps();
});

afterAll(async () => {
  await apps?.close();
  destroyAgent();
});

async function both(req: FuzzRequest): Promise<[RawResponse, RawResponse]> {
  await apps.reset();
  const answers = await Promise.all([
    send(apps.express.port, apps.express.base, req),
    send(apps.fastify.port, apps.fastify.base, req),
  ]);
  return answers;
}

function request(partial: Partial<FuzzRequest> & Pick<FuzzRequest, 'op' | 'method' | 'path'>): FuzzRequest {
  return { kind: 'regression', query: '', headers: {}, body: null, mayMissRoute: false, ...partial };
}

const alice = () => ({ Authorization: `Bearer ${apps.express.fixture.tokens.alice}` });

async function expectAgreement(req: FuzzRequest, status: number, code?: string): Promise<void> {
  const [express, fastify] = await both(req);
  check(req, express, fastify);
  checkLockstep(req, apps.express, apps.fastify);
  expect(express.status).toBe(status);
  if (code) expect(JSON.parse(express.body.toString('utf8')).code).toBe(code);
}

describe('differential fuzz regressions', () => {
  it('an id longer than 100 characters is a 400 problem on both (Fastify answered a plain 414)', async () => {
    await expectAgreement(
      request({ op: 'getSock', method: 'GET', path: `/socks/${'a'.repeat(101)}`, headers: alice() }),
      400,
      'VALIDATION.FAILED',
    );
  });

  it.each(['%', '%E0%A4%A', '%C0%AE%C0%AE'])(
    'an undecodable path id (%s) is a 400 problem on both (Express answered 500, Fastify plain JSON)',
    async (raw) => {
      await expectAgreement(
        request({ op: 'listMessages', method: 'GET', path: `/matches/${raw}/messages`, headers: alice() }),
        400,
        'REQUEST.MALFORMED_URL',
      );
    },
  );

  it('a JSON body over the limit is a declared 413 of every JSON operation', async () => {
    const body = JSON.stringify({ subject: 'big', content: 'z'.repeat(70_000) });
    await expectAgreement(
      request({
        op: 'sendMail',
        method: 'POST',
        path: '/users/me/mails',
        headers: { ...alice(), 'Content-Type': 'application/json' },
        body,
      }),
      413,
      'REQUEST.TOO_LARGE',
    );
    const jsonOperations = OPERATIONS.filter(
      (op) => op.bodyKind === 'json' || op.bodyKind === 'json-or-form',
    );
    expect(jsonOperations.filter((op) => !op.errors.includes(413)).map((op) => op.operationId)).toEqual([]);
  });

  it('a multipart body sent to a JSON operation is a 415 on both (Fastify validated an empty body)', async () => {
    await expectAgreement(
      request({
        op: 'signUp',
        method: 'POST',
        path: '/users',
        headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
        body: '--x\r\nContent-Disposition: form-data; name="username"\r\n\r\nsam\r\n--x--\r\n',
      }),
      415,
      'REQUEST.UNSUPPORTED_CONTENT_TYPE',
    );
  });

  it('an empty multipart upload asks for the file on both (Fastify said the body was malformed)', async () => {
    await expectAgreement(
      request({
        op: 'addMyPicture',
        method: 'POST',
        path: '/users/me/pictures',
        headers: { ...alice(), 'Content-Type': 'multipart/form-data; boundary=abc' },
        body: '',
      }),
      400,
      'VALIDATION.FAILED',
    );
  });

  it('an image that cannot be decoded is a declared 422 of both upload operations', async () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from('broken'),
    ]);
    const body = Buffer.concat([
      Buffer.from('--b\r\nContent-Disposition: form-data; name="file"; filename="x.png"\r\n\r\n'),
      png,
      Buffer.from('\r\n--b--\r\n'),
    ]);
    await expectAgreement(
      request({
        op: 'addMyPicture',
        method: 'POST',
        path: '/users/me/pictures',
        headers: { ...alice(), 'Content-Type': 'multipart/form-data; boundary=b' },
        body,
      }),
      422,
      'PICTURE.UNREADABLE',
    );
    const uploads = OPERATIONS.filter((op) => op.bodyKind === 'multipart');
    expect(uploads.filter((op) => !op.errors.includes(422)).map((op) => op.operationId)).toEqual([]);
  });

  it.each([
    ['gzip', gzipSync('{"subject":"hi","content":"there"}')],
    ['br', Buffer.from('{"subject":"hi","content":"there"}')],
    ['gzip', Buffer.alloc(0)],
  ])(
    'a body with Content-Encoding %s is a 415 on both (Express inflated gzip, Fastify parsed the bytes)',
    async (encoding, body) => {
      await expectAgreement(
        request({
          op: 'sendMail',
          method: 'POST',
          path: '/users/me/mails',
          headers: { ...alice(), 'Content-Type': 'application/json', 'Content-Encoding': encoding },
          body,
        }),
        415,
        'REQUEST.UNSUPPORTED_CONTENT_ENCODING',
      );
    },
  );

  it.each([
    ['application/json', 70_000],
    ['text/plain', 2 * 1024 * 1024],
  ])(
    'a %s body of %d bytes on an operation without one is ignored on both (Fastify answered 413)',
    async (type, size) => {
      await expectAgreement(
        request({
          op: 'deleteMail',
          method: 'DELETE',
          path: `/users/me/mails/${apps.express.fixture.mailIds[0]}`,
          headers: { ...alice(), 'Content-Type': type },
          body: 'x'.repeat(size),
        }),
        204,
      );
    },
  );

  it('a multipart body cut off inside the file is a 400 on both, not an uncaught stream error', async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      const body = Buffer.concat([
        Buffer.from('--b\r\nContent-Disposition: form-data; name="file"; filename="x.png"\r\n\r\n'),
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
      ]);
      await expectAgreement(
        request({
          op: 'addMyPicture',
          method: 'POST',
          path: '/users/me/pictures',
          headers: { ...alice(), 'Content-Type': 'multipart/form-data; boundary=b' },
          body,
        }),
        400,
        'REQUEST.MALFORMED_BODY',
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  });

  it('query parameters past the 1000th still count on Express (it dropped them)', async () => {
    const noise = Array.from({ length: 1000 }, (_, i) => `k${i}=${i}`).join('&');
    await expectAgreement(
      request({
        op: 'listSocks',
        method: 'GET',
        path: '/socks',
        query: `${noise}&page=abc`,
        headers: alice(),
      }),
      400,
      'VALIDATION.FAILED',
    );
  });
});
