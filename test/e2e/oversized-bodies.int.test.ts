import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { REQUEST_LIMITS } from '../../src/adapters/http-common/request-limits.js';
import { JoseAccessTokens } from '../../src/adapters/security/jose-access-tokens.js';
import { aUser } from '../../src/application/testing/builders.js';
import { startRuntime, type Runtime } from '../../src/main/runtime.js';
import { startApiServer, startWebServer } from '../../src/main/servers.js';
import { createMigratedDatabase, type MigratedDatabase } from '../support/postgres-harness.js';

const JWT_SECRET = 'oversized bodies test jwt secret, 32+ characters';
const MiB = 1024 * 1024;
const TIMES = 20;

/**
 * What one client saw: the answer's status, media type and problem code (and, for the clients of
 * `post`, whether it said `Connection: close`), or how it failed.
 */
type Outcome =
  { status: number; type: string; code: string | undefined; closes?: boolean } | { error: string };

interface Sending {
  /** `Content-Length` (default: the body's length), or chunked transfer coding. */
  readonly length?: number | 'chunked';
  /** Whether the client gets to the end of what it declared (default true). */
  readonly finish?: boolean;
  readonly timeoutMs?: number;
}

/**
 * A client as ordinary HTTP clients are (Python's http.client and requests, many SDKs): it writes
 * the request head and the whole body, and reads the answer only then. If the server resets the
 * connection while the body is still going out, the client gets EPIPE or ECONNRESET and never
 * sees the answer. The body goes out in 64 KiB writes as the socket takes them, with 1 ms between
 * every 256 KiB, as a link of about 250 MB/s would carry it: on loopback the kernel would take a
 * 3 MB body in one go (its socket buffers grow to several MB), so a client there would never be
 * caught still sending when the server answers, as a client on a real network is.
 */
function post(
  port: number,
  path: string,
  headers: Readonly<Record<string, string>>,
  body: Buffer,
  sending: Sending = {},
): Promise<Outcome> {
  const { length = body.length, finish = true, timeoutMs = 20_000 } = sending;
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let settled = false;
    const settle = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => settle({ error: 'timeout' }), timeoutMs);
    socket.on('error', (error: NodeJS.ErrnoException) => settle({ error: error.code ?? error.message }));
    socket.on('close', () => settle({ error: 'closed without an answer' }));
    socket.on('connect', () => {
      const head = Object.entries({
        Host: `127.0.0.1:${port}`,
        ...headers,
        ...(length === 'chunked' ? { 'Transfer-Encoding': 'chunked' } : { 'Content-Length': String(length) }),
      })
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('');
      socket.write(`POST ${path} HTTP/1.1\r\n${head}\r\n`);
      void writeBody(socket, body, length === 'chunked').then((written) => {
        if (!written) return;
        if (length === 'chunked' && finish) socket.write('0\r\n\r\n');
        readAnswer(socket, settle);
      });
    });
  });
}

/** Writes the body as described at `post`; false if the connection failed meanwhile. */
async function writeBody(socket: Socket, body: Buffer, chunked: boolean): Promise<boolean> {
  const step = 64 * 1024;
  for (let sent = 0; sent < body.length; sent += step) {
    if (socket.destroyed) return false;
    const piece = body.subarray(sent, sent + step);
    const framed = chunked
      ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')])
      : piece;
    if (!socket.write(framed)) {
      await new Promise<void>((resume) => {
        socket.once('drain', resume);
        socket.once('close', resume);
      });
    }
    if ((sent / step) % 4 === 3) await new Promise((wait) => setTimeout(wait, 1));
  }
  return !socket.destroyed;
}

/** Reads one answer (head and a Content-Length body) off the socket. */
function readAnswer(socket: Socket, settle: (outcome: Outcome) => void): void {
  let received = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    received = Buffer.concat([received, chunk]);
    const headEnd = received.indexOf('\r\n\r\n');
    if (headEnd < 0) return;
    const [statusLine = '', ...lines] = received.subarray(0, headEnd).toString('latin1').split('\r\n');
    const field = (name: string) =>
      lines
        .find((line) => line.toLowerCase().startsWith(`${name}:`))
        ?.slice(name.length + 1)
        .trim();
    const bodyLength = Number(field('content-length') ?? 0);
    const answer = received.subarray(headEnd + 4);
    if (answer.length < bodyLength) return;
    let code: string | undefined;
    try {
      code = (JSON.parse(answer.subarray(0, bodyLength).toString('utf8')) as { code?: string }).code;
    } catch {
      code = undefined;
    }
    const type = (field('content-type') ?? '').split(';')[0]!.trim();
    const closes = field('connection')?.toLowerCase() === 'close';
    settle({ status: Number(statusLine.split(' ')[1]), type, code, closes });
  });
}

/** A JSON object of about `bytes` bytes, as an oversized `NewSock` would be. */
function jsonOf(bytes: number): Buffer {
  return Buffer.from(JSON.stringify({ name: 'Sock', story: 'x'.repeat(bytes) }));
}

/** One multipart part `file` of `bytes` bytes. */
function multipartOf(bytes: number): { body: Buffer; contentType: string } {
  const boundary = `----hotsox${randomUUID()}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.jpg"\r\n` +
        'Content-Type: image/jpeg\r\n\r\n',
    ),
    Buffer.alloc(bytes, 0xff),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

const problem413 = (code: string, closes?: boolean): Outcome => ({
  status: 413,
  type: 'application/problem+json',
  code,
  ...(closes === undefined ? {} : { closes }),
});
const times = (count: number, outcome: Outcome) => Array.from({ length: count }, () => outcome);

/**
 * A body over its limit is answered 413 with a problem to every client that sends it whole, on
 * both APIs: the server reads the rest and throws it away, up to `REQUEST_LIMITS.discardBytes`,
 * before it answers, instead of closing the connection while the client is still sending. Past
 * that bound the connection may close, but the server never waits for the rest.
 */
describe('oversized bodies, sent whole as ordinary clients send them', () => {
  let database: MigratedDatabase;
  let runtime: Runtime;
  let web: Server;
  let api: FastifyInstance;
  let token: string;

  beforeAll(async () => {
    database = await createMigratedDatabase();
    runtime = await startRuntime('all-in-one', {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      HOST: '127.0.0.1',
      DATABASE_URL: database.db.url,
      JWT_SECRET,
      SESSION_SECRET: 'oversized bodies test session secret, 32+ chars',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'hotsox-oversized-data-')),
      MEDIA_DIR: mkdtempSync(join(tmpdir(), 'hotsox-oversized-media-')),
      PORT: '0',
    });
    web = (await startWebServer(runtime, 0)).server;
    api = await startApiServer(runtime, 0);
    const user = aUser({ id: randomUUID(), username: `big${Date.now() % 100000}`, email: 'big@example.com' });
    await runtime.database.repositories.users.add(user);
    token = (await new JoseAccessTokens(JWT_SECRET, 900).issue({ userId: user.id, isAdmin: false })).token;
  }, 60_000);

  afterAll(async () => {
    await runtime?.lifecycle.stop(runtime.logger);
    await database?.dispose();
  });

  const target = (name: string) =>
    name === 'Express'
      ? { port: (web.address() as { port: number }).port, base: '/api/v1' }
      : { port: (api.server.address() as { port: number }).port, base: '/fastify/v1' };
  const json = () => ({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' });
  const multipart = (contentType: string) => ({
    Authorization: `Bearer ${token}`,
    'Content-Type': contentType,
  });

  /** The API still serves: the caller's profile, on a new connection. */
  async function expectServing(port: number, base: string): Promise<void> {
    const response = await fetch(`http://127.0.0.1:${port}${base}/users/me`, {
      headers: { Authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(10_000),
    });
    expect(response.status).toBe(200);
  }

  describe.each(['Express', 'Fastify'])('%s', (name) => {
    it(`answers a 3 MB JSON body with 413 problem+json, ${TIMES} times out of ${TIMES}`, async () => {
      const { port, base } = target(name);
      const body = jsonOf(3 * 1000 * 1000);
      const outcomes: Outcome[] = [];
      for (let i = 0; i < TIMES; i++) outcomes.push(await post(port, `${base}/socks`, json(), body));
      expect(outcomes).toEqual(times(TIMES, problem413('REQUEST.TOO_LARGE', false)));
      await expectServing(port, base);
    }, 120_000);

    it('answers a chunked 3 MB JSON body (no Content-Length) with 413 problem+json', async () => {
      const { port, base } = target(name);
      const body = jsonOf(3 * 1000 * 1000);
      const outcomes: Outcome[] = [];
      for (let i = 0; i < 5; i++) {
        outcomes.push(await post(port, `${base}/socks`, json(), body, { length: 'chunked' }));
      }
      expect(outcomes).toEqual(times(5, problem413('REQUEST.TOO_LARGE', false)));
    }, 60_000);

    it(`answers ${TIMES} fetch clients sending a 3 MB JSON body at once with 413 problem+json`, async () => {
      const { port, base } = target(name);
      const body = jsonOf(3 * 1000 * 1000);
      const outcomes = await Promise.all(
        Array.from({ length: TIMES }, async (): Promise<Outcome> => {
          try {
            const response = await fetch(`http://127.0.0.1:${port}${base}/socks`, {
              method: 'POST',
              headers: json(),
              body,
              signal: AbortSignal.timeout(20_000),
            });
            const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
            return {
              status: response.status,
              type,
              code: ((await response.json()) as { code?: string }).code,
            };
          } catch (error) {
            return { error: (error as { cause?: { code?: string } }).cause?.code ?? String(error) };
          }
        }),
      );
      expect(outcomes).toEqual(times(TIMES, problem413('REQUEST.TOO_LARGE')));
    }, 120_000);

    it('answers a 12 MiB picture upload with 413 PICTURE.TOO_LARGE, 10 times out of 10', async () => {
      const { port, base } = target(name);
      const { body, contentType } = multipartOf(12 * MiB);
      const outcomes: Outcome[] = [];
      for (let i = 0; i < 10; i++) {
        outcomes.push(await post(port, `${base}/users/me/pictures`, multipart(contentType), body));
      }
      expect(outcomes).toEqual(times(10, problem413('PICTURE.TOO_LARGE', false)));
      await expectServing(port, base);
    }, 120_000);

    describe('a body that goes on past the discard bound', () => {
      const sent = REQUEST_LIMITS.discardBytes + 4 * MiB;

      /** A 413 problem that closes the connection, or the connection reset under the client; never no answer. */
      function expect413OrClosed(outcome: Outcome, code: string): void {
        if ('error' in outcome)
          expect(outcome.error).toMatch(/^(EPIPE|ECONNRESET|closed without an answer)$/);
        else expect(outcome).toEqual(problem413(code, true));
      }

      it('declared by its Content-Length: answered without waiting for it', async () => {
        const { port, base } = target(name);
        const outcome = await post(port, `${base}/socks`, json(), jsonOf(sent), {
          length: 1024 * MiB,
          finish: false,
          timeoutMs: 15_000,
        });
        expect413OrClosed(outcome, 'REQUEST.TOO_LARGE');
        await expectServing(port, base);
      }, 60_000);

      it('chunked, still coming: answered once the bound is passed', async () => {
        const { port, base } = target(name);
        const outcome = await post(port, `${base}/socks`, json(), jsonOf(sent), {
          length: 'chunked',
          finish: false,
          timeoutMs: 15_000,
        });
        expect413OrClosed(outcome, 'REQUEST.TOO_LARGE');
        await expectServing(port, base);
      }, 60_000);

      it('an upload declared by its Content-Length: answered without waiting for it', async () => {
        const { port, base } = target(name);
        const { body, contentType } = multipartOf(sent);
        const outcome = await post(port, `${base}/users/me/pictures`, multipart(contentType), body, {
          length: 1024 * MiB,
          finish: false,
          timeoutMs: 15_000,
        });
        expect413OrClosed(outcome, 'PICTURE.TOO_LARGE');
        await expectServing(port, base);
      }, 60_000);

      it('an upload, chunked, still coming: answered once the bound is passed', async () => {
        const { port, base } = target(name);
        const { body, contentType } = multipartOf(sent);
        const outcome = await post(port, `${base}/users/me/pictures`, multipart(contentType), body, {
          length: 'chunked',
          finish: false,
          timeoutMs: 15_000,
        });
        expect413OrClosed(outcome, 'PICTURE.TOO_LARGE');
        await expectServing(port, base);
      }, 60_000);
    });
  });
});
