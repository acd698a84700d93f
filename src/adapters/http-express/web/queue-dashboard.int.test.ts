import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import request from 'supertest';
import { applicationOf, createTestKit } from '../../../application/testing/test-kit.js';
import { HttpMetrics } from '../../http-common/operations/http-metrics.js';
import { Presenter } from '../../http-common/presenters.js';
import { buildWebApp } from '../build-web-app.js';
import { webUiRouter } from './web-ui-router.js';

/**
 * Bull Board at /admin/queues over two real Redis servers (web's on 6379, the api's on 6380), each
 * with a `hotsox-jobs` queue under its own prefix, behind the web UI's login and admin check.
 */
const WEB_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const API_REDIS_URL = process.env.TEST_API_REDIS_URL ?? 'redis://127.0.0.1:6380';
const QUEUE = 'hotsox-jobs';
// prefixes of this run only: the queues of the real apps are left alone
const run = randomBytes(4).toString('hex');
const WEB_PREFIX = `hotsox-test-${run}-web`;
const API_PREFIX = `hotsox-test-${run}-api`;

describe('the queue dashboard (Bull Board) at /admin/queues', () => {
  let webQueue: Queue;
  let apiQueue: Queue;
  let web: ReturnType<typeof buildWebApp>;
  let kit: ReturnType<typeof createTestKit>;

  beforeAll(async () => {
    webQueue = new Queue(QUEUE, { connection: { url: WEB_REDIS_URL }, prefix: WEB_PREFIX });
    apiQueue = new Queue(QUEUE, { connection: { url: API_REDIS_URL }, prefix: API_PREFIX });
    // one waiting job in web's queue and two in the api's: the counts tell the queues apart
    await webQueue.add('email.send', { n: 1 });
    await apiQueue.addBulk([
      { name: 'deck.build', data: { n: 1 } },
      { name: 'deck.build', data: { n: 2 } },
    ]);
    kit = createTestKit();
    const app = applicationOf(kit);
    const logger = pino({ level: 'silent' });
    const webUi = webUiRouter({
      app,
      logger,
      sessionSecret: 'queue dashboard test session secret, 32+ characters',
      sessionStore: null,
      mapTileUrl: 'https://tile.example.test/{z}/{x}/{y}.png',
      jobQueues: {
        queues: [
          { queue: webQueue, description: "The web app's jobs." },
          { queue: apiQueue, description: "The api app's jobs." },
        ],
        notice: 'A notice for the admins',
      },
    });
    web = buildWebApp({
      app,
      presenter: new Presenter('http://localhost:3000/media'),
      logger,
      metrics: new HttpMetrics('web'),
      readinessChecks: [],
      trustProxy: 'loopback',
      corsOrigins: [],
      webUi,
    });
  });

  afterAll(async () => {
    for (const queue of [webQueue, apiQueue]) {
      await queue?.obliterate({ force: true }).catch(() => undefined);
      await queue?.close();
    }
  });

  const formToken = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

  async function loggedIn(isAdmin: boolean) {
    const username = `${isAdmin ? 'boss' : 'member'}${randomBytes(3).toString('hex')}`;
    await kit.givenUser({ username, isAdmin, passwordHash: 'hashed:correct horse' });
    const agent = request.agent(web);
    const token = formToken((await agent.get('/login')).text);
    const login = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: token, username, password: 'correct horse' });
    expect(login.status).toBe(303);
    return agent;
  }

  /** The board's page, one of its scripts and its JSON API. */
  async function boardPaths(): Promise<string[]> {
    const admin = await loggedIn(true);
    const page = await admin.get('/admin/queues');
    const script = /<script defer src="(static\/js\/main\.[^"]+\.js)"/.exec(page.text)?.[1];
    expect(script).toBeDefined();
    return ['/admin/queues', `/admin/queues/${script}`, '/admin/queues/api/queues'];
  }

  it('sends anonymous visitors to log in, for the page, its files and its API', async () => {
    for (const path of await boardPaths()) {
      const res = await request(web).get(path);
      expect({ path, status: res.status, location: res.headers.location }).toEqual({
        path,
        status: 303,
        location: `/login?next=${encodeURIComponent(path)}`,
      });
    }
  });

  it('refuses members with the 403 page, for the page, its files and its API', async () => {
    const paths = await boardPaths();
    const member = await loggedIn(false);
    for (const path of paths) {
      const res = await member.get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
      expect(res.text).toContain('Socks off!');
    }
  });

  it('shows admins the board, with inline styles allowed on its page only', async () => {
    const admin = await loggedIn(true);
    const page = await admin.get('/admin/queues');
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html');
    expect(page.text).toContain('<base href="/admin/queues/" />');
    expect(page.text).toContain('<title>HotSox job queues</title>');
    // the notice, in the board's configuration (shown in a band above its pages)
    expect(page.text).toContain('"environment":{"label":"A notice for the admins"');
    expect(page.headers['x-powered-by']).toBeUndefined();
    const policy = page.headers['content-security-policy'] ?? '';
    expect(policy).toContain("style-src 'self' 'unsafe-inline';");
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("default-src 'self';");
    // the board's client-side routes serve the same page
    expect((await admin.get(`/admin/queues/queue/${WEB_PREFIX}:${QUEUE}`)).text).toContain(
      '<title>HotSox job queues</title>',
    );

    const script = /<script defer src="(static\/js\/main\.[^"]+\.js)"/.exec(page.text)?.[1] ?? '';
    const asset = await admin.get(`/admin/queues/${script}`);
    expect(asset.status).toBe(200);
    expect(asset.type).toMatch(/javascript/);

    // the rest of the web UI keeps its strict policy, and its 404 page under the board's path
    const users = await admin.get('/admin/users');
    expect(users.headers['content-security-policy']).toContain("style-src 'self';");
    const missing = await admin.get('/admin/queues/no/such/page');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('Lost in the wash');
    expect(missing.headers['x-powered-by']).toBeUndefined();
  });

  it("lists both apps' hotsox-jobs queues under their prefixes, read-only, with their counts", async () => {
    const admin = await loggedIn(true);
    const res = await admin.get('/admin/queues/api/queues');
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/json');
    const { queues } = res.body as {
      queues: Array<{
        name: string;
        description?: string;
        readOnlyMode: boolean;
        type: string;
        counts: Record<string, number>;
      }>;
    };
    const byName = Object.fromEntries(queues.map((q) => [q.name, q]));
    expect(Object.keys(byName).sort()).toEqual([`${API_PREFIX}:${QUEUE}`, `${WEB_PREFIX}:${QUEUE}`]);
    expect(byName[`${WEB_PREFIX}:${QUEUE}`]).toMatchObject({
      description: "The web app's jobs.",
      readOnlyMode: true,
      type: 'bullmq',
      counts: { waiting: 1 },
    });
    expect(byName[`${API_PREFIX}:${QUEUE}`]).toMatchObject({
      description: "The api app's jobs.",
      readOnlyMode: true,
      counts: { waiting: 2 },
    });
  });

  it('changes nothing: actions are refused, with or without the form token', async () => {
    const admin = await loggedIn(true);
    const name = encodeURIComponent(`${WEB_PREFIX}:${QUEUE}`);
    // the web UI's CSRF check first, then Bull Board's read-only mode
    const withoutToken = await admin.put(`/admin/queues/api/queues/${name}/pause`);
    expect(withoutToken.status).toBe(403);
    expect(withoutToken.text).toContain('This form has expired');

    const token = formToken((await admin.get('/admin/users')).text);
    const withToken = await admin.put(`/admin/queues/api/queues/${name}/pause`).set('X-CSRF-Token', token);
    expect(withToken.status).toBe(405);
    expect(withToken.body).toEqual({ error: { key: 'ERRORS.QUEUE_READ_ONLY' } });
    const cleaned = await admin
      .put(`/admin/queues/api/queues/${name}/clean/waiting`)
      .set('X-CSRF-Token', token);
    expect(cleaned.status).toBe(405);

    expect(await webQueue.isPaused()).toBe(false);
    expect(await webQueue.getWaitingCount()).toBe(1);
  });
});
