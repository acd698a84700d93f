import { webHarness } from './testing/web-harness.js';

/** /admin/queues on the embedded defaults (no queues given): a HotSox page, for admins only. */
describe('web UI: the job queues page when jobs run in process', () => {
  it('sends anonymous visitors to log in, for the page and everything under it', async () => {
    const { browser } = await webHarness();
    for (const path of ['/admin/queues', '/admin/queues/api/queues', '/admin/queues/static/js/main.js']) {
      const res = await browser().get(path);
      expect({ path, status: res.status, location: res.headers.location }).toEqual({
        path,
        status: 303,
        location: `/login?next=${encodeURIComponent(path)}`,
      });
    }
  });

  it('refuses members with the 403 page', async () => {
    const { loggedIn } = await webHarness();
    const { agent } = await loggedIn({ username: 'member' });
    for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
      const res = await agent.get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
      expect(res.text).toContain('Socks off!');
    }
  });

  it('tells admins that jobs run in process, linked from the admin page', async () => {
    const { loggedIn } = await webHarness();
    const { agent } = await loggedIn({ username: 'boss', isAdmin: true });

    const users = await agent.get('/admin/users');
    expect(users.text).toMatch(/<a class="btn btn-ghost" href="\/admin\/queues">Job queues<\/a>/);

    const page = await agent.get('/admin/queues');
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html');
    expect(page.text).toContain('<title>Job queues · HotSox</title>');
    expect(page.text).toContain('Jobs run in process');
    expect(page.text).toContain('run right here, in');
    expect(page.text).not.toContain('__UI_CONFIG__');
    // the web UI's own policy: nothing inline on a HotSox page
    expect(page.headers['content-security-policy']).toContain("style-src 'self';");

    // no dashboard behind it
    expect((await agent.get('/admin/queues/api/queues')).status).toBe(404);
  });
});
