import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { WebSocket } from 'ws';
import { TokenPair } from '../../src/adapters/http-common/schemas/auth.js';
import { Picture } from '../../src/adapters/http-common/schemas/common.js';
import { startSmtpSink, type SmtpSink } from '../../src/adapters/queue/testing/smtp-sink.js';
import { renderNginxTemplate, upstreamServers } from '../../scripts/stack/nginx.js';
import {
  DEFAULT_SCALE,
  parseStackArguments,
  readStackSettings,
  StackSettingsError,
} from '../../scripts/stack/settings.js';
import { aPng, PASSWORD, signUpBody, sockBody } from '../contract/api-helpers.js';
import { buildIfStale, ROOT } from '../support/build.js';
import {
  ADMIN_URL,
  dropDatabase,
  flushRedisDatabase,
  freePort,
  freePortRun,
  isFree,
  launchStack,
  unusedRedisDatabase,
  type StackProcess,
} from '../support/stack.js';

/**
 * `npm run stack -- --scale web=2,api=2` end to end: two replicas of each app behind one nginx
 * (one web-worker, one api-worker), used through nginx and each replica directly. Whichever
 * replica answers, the web UI's session (and its form token), an API token, a picture (the shared
 * media folder), the login throttle (the shared Redis) and the live chat (Redis fan-out) hold;
 * stopping a web replica with SIGTERM while GETs keep coming loses none of them (nginx sends
 * them to the other replica). Also: the `--scale` option and the replicas' ports.
 */
jest.setTimeout(90_000);

const ARTIFACTS = join(ROOT, 'artifacts');
const JWT_SECRET = randomBytes(36).toString('base64url');
const SESSION_SECRET = randomBytes(36).toString('base64url');

describe('npm run stack -- --scale: the option and the ports', () => {
  it('reads SERVICE=N lists, once or several times, and refuses anything else clearly', () => {
    expect(parseStackArguments([]).scale).toEqual(DEFAULT_SCALE);
    expect(parseStackArguments(['--scale', 'web=2,api=3', '--scale=web-worker=2']).scale).toEqual({
      web: 2,
      api: 3,
      'web-worker': 2,
      'api-worker': 1,
    });
    const refusals: Array<[string[], RegExp]> = [
      [['--scale'], /expects SERVICE=N/],
      [['--scale', 'web=0'], /web must be a whole number of replicas from 1 to 16, got "0"/],
      [['--scale', 'web=1.5'], /got "1\.5"/],
      [['--scale', 'web=17'], /from 1 to 16/],
      [['--scale', 'web='], /got ""/],
      [
        ['--scale', 'nginx=2'],
        /"nginx=2" is not SERVICE=N with SERVICE one of web, api, web-worker, api-worker/,
      ],
      [['--scale', 'web'], /"web" is not SERVICE=N/],
      [['--scale', 'web=2', '--scale', 'web=3'], /web is given twice/],
      [['--scael', 'web=2'], /unknown argument "--scael"/],
    ];
    for (const [args, message] of refusals) {
      expect(() => parseStackArguments(args)).toThrow(StackSettingsError);
      expect(() => parseStackArguments(args)).toThrow(message);
    }
  });

  it('gives each replica its own port: compose-like steps of 2, or one run from STACK_PORT_BASE', () => {
    const scale = { web: 3, api: 2, 'web-worker': 2, 'api-worker': 1 };
    expect(readStackSettings({}, ROOT, scale).ports).toEqual({
      nginx: 8080,
      web: [3000, 3002, 3004],
      api: [3001, 3003],
      webWorker: [3100, 3102],
      apiWorker: [3101],
    });
    expect(readStackSettings({ STACK_PORT_BASE: '4000' }, ROOT, scale).ports).toEqual({
      nginx: 8080,
      web: [4000, 4001, 4002],
      api: [4003, 4004],
      webWorker: [4005, 4006],
      apiWorker: [4007],
    });
    // one replica each: as before scaling existed
    expect(readStackSettings({ STACK_PORT_BASE: '4000' }, ROOT).ports).toEqual({
      nginx: 8080,
      web: [4000],
      api: [4001],
      webWorker: [4002],
      apiWorker: [4003],
    });
    expect(readStackSettings({}, ROOT, { ...scale, web: 16 }).ports.web.at(-1)).toBe(3030);
    expect(() => readStackSettings({ STACK_PORT: '3002' }, ROOT, scale)).toThrow(
      'STACK_PORT: nginx and web-2 would both use port 3002 (set STACK_PORT_BASE for a run of consecutive ports)',
    );
    expect(() => readStackSettings({ STACK_PORT_BASE: '65530' }, ROOT, scale)).toThrow(/STACK_PORT_BASE/);
  });

  it('renders one upstream server per replica, and nothing but server directives', () => {
    const template =
      'upstream a {\n  ${WEB_UPSTREAM_SERVERS}\n}\nupstream b {\n  ${API_UPSTREAM_SERVERS}\n}\n';
    const values = {
      NGINX_USER_DIRECTIVE: '',
      NGINX_PREFIX: '/tmp/x',
      NGINX_LISTEN: '127.0.0.1:8080',
      NGINX_MIME_TYPES: '/etc/nginx/mime.types',
      NGINX_ACCESS_LOG: '/tmp/x/access.log',
      WEB_UPSTREAM_SERVERS: upstreamServers(['127.0.0.1:3000', '127.0.0.1:3002']),
      API_UPSTREAM_SERVERS: 'server api:3001;',
      MEDIA_DIR: '/tmp/media',
    };
    expect(renderNginxTemplate(template, values)).toBe(
      'upstream a {\n  server 127.0.0.1:3000; server 127.0.0.1:3002;\n}\nupstream b {\n  server api:3001;\n}\n',
    );
    for (const bad of ['127.0.0.1:3000', 'server a:1; } server b:2;', 'server a:1;\nlisten 80;', '']) {
      expect(() => renderNginxTemplate(template, { ...values, WEB_UPSTREAM_SERVERS: bad })).toThrow(
        /WEB_UPSTREAM_SERVERS must be `server host:port;` directives/,
      );
    }
  });
});

/** What one replica's /metrics says: the number of requests answered, by route and status. */
async function metricsOf(
  port: number,
): Promise<{ requests(route: RegExp, status?: string): number; sockets: number }> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const counts = [...text.matchAll(/^http_request_duration_seconds_count\{([^}]*)\} (\d+)$/gm)].map(
    ([, labels = '', value = '0']) => ({
      labels: Object.fromEntries([...labels.matchAll(/(\w+)="([^"]*)"/g)].map(([, k, v]) => [k, v])),
      value: Number(value),
    }),
  );
  const sockets = Number(/^hotsox_chat_open_sockets(?:\{[^}]*\})? (\d+)$/m.exec(text)?.[1] ?? 0);
  return {
    requests: (route, status = '200') =>
      counts
        .filter(({ labels }) => route.test(labels.route ?? '') && labels.status === status)
        .reduce((sum, { value }) => sum + value, 0),
    sockets,
  };
}

describe('npm run stack -- --scale web=2,api=2', () => {
  let stack: StackProcess | undefined;
  let smtp: SmtpSink;
  let dataDir: string;
  let redisDb: number;
  const dbName = `hotsox_stack_scaled_${randomBytes(5).toString('hex')}`;
  let nginxPort = 0;
  let webPorts: number[] = [];
  let apiPorts: number[] = [];
  let workerPorts: number[] = [];
  let origin = '';
  const output = () => stack?.output() ?? '';
  const at = (path: string) => `${origin}${path}`;
  const direct = (port: number, path: string) => `http://127.0.0.1:${port}${path}`;
  const sockets: WebSocket[] = [];
  const timings: string[] = [];
  const started = Date.now();
  const lap = (what: string) => timings.push(`${what}: ${Date.now() - started} ms`);

  beforeAll(async () => {
    buildIfStale();
    lap('built');
    smtp = await startSmtpSink();
    dataDir = mkdtempSync(join(tmpdir(), 'hotsox-stack-scaled-'));
    chmodSync(dataDir, 0o755);
    redisDb = await unusedRedisDatabase();
    nginxPort = await freePort();
    // STACK_PORT_BASE: web-1, web-2, api-1, api-2, web-worker, api-worker
    const base = await freePortRun(6, [nginxPort]);
    webPorts = [base, base + 1];
    apiPorts = [base + 2, base + 3];
    workerPorts = [base + 4, base + 5];

    stack = launchStack(
      {
        NODE_ENV: 'production',
        STACK_PORT: String(nginxPort),
        STACK_PORT_BASE: String(base),
        STACK_DB_NAME: dbName,
        STACK_DATABASE_ADMIN_URL: ADMIN_URL,
        STACK_WEB_REDIS_URL: `redis://127.0.0.1:6379/${redisDb}`,
        STACK_API_REDIS_URL: `redis://127.0.0.1:6380/${redisDb}`,
        DATA_DIR: dataDir,
        MEDIA_DIR: '',
        JWT_SECRET,
        SESSION_SECRET,
        SMTP_URL: smtp.url,
        LOG_LEVEL: 'warn',
      },
      ['--scale', 'web=2,api=2'],
    );
    origin = await stack.ready(60_000);
    lap('stack ready');
  });

  afterAll(async () => {
    for (const socket of sockets) socket.terminate();
    await stack?.stop();
    await smtp?.close();
    await dropDatabase(dbName).catch((error: unknown) =>
      console.warn(`could not drop ${dbName}: ${String(error)}`),
    );
    if (redisDb) await flushRedisDatabase(redisDb);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'stack-scaled-e2e.log'), output());
    console.log(`stack --scale e2e timings: ${timings.join(', ')}`);
  });

  /** The pid the stack printed for a process (`web-2: pid 1234, PORT 3002`). */
  const pidOf = (name: string) => Number(new RegExp(`\\| ${name}: pid (\\d+),`).exec(output())?.[1] ?? 0);

  it('runs web-1, web-2, api-1 and api-2 on their ports, all behind nginx', async () => {
    expect(origin).toBe(`http://127.0.0.1:${nginxPort}`);
    for (const [name, port] of [
      ['web-1', webPorts[0]],
      ['web-2', webPorts[1]],
      ['api-1', apiPorts[0]],
      ['api-2', apiPorts[1]],
      ['web-worker', workerPorts[0]],
      ['api-worker', workerPorts[1]],
    ] as const) {
      expect(output()).toMatch(new RegExp(`\\| ${name}: pid \\d+, (HEALTH_)?PORT ${port}\\n`));
      expect([name, (await fetch(direct(port ?? 0, '/readyz'))).status]).toEqual([name, 200]);
    }

    // nginx answers through each replica of each app (round robin)
    for (let i = 0; i < 6; i++) {
      expect((await fetch(at('/api/v1/options'))).status).toBe(200);
      expect((await fetch(at('/fastify/v1/options'))).status).toBe(200);
    }
    for (const port of [...webPorts, ...apiPorts]) {
      const served = (await metricsOf(port)).requests(/\/v1\/options$/);
      expect([port, served]).toEqual([port, 3]);
    }
  });

  // the web UI's account; API and chat tests below reuse it
  const alice = signUpBody({ username: `alice${randomBytes(3).toString('hex')}` });
  let aliceToken = '';

  /** A fresh session's cookie and form token from GET `url` (/login, /signup). */
  async function formSession(url: string): Promise<{ cookie: string; csrf: string }> {
    const res = await fetch(url);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await res.text())?.[1] ?? '';
    expect([url, Boolean(cookie), Boolean(csrf)]).toEqual([url, true, true]);
    return { cookie, csrf };
  }

  const postForm = (url: string, session: { cookie: string; csrf: string }, fields: Record<string, string>) =>
    fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: session.cookie },
      body: new URLSearchParams({ _csrf: session.csrf, ...fields }),
    });

  const cookieOf = (res: Response, fallback: string) =>
    (res.headers.get('set-cookie') ?? '').split(';')[0] || fallback;

  let aliceCookie = '';

  it('keeps a web UI session, and its form token, whichever web replica answers', async () => {
    // sign up through nginx (form POST with the session's token)
    const signUpForm = await formSession(at('/signup'));
    const signUp = await postForm(at('/signup'), signUpForm, {
      username: String(alice.username),
      email: String(alice.email),
      password: PASSWORD,
      passwordConfirm: PASSWORD,
      birthday: String(alice.birthday),
      gender: String(alice.gender),
      city: String(alice.city),
      firstName: String(alice.firstName),
    });
    expect([signUp.status, signUp.headers.get('location')]).toEqual([303, '/profile/pictures']);
    const signedUp = cookieOf(signUp, signUpForm.cookie);

    // logged in on every request through nginx, which spreads them over both replicas
    const before = await Promise.all(
      webPorts.map(async (port) => (await metricsOf(port)).requests(/^\/socks$/)),
    );
    for (let i = 0; i < 6; i++) {
      const page = await fetch(at('/socks'), { headers: { Cookie: signedUp }, redirect: 'manual' });
      expect(page.status).toBe(200);
    }
    const after = await Promise.all(
      webPorts.map(async (port) => (await metricsOf(port)).requests(/^\/socks$/)),
    );
    expect(after.map((n, i) => n - (before[i] ?? 0))).toEqual([3, 3]);

    // a login form from web-1, sent to web-2: the form token lives in the shared session
    const loginForm = await formSession(direct(webPorts[0]!, '/login'));
    const login = await postForm(direct(webPorts[1]!, '/login'), loginForm, {
      username: String(alice.username),
      password: PASSWORD,
    });
    expect(login.status).toBe(303);
    aliceCookie = cookieOf(login, loginForm.cookie);
    let csrf = '';
    for (const url of [direct(webPorts[0]!, '/socks'), direct(webPorts[1]!, '/socks'), at('/socks')]) {
      const page = await fetch(url, { headers: { Cookie: aliceCookie }, redirect: 'manual' });
      expect([url, page.status]).toEqual([url, 200]);
      // the logged-in session's form token (the login made a new session), on every page
      const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
      expect(token).not.toBe('');
      csrf ||= token;
      expect(token).toBe(csrf);
    }
    // logged out, everywhere
    const logout = await postForm(at('/logout'), { cookie: aliceCookie, csrf }, {});
    expect(logout.status).toBe(303);
    for (const port of webPorts) {
      const page = await fetch(direct(port, '/socks'), {
        headers: { Cookie: aliceCookie },
        redirect: 'manual',
      });
      expect([port, page.status]).toEqual([port, 303]);
    }
    lap('web UI');
  });

  it('accepts a token of either API on every replica of both apps', async () => {
    const logIn = async (url: string) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: alice.username, password: PASSWORD }),
      });
      expect(res.status).toBe(200);
      return TokenPair.parse(await res.json()).access_token;
    };
    const tokens = [await logIn(at('/api/v1/auth/token')), await logIn(at('/fastify/v1/auth/token'))];
    aliceToken = tokens[0]!;
    const urls = [
      ...webPorts.map((port) => direct(port, '/api/v1/users/me')),
      ...apiPorts.map((port) => direct(port, '/fastify/v1/users/me')),
      at('/api/v1/users/me'),
      at('/fastify/v1/users/me'),
    ];
    for (const token of tokens) {
      for (const url of urls) {
        const me = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
        expect([url, me.status]).toEqual([url, 200]);
      }
    }
  });

  it('serves a picture uploaded through one replica from nginx and from the other replica', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await aPng())], { type: 'image/png' }), 'me.png');
    const upload = await fetch(direct(webPorts[0]!, '/api/v1/users/me/pictures'), {
      method: 'POST',
      headers: { Authorization: `Bearer ${aliceToken}` },
      body: form,
    });
    expect(upload.status).toBe(201);
    const picture = Picture.parse(await upload.json());
    const path = new URL(picture.url).pathname;
    expect(picture.url).toBe(at(path));
    const viaNginx = await fetch(picture.url);
    const viaWeb2 = await fetch(direct(webPorts[1]!, path));
    expect([viaNginx.status, viaWeb2.status]).toEqual([200, 200]);
    expect(viaNginx.headers.get('content-type')).toBe('image/webp');
    expect(Buffer.from(await viaWeb2.arrayBuffer())).toEqual(Buffer.from(await viaNginx.arrayBuffer()));
  });

  it('counts failed logins on every replica and app alike: the sixth attempt is refused everywhere', async () => {
    const victim = signUpBody({ username: `victim${randomBytes(3).toString('hex')}` });
    const created = await fetch(direct(apiPorts[1]!, '/fastify/v1/users'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(victim),
    });
    expect(created.status).toBe(201);
    const attempt = (url: string, password: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: victim.username, password }),
      });
    const wrong = 'not the password';
    const failures = [
      (await attempt(direct(webPorts[0]!, '/api/v1/auth/token'), wrong)).status,
      (await attempt(direct(webPorts[1]!, '/api/v1/auth/token'), wrong)).status,
      (await attempt(direct(apiPorts[0]!, '/fastify/v1/auth/token'), wrong)).status,
      (await attempt(direct(apiPorts[1]!, '/fastify/v1/auth/token'), wrong)).status,
      (
        await postForm(at('/login'), await formSession(at('/login')), {
          username: String(victim.username),
          password: wrong,
        })
      ).status,
    ];
    expect(failures).toEqual([401, 401, 401, 401, 401]);
    // even the right password, on any replica of either app, through nginx or not
    const refused = [
      (await attempt(direct(webPorts[1]!, '/api/v1/auth/token'), PASSWORD)).status,
      (await attempt(direct(apiPorts[0]!, '/fastify/v1/auth/token'), PASSWORD)).status,
      (await attempt(at('/fastify/v1/auth/token'), PASSWORD)).status,
      (
        await postForm(direct(webPorts[0]!, '/login'), await formSession(direct(webPorts[0]!, '/login')), {
          username: String(victim.username),
          password: PASSWORD,
        })
      ).status,
    ];
    expect(refused).toEqual([429, 429, 429, 429]);
  });

  it('carries a chat message between sockets that nginx put on different web replicas', async () => {
    // Bob, and a match: a sock each, with a picture, liking each other.
    const bob = signUpBody({ username: `bob${randomBytes(3).toString('hex')}` });
    const json = async (url: string, init: RequestInit, status: number) => {
      const res = await fetch(url, init);
      const body = (await res.json()) as Record<string, unknown>;
      expect([url, res.status]).toEqual([url, status]);
      return body;
    };
    const post = (body: object, token?: string): RequestInit => ({
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    await json(at('/fastify/v1/users'), post(bob), 201);
    const bobToken = (
      await json(at('/api/v1/auth/token'), post({ username: bob.username, password: PASSWORD }), 200)
    ).access_token as string;
    const sockOf = async (token: string) => {
      const sock = await json(at('/fastify/v1/socks'), post(sockBody(), token), 201);
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(await aPng())], { type: 'image/png' }), 'sock.png');
      await json(
        at(`/api/v1/socks/${String(sock.id)}/pictures`),
        { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form },
        201,
      );
      return String(sock.id);
    };
    const aliceSock = await sockOf(aliceToken);
    const bobSock = await sockOf(bobToken);
    await json(
      at(`/fastify/v1/socks/${aliceSock}/swipes`),
      post({ targetSockId: bobSock, decision: 'like' }, aliceToken),
      201,
    );
    const liked = await json(
      at(`/api/v1/socks/${bobSock}/swipes`),
      post({ targetSockId: aliceSock, decision: 'like' }, bobToken),
      201,
    );
    const matchId = String((liked.match as { id: string } | null)?.id);

    /** A chat socket through nginx, with every frame it got; `on` is the replica holding it. */
    const connect = async (token: string) => {
      const query = new URLSearchParams({ match: matchId, access_token: token });
      const ws = new WebSocket(`ws://127.0.0.1:${nginxPort}/chat?${query.toString()}`);
      sockets.push(ws);
      const frames: Array<Record<string, unknown>> = [];
      ws.on('message', (data) => frames.push(JSON.parse(String(data)) as Record<string, unknown>));
      await new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('unexpected-response', (_req, res) => reject(new Error(`refused: ${res.statusCode}`)));
        ws.once('error', reject);
      });
      const next = async (accept: (frame: Record<string, unknown>) => boolean) => {
        const deadline = Date.now() + 5000;
        for (;;) {
          const found = frames.find(accept);
          if (found) return found;
          if (Date.now() > deadline) throw new Error(`no such frame; got ${JSON.stringify(frames)}`);
          await sleep(20);
        }
      };
      await next((f) => f.type === 'ready');
      const counts = await Promise.all(webPorts.map(async (port) => (await metricsOf(port)).sockets));
      return { ws, next, counts };
    };

    const a = await connect(aliceToken);
    const aliceOn = a.counts.indexOf(1);
    expect([...a.counts].sort()).toEqual([0, 1]);
    // round robin puts the next socket on the other replica; should anything else have
    // come in between, reconnect
    let b = await connect(bobToken);
    for (let i = 0; i < 4 && b.counts.join() !== '1,1'; i++) {
      b.ws.close();
      const until = Date.now() + 5000;
      while (Date.now() < until && (await metricsOf(webPorts[aliceOn]!)).sockets > 1) await sleep(50);
      b = await connect(bobToken);
    }
    expect(b.counts).toEqual([1, 1]);

    const isText = (text: string) => (f: Record<string, unknown>) =>
      f.type === 'message' && (f.message as { text: string }).text === text;
    a.ws.send(JSON.stringify({ type: 'send', text: 'Across the replicas' }));
    expect((await b.next(isText('Across the replicas'))).message).toMatchObject({ sender: alice.username });
    b.ws.send(JSON.stringify({ type: 'send', text: 'And back' }));
    expect((await a.next(isText('And back'))).message).toMatchObject({ sender: bob.username });
    lap('chat');
  });

  it('loses no GET while a web replica stops: nginx sends them to the other one', async () => {
    const pid = pidOf('web-2');
    expect(pid).toBeGreaterThan(0);
    const cookie = cookieOf(
      await postForm(at('/login'), await formSession(at('/login')), {
        username: String(alice.username),
        password: PASSWORD,
      }),
      '',
    );
    const failures: string[] = [];
    let answered = 0;
    let running = true;
    const paths = ['/api/v1/options', '/socks', '/api/v1/users/me'];
    const loop = async (worker: number) => {
      for (let i = worker; running; i++) {
        const path = paths[i % paths.length]!;
        try {
          const res = await fetch(at(path), {
            redirect: 'manual',
            headers: { Cookie: cookie, Authorization: `Bearer ${aliceToken}` },
          });
          await res.arrayBuffer();
          if (res.status === 200) answered += 1;
          else failures.push(`${path}: ${res.status}`);
        } catch (error) {
          failures.push(`${path}: ${String(error)}`);
        }
      }
    };
    const loops = Promise.all([0, 1, 2, 3].map(loop));
    const deadline = Date.now() + 30_000;
    // requests flow (however slowly the machine runs them) before the replica stops
    while (Date.now() < deadline && answered < 20 && failures.length === 0) await sleep(20);
    const beforeStop = answered;
    process.kill(pid, 'SIGTERM');
    while (Date.now() < deadline && !(await isFree(webPorts[1]!))) await sleep(50);
    // until the stack reports the stop, and twenty more requests after it
    while (Date.now() < deadline && !output().includes('web-2 stopped')) await sleep(50);
    const atStop = answered;
    while (Date.now() < deadline && answered < atStop + 20 && failures.length === 0) await sleep(20);
    running = false;
    await loops;
    lap('replica stopped');

    expect(failures).toEqual([]);
    expect(beforeStop).toBeGreaterThanOrEqual(20);
    expect(answered - atStop).toBeGreaterThanOrEqual(20);
    expect(output()).toMatch(/\| web-2 stopped \(exit code 0\); web-1 still serves web\n/);
    // nginx's access log: a request that met the stopped web-2 and went on to web-1
    const [web1, web2] = webPorts;
    expect(output()).toContain(`up=127.0.0.1:${web2}, 127.0.0.1:${web1} `);
    expect(stack?.process.exitCode).toBeNull();
    expect((await fetch(at('/api/v1/options'))).status).toBe(200);
  });

  it('stops on SIGTERM: nginx first, every remaining replica, exit 0, every port free', async () => {
    for (const socket of sockets) socket.terminate();
    const code = await stack?.stop();
    expect(code).toBe(0);
    const stopping = [...output().matchAll(/stopping (\S+) \(pid/g)].map((m) => m[1]);
    expect(stopping).toEqual(['nginx', 'api-2', 'api-1', 'web-1', 'api-worker', 'web-worker']);
    for (const port of [nginxPort, ...webPorts, ...apiPorts, ...workerPorts]) {
      expect([port, await isFree(port)]).toEqual([port, true]);
    }
  });
});
