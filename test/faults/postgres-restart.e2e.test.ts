import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createOrm } from '../../src/adapters/persistence/mikro-orm.config.js';
import { migrateUp } from '../../src/adapters/persistence/schema-migrations.js';
import { aPng, PASSWORD, signUpBody, sockBody } from '../contract/api-helpers.js';
import { startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres.js';

/**
 * PostgreSQL restarts while both apps serve. The web app (Express) and the api app (Fastify) run
 * as real processes from dist/ on a PostgreSQL server of this test's own, which it stops (fast
 * shutdown: open sessions get 57P01, new ones are refused) and starts again. While it is down,
 * every request that needs the database answers 503 problem+json `SERVICE.UNAVAILABLE` with
 * `Retry-After` (the web UI: its 503 page), quickly, and requests that do not need it still
 * succeed; `/readyz` says 503. No process exits. Once it is back, the same requests succeed again
 * without restarting the apps (the pools drop their dead connections).
 */
const ROOT = resolve(__dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'artifacts');
/** No request may take longer, in the outage or after it: a slower one counts as hanging. */
const REQUEST_BOUND_MS = 6_000;
/** How long PostgreSQL stays down while the requests keep coming. */
const OUTAGE_MS = 4_000;
/** How soon after PostgreSQL is back every request must succeed again. */
const RECOVERY_BOUND_MS = 15_000;
const JWT_SECRET = randomBytes(36).toString('base64url');
const SESSION_SECRET = randomBytes(36).toString('base64url');

jest.setTimeout(60_000);

interface App {
  readonly name: 'web' | 'api';
  readonly origin: string;
  readonly process: ChildProcess;
  readonly exited: Promise<unknown>;
}

/** One answer (or failure to answer) of a probe, as a test failure names it. */
interface Outcome {
  readonly probe: string;
  readonly status: number;
  readonly ms: number;
  readonly contentType: string;
  readonly code: string | null;
  readonly retryAfter: string | null;
  readonly error: string | null;
}

interface Probe {
  readonly name: string;
  /** Whether answering needs the database (during the outage: 503, else the probe's success). */
  readonly needsDatabase: boolean;
  /** Problem+json (the APIs) or an HTML error page (the web UI) when it fails. */
  readonly answers: 'problem' | 'page' | 'json';
  readonly success: number;
  send(signal: AbortSignal): Promise<Response>;
}

describe('a PostgreSQL restart while both apps serve', () => {
  let pg: PrivatePostgres | undefined;
  const apps: App[] = [];
  let output = '';
  let dataDir = '';
  let probes: Probe[] = [];
  let swipe: () => Promise<Outcome>;
  /** How long each phase took, printed into the artifact log. */
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    const started = Date.now();
    buildIfStale();
    timings.buildMs = Date.now() - started;
    pg = await startPrivatePostgres();
    const orm = await createOrm({ clientUrl: pg.url(), pool: { min: 0, max: 1 } });
    try {
      await migrateUp(orm);
    } finally {
      await orm.close(true);
    }
    dataDir = mkdtempSync(join(tmpdir(), 'hotsox-pg-restart-'));
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      DATABASE_URL: pg.url(),
      REDIS_URL: '',
      CHAT_REDIS_URL: '',
      SMTP_URL: '',
      DATA_DIR: dataDir,
      MEDIA_DIR: join(dataDir, 'media'),
      JWT_SECRET,
      SESSION_SECRET,
      LOG_LEVEL: 'warn',
    };
    const [webPort, apiPort] = [await freePort(), await freePort()];
    apps.push(spawnApp('web', webPort, env), spawnApp('api', apiPort, env));
    await Promise.all(apps.map(waitUntilHealthy));
    timings.startedMs = Date.now() - started;
    probes = await arrange();
  }, 120_000);

  afterAll(async () => {
    const stopping = Date.now();
    await Promise.all(
      apps.map(async (app) => {
        if (app.process.exitCode !== null || app.process.signalCode !== null) return;
        app.process.kill('SIGTERM');
        const timer = setTimeout(() => app.process.kill('SIGKILL'), 10_000);
        await app.exited;
        clearTimeout(timer);
      }),
    );
    timings.appsStoppedMs = Date.now() - stopping;
    const log = pg?.log() ?? '';
    await pg?.dispose();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(
      join(ARTIFACTS, 'postgres-restart-e2e.log'),
      `${output}\n--- PostgreSQL ---\n${log}\n--- timings ---\n${JSON.stringify(timings)}\n`,
    );
  }, 30_000);

  function spawnApp(name: 'web' | 'api', port: number, env: NodeJS.ProcessEnv): App {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'src', 'main', `${name}.js`)], {
      cwd: ROOT,
      env: { ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const collect = (chunk: Buffer) => {
      output += chunk
        .toString('utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => `${name} | ${line}\n`)
        .join('');
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
    return { name, origin: `http://127.0.0.1:${port}`, process: child, exited };
  }

  async function waitUntilHealthy(app: App): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (app.process.exitCode !== null) throw new Error(`${app.name} exited:\n${output}`);
      const ok = await fetch(`${app.origin}/readyz`).then(
        (res) => res.ok,
        () => false,
      );
      if (ok) return;
      if (Date.now() > deadline) throw new Error(`${app.name} was not ready within 30 s:\n${output}`);
      await sleep(100);
    }
  }

  /** Two users, a sock each (bob's with a picture), a web UI session, and the probes over them. */
  async function arrange(): Promise<Probe[]> {
    const [web, api] = [apps[0]!.origin, apps[1]!.origin];
    const json = async (url: string, init: RequestInit, status: number) => {
      const res = await fetch(url, init);
      const body: unknown = await res.json();
      if (res.status !== status) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
      return body as Record<string, unknown>;
    };
    const post = (body: object, token?: string): RequestInit => ({
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    const user = async (prefix: string) => {
      const signUp = signUpBody({ username: `${prefix}_${randomBytes(3).toString('hex')}` });
      await json(`${api}/fastify/v1/users`, post(signUp), 201);
      const pair = await json(
        `${api}/fastify/v1/auth/token`,
        post({ username: signUp.username, password: PASSWORD }),
        200,
      );
      const token = pair.access_token as string;
      const sock = await json(`${api}/fastify/v1/socks`, post(sockBody(), token), 201);
      return { username: signUp.username as string, token, sockId: sock.id as string };
    };
    const alice = await user('alice');
    const bob = await user('bob');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await aPng())], { type: 'image/png' }), 'sock.png');
    await json(
      `${web}/api/v1/socks/${bob.sockId}/pictures`,
      { method: 'POST', headers: { Authorization: `Bearer ${bob.token}` }, body: form },
      201,
    );

    // The web UI: a fresh session's form token (no database needed), and a logged-in session.
    const formSession = async (signal?: AbortSignal) => {
      const res = await fetch(`${web}/login`, signal ? { signal } : {});
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await res.text())?.[1] ?? '';
      if (!cookie || !csrf) throw new Error('no session cookie or form token on /login');
      return { cookie, csrf };
    };
    const loginForm = (session: { cookie: string; csrf: string }, signal?: AbortSignal) =>
      fetch(`${web}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: session.cookie },
        body: new URLSearchParams({ _csrf: session.csrf, username: alice.username, password: PASSWORD }),
        ...(signal ? { signal } : {}),
      });
    const login = await loginForm(await formSession());
    // Logging in starts a new session, under a new cookie.
    const loggedIn = { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
    if (login.status !== 303 || !loggedIn.cookie) throw new Error(`web UI login: ${login.status}`);

    const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
    swipe = () =>
      outcome('swipe (api)', (signal) =>
        fetch(`${api}/fastify/v1/socks/${alice.sockId}/swipes`, {
          ...post({ targetSockId: bob.sockId, decision: 'like' }, alice.token),
          signal,
        }),
      );
    return [
      {
        name: 'GET /fastify/v1/socks (api)',
        needsDatabase: true,
        answers: 'problem',
        success: 200,
        send: (signal) => fetch(`${api}/fastify/v1/socks`, { headers: bearer(alice.token), signal }),
      },
      {
        name: 'GET /api/v1/users/me (web)',
        needsDatabase: true,
        answers: 'problem',
        success: 200,
        send: (signal) => fetch(`${web}/api/v1/users/me`, { headers: bearer(bob.token), signal }),
      },
      {
        name: 'POST /api/v1/auth/token (web)',
        needsDatabase: true,
        answers: 'problem',
        success: 200,
        send: (signal) =>
          fetch(`${web}/api/v1/auth/token`, {
            ...post({ username: bob.username, password: PASSWORD }),
            signal,
          }),
      },
      {
        name: 'POST /fastify/v1/socks/{id}/swipes, a sock not mine (api)',
        needsDatabase: true,
        answers: 'problem',
        // Refused once the database was read: bob's sock is not alice's.
        success: 404,
        send: (signal) =>
          fetch(`${api}/fastify/v1/socks/${bob.sockId}/swipes`, {
            ...post({ targetSockId: alice.sockId, decision: 'like' }, alice.token),
            signal,
          }),
      },
      {
        // A successful login starts a new session: each probe logs in from a fresh one.
        name: 'POST /login (web UI)',
        needsDatabase: true,
        answers: 'page',
        success: 303,
        send: async (signal) => loginForm(await formSession(signal), signal),
      },
      {
        name: 'GET / logged in (web UI)',
        needsDatabase: true,
        answers: 'page',
        success: 200,
        send: (signal) => fetch(`${web}/`, { headers: { Cookie: loggedIn.cookie }, signal }),
      },
      ...apps.map((app): Probe => ({
        name: `GET /readyz (${app.name})`,
        needsDatabase: true,
        answers: 'json',
        success: 200,
        send: (signal) => fetch(`${app.origin}/readyz`, { signal }),
      })),
      ...apps.map((app): Probe => ({
        name: `GET /healthz (${app.name})`,
        needsDatabase: false,
        answers: 'json',
        success: 200,
        send: (signal) => fetch(`${app.origin}/healthz`, { signal }),
      })),
      {
        name: 'GET /login (web UI)',
        needsDatabase: false,
        answers: 'page',
        success: 200,
        send: (signal) => fetch(`${web}/login`, { signal }),
      },
    ];
  }

  const round = () => Promise.all(probes.map((probe) => outcome(probe.name, (signal) => probe.send(signal))));

  /** What a probe should have answered while PostgreSQL was down; null when it did. */
  function outageMismatch(probe: Probe, got: Outcome): string | null {
    if (got.error) return got.error;
    if (!probe.needsDatabase) return got.status === probe.success ? null : `status ${got.status}`;
    if (got.status !== 503) return `status ${got.status}`;
    if (probe.answers === 'json') return null;
    if (!got.retryAfter) return 'no Retry-After';
    if (probe.answers === 'page') return /^text\/html/.test(got.contentType) ? null : got.contentType;
    if (!got.contentType.startsWith('application/problem+json')) return got.contentType;
    return got.code === 'SERVICE.UNAVAILABLE' ? null : `code ${got.code}`;
  }

  /** Probe rounds, one after the other, for at least `ms`; every answer the outage gave. */
  async function roundsFor(ms: number): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    const ends = Date.now() + ms;
    do {
      outcomes.push(...(await round()));
      await sleep(200);
    } while (Date.now() < ends);
    return outcomes;
  }

  /** Every answer that was not what the outage should give, with why. */
  function unexpected(outcomes: readonly Outcome[]) {
    return outcomes
      .map((got) => ({
        got,
        why: outageMismatch(
          probes.find((p) => p.name === got.probe)!,
          got,
        ),
      }))
      .filter(({ why }) => why !== null);
  }

  /** Probe rounds until every probe succeeds; how long that took from `since`. */
  async function recovered(since: number): Promise<{ ms: number; failing: Outcome[] }> {
    for (;;) {
      const after = await round();
      const failing = after.filter((o, i) => o.status !== probes[i]!.success);
      if (failing.length === 0 || Date.now() - since > RECOVERY_BOUND_MS) {
        return { ms: Date.now() - since, failing };
      }
      await sleep(200);
    }
  }

  const exitCodes = () => apps.map((app) => ({ app: app.name, exitCode: app.process.exitCode }));
  const running = () => apps.map((app) => ({ app: app.name, exitCode: null }));

  it('answers 503 while PostgreSQL is down, never hangs or crashes, and recovers without a restart', async () => {
    const before = await round();
    expect(before.filter((o, i) => o.status !== probes[i]!.success)).toEqual([]);

    const stopAt = Date.now();
    await pg!.stop();
    timings.stopMs = Date.now() - stopAt;
    const outage = await roundsFor(OUTAGE_MS);
    timings.outageRequests = outage.length;
    timings.slowestOutageMs = Math.max(...outage.map((o) => o.ms));
    expect(unexpected(outage)).toEqual([]);
    expect(timings.slowestOutageMs).toBeLessThan(REQUEST_BOUND_MS);
    expect(exitCodes()).toEqual(running());

    // PostgreSQL is back: the same processes serve every probe again.
    const startAt = Date.now();
    await pg!.start();
    timings.startMs = Date.now() - startAt;
    const { ms, failing } = await recovered(startAt);
    timings.recoveredMs = ms;
    expect(failing).toEqual([]);
    // A write goes through too: a like, answered 201.
    expect(await swipe()).toMatchObject({ status: 201 });
    expect(exitCodes()).toEqual(running());
  });

  it('answers 503 within the bound, not hanging, while the database port takes connections but never answers', async () => {
    await pg!.start();
    expect((await recovered(Date.now())).failing).toEqual([]);

    // PostgreSQL stops, and something else takes its port that accepts connections and never
    // answers (as a frozen server or a half-dead network path does): opening a connection hangs.
    await pg!.stop();
    const blackhole = await silentServer(pg!.port);
    let outage: Outcome[];
    try {
      outage = await roundsFor(OUTAGE_MS);
    } finally {
      await blackhole.close();
    }
    timings.silentRequests = outage.length;
    timings.slowestSilentMs = Math.max(...outage.map((o) => o.ms));
    expect(unexpected(outage)).toEqual([]);
    expect(timings.slowestSilentMs).toBeLessThan(REQUEST_BOUND_MS);
    expect(exitCodes()).toEqual(running());

    const startAt = Date.now();
    await pg!.start();
    const { ms, failing } = await recovered(startAt);
    timings.silentRecoveredMs = ms;
    expect(failing).toEqual([]);
    expect(exitCodes()).toEqual(running());
    console.log(`PostgreSQL faults: ${JSON.stringify(timings)}`);
  });
});

/** A TCP server on `port` that accepts connections and never sends a byte. */
async function silentServer(port: number): Promise<{ close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolveListen());
  });
  return {
    close: () =>
      new Promise<void>((resolveClose) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolveClose());
      }),
  };
}

/** Sends one request bounded by `REQUEST_BOUND_MS`; a timeout or a refused connection is an error. */
async function outcome(probe: string, send: (signal: AbortSignal) => Promise<Response>): Promise<Outcome> {
  const started = Date.now();
  try {
    const res = await send(AbortSignal.timeout(REQUEST_BOUND_MS));
    const contentType = res.headers.get('content-type') ?? '';
    const text = await res.text();
    let code: string | null = null;
    if (contentType.startsWith('application/problem+json')) {
      code = (JSON.parse(text) as { code?: string }).code ?? null;
    }
    return {
      probe,
      status: res.status,
      ms: Date.now() - started,
      contentType,
      code,
      retryAfter: res.headers.get('retry-after'),
      error: null,
    };
  } catch (error) {
    return {
      probe,
      status: 0,
      ms: Date.now() - started,
      contentType: '',
      code: null,
      retryAfter: null,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  }
}

/** Builds dist/ when a source file is newer than the apps' entry points (as the stack test does). */
function buildIfStale(): void {
  const entries = ['web', 'api'].map((name) => join(ROOT, 'dist', 'src', 'main', `${name}.js`));
  const built = Math.min(...entries.map((path) => (existsSync(path) ? statSync(path).mtimeMs : 0)));
  if (built > newestSource(join(ROOT, 'src'))) return;
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'testing') newest = Math.max(newest, newestSource(path));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}
