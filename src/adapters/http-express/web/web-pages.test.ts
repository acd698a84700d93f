import request from 'supertest';
import { snapshot, webHarness } from './testing/web-harness.js';

const ID = '00000000-0000-4000-8000-000000000999';

/** Every page that needs a login, as GET. */
const PROTECTED_PAGES = [
  '/profile',
  '/profile/edit',
  '/profile/pictures',
  '/profile/password',
  '/socks',
  '/socks/new',
  `/socks/${ID}`,
  `/socks/${ID}/edit`,
  `/socks/${ID}/pictures`,
  '/swipe',
  `/swipe/matched/${ID}`,
  '/matches',
  `/matches/${ID}`,
  `/matches/${ID}/chat`,
  '/admin/users',
];

/** Every state-changing form, as POST. */
const PROTECTED_FORMS = [
  '/profile/edit',
  '/profile/pictures',
  `/profile/pictures/${ID}/delete`,
  '/profile/password',
  '/profile/delete',
  '/socks/new',
  `/socks/${ID}/edit`,
  `/socks/${ID}/delete`,
  `/socks/${ID}/pictures`,
  `/socks/${ID}/pictures/${ID}/delete`,
  '/swipe',
  `/matches/${ID}/end`,
  `/matches/${ID}/chat`,
];

describe('web UI: pages', () => {
  it.each(PROTECTED_PAGES)('sends anonymous visitors of %s to the login page and back', async (path) => {
    const { web } = await webHarness();
    const res = await request(web).get(path);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/login?next=${encodeURIComponent(path)}`);
  });

  it.each(PROTECTED_FORMS)(
    'sends an anonymous POST %s (with a valid token) to the login page',
    async (path) => {
      const { kit, browser, tokenFor } = await webHarness();
      const agent = browser();
      const token = await tokenFor(agent);
      const before = snapshot(kit);
      const res = await agent.post(path).type('form').send({ _csrf: token });
      expect(res.status).toBe(303);
      expect(res.headers.location).toMatch(/^\/login/);
      expect(snapshot(kit)).toBe(before);
    },
  );

  it.each(['/', '/about', '/signup', '/login', '/password/forgot'])('serves %s to everyone', async (path) => {
    const { web } = await webHarness();
    const res = await request(web).get(path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain('<main id="main"');
    expect(res.text).toContain('strictly necessary cookie');
  });

  it('answers unknown pages with the 404 page of the same design', async () => {
    const { web } = await webHarness();
    const res = await request(web).get('/no/such/page');
    expect(res.status).toBe(404);
    expect(res.text).toContain('Lost in the wash');
    expect(res.text).toContain('class="site-header"');
  });

  it('keeps the API answering in problem+json under /api/v1', async () => {
    const { web } = await webHarness();
    const res = await request(web).get('/api/v1/nope');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('hides the cookie notice once acknowledged', async () => {
    const { browser, submit } = await webHarness();
    const agent = browser();
    const res = await submit(agent, '/cookies/ok', { back: '/about' }, '/about');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/about');
    expect((await agent.get('/about')).text).not.toContain('class="cookie-notice"');
  });

  it('serves its CSS, JS and Leaflet with long cache headers and versioned URLs', async () => {
    const { web } = await webHarness();
    const page = await request(web).get('/');
    const css = /href="(\/assets\/site\.css\?v=[0-9a-f]+)"/.exec(page.text)?.[1];
    const js = /src="(\/assets\/site\.js\?v=[0-9a-f]+)"/.exec(page.text)?.[1];
    expect(css).toBeDefined();
    expect(js).toBeDefined();
    for (const path of [
      css,
      js,
      '/assets/vendor/leaflet/leaflet.js?v=1.9.4',
      '/assets/vendor/leaflet/leaflet.css',
      '/assets/img/logo.svg',
    ]) {
      const res = await request(web).get(String(path));
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    expect((await request(web).get('/assets/nope.js')).status).toBe(404);
    expect(page.text).not.toMatch(/https?:\/\/(?!localhost)[^"]*\.(js|css)/);
  });

  it('allows the map tiles, and nothing inline, in its content security policy', async () => {
    const { web } = await webHarness();
    const csp = String((await request(web).get('/')).headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("img-src 'self' data: blob: https://tile.example.test");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('changes nothing stored on any GET, for a user with socks, matches and messages', async () => {
    const { kit, loggedIn, givenMatch } = await webHarness();
    const { user: sam, agent } = await loggedIn({ username: 'sam' });
    const toni = await kit.givenUser({ username: 'toni' });
    await kit.givenPicture(sam);
    const { matchId, aSock } = await givenMatch(sam, toni);
    await kit.givenSock(toni);
    await kit.messages.add({
      id: kit.ids.next(),
      matchId,
      senderId: sam.id,
      text: 'Hi',
      sentAt: kit.clock.now(),
      seenAt: null,
      clientId: null,
    });
    const pictureId = [...kit.db.tables.pictures.values()][0]?.id;
    const pages = [
      '/',
      '/about',
      '/profile',
      '/profile/edit',
      '/profile/pictures',
      '/profile/password',
      '/socks',
      '/socks/new',
      `/socks/${aSock.id}`,
      `/socks/${aSock.id}/edit`,
      `/socks/${aSock.id}/pictures`,
      `/socks/${aSock.id}/delete`,
      `/profile/pictures/${pictureId}/delete`,
      '/profile/delete',
      '/logout',
      '/swipe',
      `/swipe?sock=${aSock.id}`,
      `/swipe/matched/${matchId}`,
      '/matches',
      `/matches/${matchId}`,
      `/matches/${matchId}/end`,
      `/matches/${matchId}/chat`,
      '/admin/users',
    ];
    for (const path of pages) {
      const before = snapshot(kit);
      const res = await agent.get(path);
      expect([200, 303, 403, 404]).toContain(res.status);
      expect({ path, same: snapshot(kit) === before }).toEqual({ path, same: true });
    }
    expect((await agent.get('/socks')).status).toBe(200);
  });
});
