import { webHarness, snapshot } from './testing/web-harness.js';

const SIGN_UP = {
  username: 'sockrates',
  password: 'long enough',
  passwordConfirm: 'long enough',
  email: 'sockrates@example.com',
  birthday: '1990-01-01',
  gender: 'female',
  city: 'Berlin',
  firstName: 'Sokrates',
  about: '',
  notifications: 'on',
  'social.instagram': '',
};

describe('web UI: accounts and sessions', () => {
  it('offers no provider sign-in when none is configured', async () => {
    const { browser } = await webHarness();
    const agent = browser();
    expect((await agent.get('/login')).text).not.toContain('Sign in with');
    expect((await agent.get('/auth/oidc/start')).status).toBe(404);
    expect((await agent.get('/auth/oidc/callback?code=x&state=y')).status).toBe(404);
  });

  it('signs up, logs in at once with an HttpOnly SameSite=Lax cookie, and greets the new user', async () => {
    const { kit, browser, submit } = await webHarness();
    const agent = browser();

    const res = await submit(agent, '/signup', SIGN_UP, '/signup');

    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/profile/pictures');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/hotsox\.sid=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const page = await agent.get('/profile/pictures');
    expect(page.text).toContain('Welcome to HotSox, sockrates!');
    const home = await agent.get('/');
    expect(home.text).toContain('Hello Sokrates, how are you doing?');
    expect(home.text).toContain('Add a profile picture');
    expect((await kit.users.findByUsername('sockrates'))?.notifications).toBe(true);
  });

  it('marks the session cookie Secure behind TLS (as the trusted proxy reports it)', async () => {
    const { browser, csrfOf } = await webHarness();
    const agent = browser();
    const page = await agent.get('/login').set('X-Forwarded-Proto', 'https');
    expect(String(page.headers['set-cookie'])).toMatch(/Secure/);
    expect(csrfOf(page.text)).toBeTruthy();
  });

  it('shows the form again with the input and a message per field, from the shared schemas and domain', async () => {
    const { kit, browser, submit } = await webHarness();
    const agent = browser();

    const res = await submit(
      agent,
      '/signup',
      {
        ...SIGN_UP,
        username: 'x',
        email: 'not-an-email',
        passwordConfirm: 'different',
        birthday: '2020-01-01',
        gender: '',
      },
      '/signup',
    );

    expect(res.status).toBe(422);
    expect(res.text).toContain('value="not-an-email"');
    expect(res.text).toMatch(/id="f-username-error">[^<]*at least 3 characters/);
    expect(res.text).toMatch(/id="f-email-error">Must be an email address\./);
    expect(res.text).toMatch(/id="f-passwordConfirm-error">The two passwords do not match\./);
    expect(res.text).toMatch(/id="f-gender-error">Please choose one of the options\./);
    expect(res.text).not.toContain('long enough');
    expect(kit.db.tables.users.size).toBe(0);

    const underAge = await submit(agent, '/signup', { ...SIGN_UP, birthday: '2020-01-01' }, '/signup');
    expect(underAge.status).toBe(422);
    expect(underAge.text).toMatch(/id="f-birthday-error">You must be 18 or older to use HotSox\./);
  });

  it('reports a taken username on its field', async () => {
    const { kit, browser, submit } = await webHarness();
    await kit.givenUser({ username: 'sockrates' });

    const res = await submit(browser(), '/signup', SIGN_UP, '/signup');

    expect(res.status).toBe(409);
    expect(res.text).toMatch(/id="f-username-error">This username is already taken\./);
  });

  it('escapes what people typed everywhere', async () => {
    const { browser, submit } = await webHarness();
    const res = await submit(
      browser(),
      '/signup',
      { ...SIGN_UP, city: '<script>alert(1)</script>', email: '"><img src=x onerror=alert(1)>' },
      '/signup',
    );
    expect(res.status).toBe(422);
    expect(res.text).not.toContain('<script>alert(1)</script>');
    expect(res.text).not.toContain('<img src=x');
    expect(res.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('refuses every state-changing form without the session token (403) and changes nothing', async () => {
    const { kit, browser, tokenFor, loggedIn } = await webHarness();
    const agent = browser();
    await tokenFor(agent, '/signup');
    const before = snapshot(kit);

    const missing = await agent.post('/signup').type('form').send(SIGN_UP);
    const wrong = await agent
      .post('/signup')
      .type('form')
      .send({ ...SIGN_UP, _csrf: 'forged' });
    const { agent: member } = await loggedIn({ username: 'member' });
    const afterLogin = snapshot(kit);
    const forgedDelete = await member.post('/profile/delete').type('form').send({ _csrf: 'forged' });
    const forgedSock = await member.post('/socks/new').type('form').send({ name: 'x' });

    for (const res of [missing, wrong, forgedDelete, forgedSock]) {
      expect(res.status).toBe(403);
      expect(res.text).toContain('This form has expired');
    }
    expect(before).not.toBe(afterLogin);
    expect(snapshot(kit)).toBe(afterLogin);
  });

  it('does not accept the token of another session', async () => {
    const { browser, tokenFor } = await webHarness();
    const attacker = browser();
    const victim = browser();
    const attackersToken = await tokenFor(attacker);
    await tokenFor(victim);

    const res = await victim.post('/logout').type('form').send({ _csrf: attackersToken });

    expect(res.status).toBe(403);
  });

  it('logs in with a new session id, and back to where the visitor wanted to go', async () => {
    const { kit, browser, tokenFor } = await webHarness();
    await kit.givenUser({ username: 'sam', passwordHash: 'hashed:correct horse' });
    const agent = browser();
    const redirect = await agent.get('/socks');
    expect(redirect.status).toBe(303);
    expect(redirect.headers.location).toBe('/login?next=%2Fsocks');
    const form = await agent.get('/login?next=%2Fsocks');
    const before = /hotsox\.sid=([^;]+)/.exec(String(form.headers['set-cookie']))?.[1];

    const token = await tokenFor(agent, '/login');
    const res = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: token, username: 'SAM', password: 'correct horse', next: '/socks' });

    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/socks');
    const after = /hotsox\.sid=([^;]+)/.exec(String(res.headers['set-cookie']))?.[1];
    expect(after).toBeTruthy();
    expect(after).not.toBe(before);
    expect((await agent.get('/socks')).status).toBe(200);
  });

  it('never redirects to another site after login', async () => {
    const { kit, browser, submit } = await webHarness();
    await kit.givenUser({ username: 'sam', passwordHash: 'hashed:correct horse' });
    const res = await submit(browser(), '/login', {
      username: 'sam',
      password: 'correct horse',
      next: '//evil.example',
    });
    expect(res.headers.location).toBe('/');
  });

  it('answers a wrong password on the form, and throttles with the same limit as the API', async () => {
    const { kit, web, browser, submit } = await webHarness();
    await kit.givenUser({ username: 'sam', passwordHash: 'hashed:correct horse' });
    const agent = browser();

    const wrong = await submit(agent, '/login', { username: 'sam', password: 'wrong one' });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('Username or password is not correct.');
    expect(wrong.text).toContain('value="sam"');
    for (let i = 0; i < 2; i++) await submit(agent, '/login', { username: 'sam', password: 'wrong one' });
    const request = (await import('supertest')).default;
    for (let i = 0; i < 2; i++) {
      const api = await request(web)
        .post('/api/v1/auth/token')
        .send({ username: 'sam', password: 'wrong one' });
      expect(api.status).toBe(401);
    }

    const blocked = await submit(agent, '/login', { username: 'sam', password: 'correct horse' });
    expect(blocked.status).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
    expect(blocked.text).toContain('Too many failed logins');
    const apiBlocked = await request(web)
      .post('/api/v1/auth/token')
      .send({ username: 'sam', password: 'correct horse' });
    expect(apiBlocked.status).toBe(429);
  });

  it('destroys the session on logout: the old cookie no longer logs anyone in', async () => {
    const { web, loggedIn, submit } = await webHarness();
    const { agent } = await loggedIn({ username: 'sam' });
    expect((await agent.get('/socks')).status).toBe(200);
    const cookie = (await agent.get('/')).request.getHeader('Cookie');

    const res = await submit(agent, '/logout', {}, '/');

    expect(res.status).toBe(303);
    expect((await agent.get('/socks')).status).toBe(303);
    const request = (await import('supertest')).default;
    const replay = await request(web).get('/socks').set('Cookie', String(cookie));
    expect(replay.status).toBe(303);
  });

  it('changes the password: every session of the user ends, the new password works', async () => {
    const { kit, loggedIn, submit, browser } = await webHarness();
    const { user, agent: laptop } = await loggedIn({ username: 'sam' });
    const phone = browser();
    await submit(phone, '/login', { username: 'sam', password: 'correct horse' });
    expect((await phone.get('/socks')).status).toBe(200);

    const mismatch = await submit(
      laptop,
      '/profile/password',
      { currentPassword: 'correct horse', newPassword: 'brand new one', newPasswordConfirm: 'other' },
      '/profile/password',
    );
    expect(mismatch.status).toBe(422);
    const wrongCurrent = await submit(
      laptop,
      '/profile/password',
      { currentPassword: 'nope nope', newPassword: 'brand new one', newPasswordConfirm: 'brand new one' },
      '/profile/password',
    );
    expect(wrongCurrent.status).toBe(422);
    expect(wrongCurrent.text).toMatch(/id="f-currentPassword-error">The current password is not correct\./);

    const res = await submit(
      laptop,
      '/profile/password',
      { currentPassword: 'correct horse', newPassword: 'brand new one', newPasswordConfirm: 'brand new one' },
      '/profile/password',
    );

    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/login');
    expect((await kit.users.findById(user.id))?.passwordHash).toBe('hashed:brand new one');
    expect((await laptop.get('/socks')).status).toBe(303);
    const phoneAfter = await phone.get('/socks');
    expect(phoneAfter.status).toBe(303);
    expect((await phone.get('/login')).text).toContain('Your password was changed, so you were logged out.');
    const again = await submit(laptop, '/login', { username: 'sam', password: 'brand new one' });
    expect(again.status).toBe(303);
  });

  it('ends the web sessions of a password changed through the API, and keeps them otherwise', async () => {
    const { web, loggedIn } = await webHarness();
    const { agent } = await loggedIn({ username: 'sam' });
    const request = (await import('supertest')).default;
    const token = await request(web)
      .post('/api/v1/auth/token')
      .send({ username: 'sam', password: 'correct horse' });
    const api = (path: string) =>
      request(web)
        .patch(path)
        .set('Authorization', `Bearer ${String(token.body.access_token)}`);

    expect((await api('/api/v1/users/me').send({ about: 'Still me' })).status).toBe(200);
    expect((await agent.get('/socks')).status).toBe(200);
    const changed = await request(web)
      .put('/api/v1/users/me/password')
      .set('Authorization', `Bearer ${String(token.body.access_token)}`)
      .send({ currentPassword: 'correct horse', newPassword: 'brand new one' });
    expect(changed.status).toBe(204);

    expect((await agent.get('/socks')).status).toBe(303);
    expect((await agent.get('/login')).text).toContain('Your password was changed, so you were logged out.');
  });

  it('resets a forgotten password through a single-use emailed link', async () => {
    const { kit, browser, submit, loggedIn } = await webHarness();
    const { user, agent: elsewhere } = await loggedIn({ username: 'sam', email: 'sam@example.com' });
    const agent = browser();

    const unknown = await submit(
      agent,
      '/password/forgot',
      { email: 'nobody@example.com' },
      '/password/forgot',
    );
    const known = await submit(agent, '/password/forgot', { email: 'sam@example.com' }, '/password/forgot');

    expect(unknown.status).toBe(303);
    expect(known.status).toBe(303);
    const [email] = kit.outbox.messagesOfType('email.send');
    expect(kit.outbox.messagesOfType('email.send')).toHaveLength(1);
    if (email?.template !== 'password-reset') throw new Error('expected a reset email');
    expect(email.to).toEqual({ email: 'sam@example.com', username: 'sam' });
    const link = new URL(email.data.resetUrl);
    expect(link.origin).toBe('http://localhost:3000');

    const form = await agent.get(link.pathname);
    expect(form.status).toBe(200);
    expect(form.text).toContain('Choose a new password');
    const short = await submit(
      agent,
      link.pathname,
      { newPassword: 'short', newPasswordConfirm: 'short' },
      link.pathname,
    );
    expect(short.status).toBe(422);
    expect(short.text).toContain('at least 8 characters');

    const done = await submit(
      agent,
      link.pathname,
      { newPassword: 'fresh start!', newPasswordConfirm: 'fresh start!' },
      link.pathname,
    );
    expect(done.status).toBe(303);
    expect((await kit.users.findById(user.id))?.passwordHash).toBe('hashed:fresh start!');
    expect((await elsewhere.get('/socks')).status).toBe(303);
    const used = await agent.get(link.pathname);
    expect(used.status).toBe(410);
    expect(used.text).toContain('This link has expired');
    expect((await submit(agent, '/login', { username: 'sam', password: 'fresh start!' })).status).toBe(303);
  });
});
