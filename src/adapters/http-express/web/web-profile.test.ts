import { PNG_1X1, webHarness } from './testing/web-harness.js';

describe('web UI: profile, pictures, account and admin', () => {
  it('shows the own profile with age, city, about, social links and a map of the city', async () => {
    const { loggedIn } = await webHarness();
    const { agent } = await loggedIn({
      username: 'sam',
      firstName: 'Sam',
      lastName: 'Sole',
      about: 'Two left feet.',
      social: { instagram: 'https://instagram.com/sam', facebook: null, twitter: null, spotify: null },
    });

    const page = (await agent.get('/profile')).text;

    expect(page).toContain('Sam Sole');
    expect(page).toContain('36 years');
    expect(page).toContain('Two left feet.');
    expect(page).toContain('href="https://instagram.com/sam"');
    expect(page).toContain('data-map');
    expect(page).toContain('You live in Berlin.');
    expect(page).toContain('No pictures yet.');
  });

  it('edits the profile; errors come back per field with the input kept', async () => {
    const { kit, loggedIn, submit } = await webHarness();
    const { user, agent } = await loggedIn({ username: 'sam' });
    const form = {
      email: 'sam@example.com',
      birthday: '1990-05-17',
      gender: 'unicorn',
      city: 'Hamburg',
      firstName: 'Samantha',
      lastName: '',
      about: 'New me',
      'social.instagram': 'javascript:alert(1)',
    };

    const bad = await submit(agent, '/profile/edit', form, '/profile/edit');
    expect(bad.status).toBe(422);
    expect(bad.text).toMatch(/id="f-social-instagram-error">Must be an http\(s\) web address\./);
    expect(bad.text).toContain('value="Samantha"');

    const ok = await submit(agent, '/profile/edit', { ...form, 'social.instagram': '' }, '/profile/edit');
    expect(ok.status).toBe(303);
    const stored = await kit.users.findById(user.id);
    expect(stored).toMatchObject({
      firstName: 'Samantha',
      city: 'Hamburg',
      gender: 'unicorn',
      notifications: false,
    });
    expect(stored?.location).toEqual({ lat: 53.57532, lon: 10.01534 });
    expect((await agent.get('/profile')).text).toContain('Profile updated.');
  });

  it('uploads profile pictures (the first is the avatar) and deletes one after confirmation', async () => {
    const { kit, loggedIn, tokenFor, submit } = await webHarness();
    const { user, agent } = await loggedIn({ username: 'sam' });
    const token = await tokenFor(agent, '/profile/pictures');

    const res = await agent
      .post('/profile/pictures')
      .field('_csrf', token)
      .attach('pictures', PNG_1X1, 'me.png')
      .attach('pictures', PNG_1X1, 'me-too.png');

    expect(res.status).toBe(303);
    const pictures = await kit.pictures.listForUser(user.id);
    expect(pictures).toHaveLength(2);
    const page = (await agent.get('/profile/pictures')).text;
    expect(page).toContain('2 pictures added.');
    expect(page).toContain('Avatar');
    expect(page).toContain(`src="/media/${pictures[0]?.key}.thumb.webp" alt="Picture of sam"`);
    expect(page).toContain('data-confirm="Is the picture really that bad?!');

    const deleted = await submit(
      agent,
      `/profile/pictures/${pictures[0]?.id}/delete`,
      {},
      '/profile/pictures',
    );
    expect(deleted.status).toBe(303);
    expect(await kit.pictures.listForUser(user.id)).toHaveLength(1);
  });

  it("answers 404 for deleting someone else's picture", async () => {
    const { kit, loggedIn, submit } = await webHarness();
    const { agent } = await loggedIn({ username: 'sam' });
    const theirs = await kit.givenPicture(await kit.givenUser({ username: 'toni' }));
    const res = await submit(agent, `/profile/pictures/${theirs.id}/delete`, {}, '/profile');
    expect(res.status).toBe(404);
    expect(await kit.pictures.findById(theirs.id)).not.toBeNull();
  });

  it('deletes the account: goodbye email in the outbox, logged out, everything gone', async () => {
    const { kit, loggedIn, submit } = await webHarness();
    const { user, agent } = await loggedIn({ username: 'sam' });
    await kit.givenSock(user);

    const res = await submit(agent, '/profile/delete', {}, '/profile');

    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    expect(await kit.users.findById(user.id)).toBeNull();
    expect(kit.db.tables.socks.size).toBe(0);
    expect(kit.outbox.messagesOfType('email.send')).toEqual([
      {
        type: 'email.send',
        to: { email: user.email, username: 'sam' },
        template: 'account-deleted',
        data: {},
      },
    ]);
    const home = await agent.get('/');
    expect(home.text).toContain('Your account is deleted. Sorry to see you go :(');
    expect(home.text).toContain('Sign up');
    expect((await agent.get('/profile')).status).toBe(303);
  });

  it('lets only administrators see the user list (403 page for others)', async () => {
    const { loggedIn, kit } = await webHarness();
    const { agent: member } = await loggedIn({ username: 'member' });
    const { agent: admin } = await loggedIn({ username: 'boss', isAdmin: true });
    await kit.givenUser({ username: 'other<i>' });

    const refused = await member.get('/admin/users');
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('Socks off!');
    expect((await member.get('/')).text).not.toContain('Admin: users');

    const list = await admin.get('/admin/users');
    expect(list.status).toBe(200);
    expect(list.text).toContain('other&lt;i&gt;');
    expect(list.text).toContain('3 in total');
    expect((await admin.get('/')).text).toContain('Admin: users');
  });

  it('logs out a session whose user was deleted elsewhere', async () => {
    const { kit, loggedIn } = await webHarness();
    const { user, agent } = await loggedIn({ username: 'sam' });
    await kit.users.remove(user.id);
    expect((await agent.get('/profile')).status).toBe(303);
  });
});
