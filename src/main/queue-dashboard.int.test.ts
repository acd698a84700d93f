import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createMigratedDatabase, type MigratedDatabase } from '../../test/support/postgres-harness.js';
import { aProfile } from '../domain/testing/fixtures.js';
import { startRuntime, type Runtime } from './runtime.js';
import { startWebServer } from './servers.js';

jest.setTimeout(60_000);

const WEB_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const API_REDIS_URL = process.env.TEST_API_REDIS_URL ?? 'redis://127.0.0.1:6380';

interface ListedQueue {
  readonly name: string;
  readonly description?: string;
  readonly readOnlyMode: boolean;
}

/**
 * The web deployable's queue dashboard as `startWebServer` wires it from the configuration: which
 * queues an admin sees at /admin/queues for REDIS_URL and API_REDIS_URL. Nothing is written to the
 * queues: the dashboard only opens read-only handles (and no relay runs here).
 */
describe('the web app queue dashboard, from the configuration', () => {
  let database: MigratedDatabase;
  let dataDir: string;
  const runtimes: Runtime[] = [];
  let users = 0;

  beforeAll(async () => {
    database = await createMigratedDatabase({ poolMax: 2 });
    dataDir = mkdtempSync(join(tmpdir(), 'hotsox-queue-dashboard-'));
  });

  afterAll(async () => {
    for (const runtime of runtimes) await runtime.lifecycle.stop(runtime.logger);
    await database?.dispose();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** A web app on `env`, and an admin logged in to it. */
  async function adminOf(env: Record<string, string>) {
    const runtime = await startRuntime('web', {
      NODE_ENV: 'test',
      DATABASE_URL: database.db.url,
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      ...env,
    });
    runtimes.push(runtime);
    const { app } = await startWebServer(runtime, 0);
    users += 1;
    const username = `queueboss${users}`;
    await runtime.app.users.registerUser.execute({
      username,
      password: 'socks are forever',
      profile: aProfile({ email: `${username}@example.com`, notifications: false }),
    });
    await runtime.app.users.promoteToAdmin.execute({ username });
    const agent = request.agent(app);
    const token = /name="_csrf" value="([^"]+)"/.exec((await agent.get('/login')).text)?.[1];
    const login = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: token, username, password: 'socks are forever' });
    expect(login.status).toBe(303);
    return agent;
  }

  async function listedQueues(agent: Awaited<ReturnType<typeof adminOf>>): Promise<ListedQueue[]> {
    const res = await agent.get('/admin/queues/api/queues');
    expect(res.status).toBe(200);
    return (res.body as { queues: ListedQueue[] }).queues;
  }

  it("shows both apps' queues with REDIS_URL and API_REDIS_URL", async () => {
    const admin = await adminOf({ REDIS_URL: WEB_REDIS_URL, API_REDIS_URL: API_REDIS_URL });
    const queues = await listedQueues(admin);
    expect(queues.map((q) => q.name).sort()).toEqual(['hotsox-api:hotsox-jobs', 'hotsox-web:hotsox-jobs']);
    expect(queues.every((q) => q.readOnlyMode)).toBe(true);
    const web = queues.find((q) => q.name === 'hotsox-web:hotsox-jobs');
    const api = queues.find((q) => q.name === 'hotsox-api:hotsox-jobs');
    expect(web?.description).toContain("The web app's jobs");
    expect(api?.description).toContain("The api app's jobs");
    const page = await admin.get('/admin/queues');
    expect(page.text).toContain('<title>HotSox job queues</title>');
    expect(page.text).not.toContain('"environment"');
  });

  it("shows web's queue alone without API_REDIS_URL, saying the api's is not configured", async () => {
    const admin = await adminOf({ REDIS_URL: WEB_REDIS_URL });
    const queues = await listedQueues(admin);
    expect(queues.map((q) => q.name)).toEqual(['hotsox-web:hotsox-jobs']);
    expect(queues[0]?.description).toContain("The web app's jobs");
    const page = await admin.get('/admin/queues');
    expect(page.text).toContain(`"label":"The api app's queue is not configured: set API_REDIS_URL`);
  });

  it('says that jobs run in process without REDIS_URL', async () => {
    const admin = await adminOf({});
    const page = await admin.get('/admin/queues');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Jobs run in process');
    expect((await admin.get('/admin/queues/api/queues')).status).toBe(404);
  });
});
