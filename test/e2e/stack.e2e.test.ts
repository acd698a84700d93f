import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import sharp from 'sharp';
import { WebSocket } from 'ws';
import { TokenPair } from '../../src/adapters/http-common/schemas/auth.js';
import { Picture } from '../../src/adapters/http-common/schemas/common.js';
import { Me } from '../../src/adapters/http-common/schemas/users.js';
import { startSmtpSink, type SmtpSink } from '../../src/adapters/queue/testing/smtp-sink.js';
import { childEnvironment, readStackSettings, SCALABLE_SERVICES } from '../../scripts/stack/settings.js';
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
 * `npm run stack` end to end: the native 8-service topology (PostgreSQL, web's and api's Redis,
 * web, api, web-worker, api-worker, nginx) started as `node dist/scripts/stack/stack.js` on free
 * ports, a fresh database and a Redis database of its own, and used through nginx only: the web
 * UI, both REST APIs on one database and one JWT secret, a picture served by nginx from the shared
 * media folder, and an account deletion whose goodbye email travels outbox → relay → BullMQ on
 * web's Redis → web-worker → SMTP. Then SIGTERM: exit 0, every port free. Also validates
 * docker-compose.yml with docker-compose 1.29 (no Docker engine needed).
 */
jest.setTimeout(120_000);

const ARTIFACTS = join(ROOT, 'artifacts');
const JWT_SECRET = randomBytes(36).toString('base64url');
const SESSION_SECRET = randomBytes(36).toString('base64url');
const PASSWORD = 'socks are forever 42';
const MEDIA_NAME = /^\/media\/[0-9a-f]{2}\/[0-9a-f]{32}(\.thumb)?\.webp$/;

describe('docker-compose.yml and the Dockerfile', () => {
  const compose = join(ROOT, 'docker-compose.yml');
  // Variable substitution reads the shell and `.env`; the check must depend on neither.
  let emptyEnvFile = '';
  beforeAll(() => {
    emptyEnvFile = join(mkdtempSync(join(tmpdir(), 'hotsox-compose-')), 'empty.env');
    writeFileSync(emptyEnvFile, '');
  });
  afterAll(() => {
    if (emptyEnvFile) rmSync(join(emptyEnvFile, '..'), { recursive: true, force: true });
  });
  const config = (...args: string[]) =>
    execFileSync('docker-compose', ['--env-file', emptyEnvFile, '-f', compose, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      stdio: ['ignore', 'pipe', 'pipe'],
    });

  it('are valid for docker-compose 1.29: the 8 services plus the one-shot migrate, nginx the only port, apps and workers scalable', () => {
    config('config', '-q');
    const services = config('config', '--services').trim().split('\n').sort();
    expect(services).toEqual(
      [
        'api',
        'api-worker',
        'mailpit',
        'migrate',
        'nginx',
        'postgres',
        'redis-api',
        'redis-web',
        'web',
        'web-worker',
      ].sort(),
    );
    const normalized = config('config');
    // nginx's port; Mailpit's only in the `dev` profile (`docker compose --profile dev up`)
    expect(normalized.match(/published:/g) ?? []).toHaveLength(2);
    expect(normalized).toMatch(/published: 8080\s+target: 80\n/);
    expect(normalized).toMatch(
      / {2}mailpit:\n(?: {4}.*\n)*? {4}ports:\n {4}- published: 8025\n {6}target: 8025\n {4}profiles:\n {4}- dev\n/,
    );
    // the queue Redis servers: append-only file, never evicting, a volume each
    for (const redis of ['redis-web', 'redis-api']) {
      const service = new RegExp(`^ {2}${redis}:\\n((?: {4}.*\\n)+)`, 'm').exec(normalized)?.[1] ?? '';
      expect(service).toMatch(/- --appendonly\n {4}- "yes"\n/);
      expect(service).toMatch(/- --maxmemory-policy\n {4}- noeviction\n/);
      expect(service).toContain(`- ${redis}:/data:rw\n`);
    }
    expect(normalized).toContain('service_completed_successfully');
    // `docker compose up --scale api=3`: no scalable service has a fixed name or a host port, and
    // nginx reaches every replica by the service's name.
    expect(normalized).not.toContain('container_name:');
    for (const service of SCALABLE_SERVICES) {
      const block = new RegExp(`^ {2}${service}:\\n((?: {4}.*\\n|\\n)*)`, 'm').exec(normalized)?.[1] ?? '';
      expect(block).toContain('    image: hotsox:latest\n');
      expect([service, /^ {4}(ports|container_name|network_mode):/m.test(block)]).toEqual([service, false]);
    }
    expect(composeEnvironment(normalized, 'nginx')).toMatchObject({
      WEB_UPSTREAM_SERVERS: 'server web:3000;',
      API_UPSTREAM_SERVERS: 'server api:3001;',
    });
    // Every placeholder of the one nginx template is given to the nginx image's envsubst.
    const template = readFileSync(join(ROOT, 'deploy', 'nginx.conf.template'), 'utf8');
    const placeholders = new Set(
      template
        .split('\n')
        .filter((line) => !line.trimStart().startsWith('#'))
        .flatMap((line) => [...line.matchAll(/\$\{([A-Z_]+)\}/g)].map((m) => m[1] ?? '')),
    );
    expect(placeholders.size).toBeGreaterThanOrEqual(8);
    for (const name of placeholders) expect(normalized).toMatch(new RegExp(`^\\s+${name}: \\S`, 'm'));

    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    for (const dir of [
      'src/adapters/queue/emails',
      'src/adapters/http-express/views',
      'src/adapters/http-express/public',
    ]) {
      expect(dockerfile).toContain(`COPY ${dir} ./${dir}`);
    }
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n?.*\/healthz/m);
    expect(dockerfile).toContain('npm prune --omit=dev');
  });

  it('give each process the same Redis servers as `npm run stack` (API_REDIS_URL: the web app only)', () => {
    const normalized = config('config');
    const settings = readStackSettings({}, ROOT);
    const redisOf = (url: string | undefined) =>
      url === undefined
        ? null
        : ({ [settings.webRedisUrl]: 'redis-web', [settings.apiRedisUrl]: 'redis-api' }[url] ?? url);
    const processes = [
      { service: 'web', side: 'web', listen: { PORT: 3000 } },
      { service: 'api', side: 'api', listen: { PORT: 3001 } },
      { service: 'web-worker', side: 'web', listen: { HEALTH_PORT: 3100 } },
      { service: 'api-worker', side: 'api', listen: { HEALTH_PORT: 3101 } },
    ] as const;
    for (const { service, side, listen } of processes) {
      const compose = composeEnvironment(normalized, service);
      const stack = childEnvironment(settings, { API_REDIS_URL: 'redis://elsewhere:6379' }, side, listen);
      const redis = (env: Record<string, string | undefined>, host: (url?: string) => string | null) =>
        Object.fromEntries(['REDIS_URL', 'CHAT_REDIS_URL', 'API_REDIS_URL'].map((v) => [v, host(env[v])]));
      expect({ service, ...redis(stack, redisOf) }).toEqual({
        service,
        ...redis(compose, (url) => (url === undefined ? null : new URL(url).hostname)),
      });
    }
    expect(composeEnvironment(normalized, 'web').API_REDIS_URL).toBe('redis://redis-api:6379');
  });
});

/** One service's environment in `docker-compose config`'s output (services at 2 spaces, keys at 6). */
function composeEnvironment(normalized: string, service: string): Record<string, string> {
  const block = new RegExp(`^ {2}${service}:\\n((?: {4}.*\\n|\\n)*)`, 'm').exec(normalized)?.[1] ?? '';
  const environment = /^ {4}environment:\n((?: {6}.*\n)*)/m.exec(block)?.[1] ?? '';
  return Object.fromEntries(
    [...environment.matchAll(/^ {6}([A-Z_]+): (.*)$/gm)].map(([, name = '', value = '']) => [
      name,
      value.replace(/^'(.*)'$/, '$1'),
    ]),
  );
}

describe('npm run stack', () => {
  let stack: StackProcess | undefined;
  let smtp: SmtpSink;
  let dataDir: string;
  let redisDb: number;
  const dbName = `hotsox_stack_e2e_${randomBytes(5).toString('hex')}`;
  const ports = { nginx: 0, web: 0, api: 0, webWorker: 0, apiWorker: 0 };
  let origin = '';
  const output = () => stack?.output() ?? '';

  beforeAll(async () => {
    buildIfStale();
    smtp = await startSmtpSink();
    dataDir = mkdtempSync(join(tmpdir(), 'hotsox-stack-e2e-'));
    chmodSync(dataDir, 0o755);
    redisDb = await unusedRedisDatabase();
    ports.nginx = await freePort();
    const base = await freePortRun(4, [ports.nginx]);
    Object.assign(ports, { web: base, api: base + 1, webWorker: base + 2, apiWorker: base + 3 });

    const started = Date.now();
    stack = launchStack({
      NODE_ENV: 'production',
      STACK_PORT: String(ports.nginx),
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
    });
    origin = await stack.ready(60_000);
    console.log(`stack ready in ${Date.now() - started} ms on ${origin}`);
  });

  afterAll(async () => {
    await stack?.stop();
    await smtp?.close();
    await dropDatabase(dbName).catch((error: unknown) =>
      console.warn(`could not drop ${dbName}: ${String(error)}`),
    );
    if (redisDb) await flushRedisDatabase(redisDb);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    // What every process of the stack printed, for when something above failed.
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'stack-e2e.log'), output());
  });

  const at = (path: string) => `${origin}${path}`;

  it('serves the web UI and both APIs through nginx, which names no version', async () => {
    expect(origin).toBe(`http://127.0.0.1:${ports.nginx}`);
    const home = await fetch(at('/'));
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toMatch(/^text\/html/);
    expect(home.headers.get('server')).toBe('nginx');
    expect(await home.text()).toMatch(/<html/i);

    const express = await fetch(at('/api/v1/options'), {
      headers: { 'X-Request-Id': 'stack-e2e-request-1' },
    });
    const fastify = await fetch(at('/fastify/v1/options'), { headers: { 'Accept-Encoding': 'gzip' } });
    expect(express.status).toBe(200);
    expect(fastify.status).toBe(200);
    expect(express.headers.get('x-request-id')).toBe('stack-e2e-request-1');
    expect(fastify.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/); // made by nginx
    expect(fastify.headers.get('content-encoding')).toBe('gzip');
    expect(await fastify.json()).toEqual(await express.json());
  });

  it("forwards the live chat's WebSocket upgrade on /chat to the web app", async () => {
    const refusal = await new Promise<number>((resolveStatus, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${ports.nginx}/chat?match=${randomUUID()}`);
      ws.once('unexpected-response', (_req, res) => resolveStatus(res.statusCode ?? 0));
      ws.once('open', () => reject(new Error('a chat socket opened without a login')));
      ws.once('error', reject);
    });

    // 401 comes from the chat's upgrade handler: a plain GET /chat would be the web UI's 404
    expect(refusal).toBe(401);
    expect((await fetch(at('/chat'))).status).toBe(404);
  });

  describe('one account across both APIs', () => {
    const username = `stack${randomBytes(4).toString('hex')}`;
    const email = `${username}@example.com`;
    let token = '';
    let pictureUrl = '';
    let thumbnailUrl = '';

    it('signs up via /fastify/v1 and logs in via /api/v1 (one database, one JWT secret)', async () => {
      const signUp = await fetch(at('/fastify/v1/users'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          username,
          email,
          password: PASSWORD,
          birthday: '1990-06-15',
          gender: 'female',
          city: 'Berlin',
          firstName: 'Sam',
        }),
      });
      expect(signUp.status).toBe(201);
      expect(Me.parse(await signUp.json()).username).toBe(username);

      const login = await fetch(at('/api/v1/auth/token'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      expect(login.status).toBe(200);
      token = TokenPair.parse(await login.json()).access_token;

      // The token of one app works on the other.
      const me = await fetch(at('/fastify/v1/users/me'), { headers: { Authorization: `Bearer ${token}` } });
      expect(me.status).toBe(200);
      expect(Me.parse(await me.json()).email).toBe(email);
    });

    it('uploads a picture via /fastify/v1; nginx serves it from the shared media folder, cached for good', async () => {
      const png = await sharp({
        create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 90 } },
      })
        .png()
        .toBuffer();
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'sock.png');
      const upload = await fetch(at('/fastify/v1/users/me/pictures'), {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body: form,
      });
      expect(upload.status).toBe(201);
      const picture = Picture.parse(await upload.json());
      pictureUrl = picture.url;
      thumbnailUrl = picture.thumbnailUrl;
      for (const url of [pictureUrl, thumbnailUrl]) {
        expect(url.startsWith(`${origin}/media/`)).toBe(true);
        expect(new URL(url).pathname).toMatch(MEDIA_NAME);
        const served = await fetch(url);
        expect(served.status).toBe(200);
        expect(served.headers.get('content-type')).toBe('image/webp');
        expect(served.headers.get('cache-control')).toMatch(/max-age=31536000/);
        expect(served.headers.get('cache-control')).toMatch(/public, immutable/);
        const bytes = Buffer.from(await served.arrayBuffer());
        expect(bytes.subarray(0, 4).toString('latin1')).toBe('RIFF');
        expect(bytes.subarray(8, 12).toString('latin1')).toBe('WEBP');
      }
      expect(mediaFiles(dataDir)).toHaveLength(2);

      // Only names the picture store makes; nothing else under /media, no way out of it.
      const key = new URL(pictureUrl).pathname.replace(/^\/media\/|\.webp$/g, '');
      for (const path of [
        '/media/../x',
        '/media/%2e%2e/x',
        '/media/',
        '/media/ab/cd.webp',
        `/media/${key}.png`,
        `/media/${key}.WEBP`,
        `/media/${key.toUpperCase()}.webp`,
        `/media/${key}.webp/`,
        '/media/00/00000000000000000000000000000000.webp',
      ]) {
        expect([path, await rawStatus(ports.nginx, path)]).toEqual([path, 404]);
      }
      // Above the root, or with a NUL byte, nginx refuses the request itself.
      for (const path of [
        '/media/../../etc/passwd',
        '/media/..%2f..%2fetc%2fpasswd',
        `/media/${key}.webp%00.png`,
      ]) {
        expect([path, await rawStatus(ports.nginx, path)]).toEqual([path, 400]);
      }
    });

    it('deletes the account via /api/v1: the web-worker sends the goodbye email and removes the files', async () => {
      const deleted = await fetch(at('/api/v1/users/me'), {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(deleted.status).toBe(204);

      const deadline = Date.now() + 10_000;
      // the welcome email of the sign-up came earlier: look for the goodbye
      const isGoodbye = (mail: { envelopeTo: string[]; raw: string }) =>
        mail.envelopeTo.includes(email) && /^Subject: HotSox account deletion/m.test(mail.raw);
      let goodbye = smtp.received.find(isGoodbye);
      while (!goodbye && Date.now() < deadline) {
        await sleep(100);
        goodbye = smtp.received.find(isGoodbye);
      }
      expect(goodbye?.raw).toMatch(/^Subject: HotSox account deletion/m);
      const welcome = smtp.received.filter(
        (mail) => mail.envelopeTo.includes(email) && /^Subject: Welcome to HotSox/m.test(mail.raw),
      );
      expect(welcome).toHaveLength(1);

      // picture-files.delete went the same way (web's queue, web-worker, the shared folder).
      let status = 0;
      while (Date.now() < deadline) {
        status = (await fetch(pictureUrl)).status;
        if (status === 404) break;
        await sleep(100);
      }
      expect(status).toBe(404);
      expect((await fetch(thumbnailUrl)).status).toBe(404);
      expect(mediaFiles(dataDir)).toHaveLength(0);
    });
  });

  it('answers /readyz on every app and worker', async () => {
    for (const port of [ports.web, ports.api, ports.webWorker, ports.apiWorker]) {
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect([port, ready.status]).toEqual([port, 200]);
    }
  });

  it('stops on SIGTERM, nginx first and the workers last, exits 0 and frees every port', async () => {
    const code = await stack?.stop();
    expect(code).toBe(0);
    const stopping = [...output().matchAll(/stopping (\S+) \(pid/g)].map((m) => m[1]);
    expect(stopping).toEqual(['nginx', 'api', 'web', 'api-worker', 'web-worker']);
    for (const port of Object.values(ports)) expect([port, await isFree(port)]).toEqual([port, true]);
  });
});

function mediaFiles(dataDir: string): string[] {
  const media = join(dataDir, 'media');
  if (!existsSync(media)) return [];
  return readdirSync(media, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.webp'));
}

/** The status of a request whose path is sent exactly as written (fetch would resolve `..`). */
function rawStatus(port: number, path: string): Promise<number> {
  return new Promise((resolveStatus, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolveStatus(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}
