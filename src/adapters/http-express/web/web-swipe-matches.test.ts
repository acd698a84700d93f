import { snapshot, webHarness } from './testing/web-harness.js';

describe('web UI: swiping, matches and chat', () => {
  it('asks for a sock first, then auto-selects the only one, and offers a switcher for several', async () => {
    const { kit, loggedIn } = await webHarness();
    const { user, agent } = await loggedIn({ username: 'sam' });

    expect((await agent.get('/swipe')).text).toContain('First, add a sock');
    const lefty = await kit.givenSock(user, { name: 'Lefty' }, 0);
    const one = await agent.get('/swipe');
    expect(one.text).toContain('Swiping for Lefty');
    expect(one.text).toContain('Nobody can see Lefty without a picture');
    expect(one.text).toContain('No more socks currently available!');

    await kit.givenSock(user, { name: 'Righty' });
    const several = await agent.get('/swipe');
    expect(several.text).toContain('Which sock is looking for love today?');
    expect((await agent.get(`/swipe?sock=${lefty.id}`)).text).toContain('Swiping for Lefty');
  });

  it('shows the best candidate with its details, and Nope / Like buttons with keyboard shortcuts', async () => {
    const { kit, loggedIn } = await webHarness();
    const { user, agent } = await loggedIn({ username: 'sam' });
    const toni = await kit.givenUser({
      username: 'toni',
      firstName: 'Toni',
      city: 'Hamburg',
      location: { lat: 53.57532, lon: 10.01534 },
    });
    const mine = await kit.givenSock(user, { name: 'Lefty' });
    await kit.givenSock(toni, { name: 'Stripes <3', story: 'Loves <b>festivals</b>' });

    const page = (await agent.get(`/swipe?sock=${mine.id}`)).text;

    expect(page).toContain('Stripes &lt;3');
    expect(page).toContain('Loves &lt;b&gt;festivals&lt;/b&gt;');
    expect(page).toContain('belongs to Toni');
    expect(page).toMatch(/Hamburg · 2\d\d km away/);
    expect(page).toContain('aria-keyshortcuts="ArrowLeft"');
    expect(page).toContain('aria-keyshortcuts="ArrowRight"');
    expect(page).toContain('id="sock-details"');
    expect(page).toContain('Lonely since');
  });

  it('likes and nopes; a like back shows "You have a match!" with both users, both socks and the distance', async () => {
    const { kit, loggedIn, submit } = await webHarness();
    const { user: sam, agent } = await loggedIn({ username: 'sam' });
    const toni = await kit.givenUser({
      username: 'toni',
      city: 'Hamburg',
      location: { lat: 53.57532, lon: 10.01534 },
    });
    const mine = await kit.givenSock(sam, { name: 'Lefty' });
    const theirs = await kit.givenSock(toni, { name: 'Stripes' });
    const other = await kit.givenSock(toni, { name: 'Dots' });

    const nope = await submit(
      agent,
      '/swipe',
      { sockId: mine.id, targetSockId: other.id, decision: 'dislike' },
      '/swipe',
    );
    expect(nope.status).toBe(303);
    expect(nope.headers.location).toBe(`/swipe?sock=${mine.id}`);
    expect(await kit.swipes.find(mine.id, other.id)).toMatchObject({ decision: 'dislike' });
    const again = await submit(
      agent,
      '/swipe',
      { sockId: mine.id, targetSockId: other.id, decision: 'like' },
      '/swipe',
    );
    expect(again.status).toBe(303);
    expect((await agent.get(again.headers.location ?? '')).text).toContain('You already judged that sock.');

    await kit.swipes.add({
      sockId: theirs.id,
      targetSockId: mine.id,
      decision: 'like',
      judgedAt: kit.clock.now(),
    });
    const like = await submit(
      agent,
      '/swipe',
      { sockId: mine.id, targetSockId: theirs.id, decision: 'like' },
      '/swipe',
    );

    expect(like.status).toBe(303);
    const match = [...kit.db.tables.matches.values()][0];
    expect(like.headers.location).toBe(`/swipe/matched/${match?.id}`);
    const page = (await agent.get(like.headers.location ?? '')).text;
    expect(page).toContain('You have a match!');
    expect(page).toContain('toni, 36 years old');
    expect(page).toMatch(/Lives in Hamburg, 2\d\d km away/);
    expect(page).toContain('Lefty');
    expect(page).toContain('Stripes');
  });

  it("refuses to swipe with someone else's sock (404) and changes nothing", async () => {
    const { kit, loggedIn, submit } = await webHarness();
    const { agent } = await loggedIn({ username: 'sam' });
    const toni = await kit.givenUser({ username: 'toni' });
    const theirs = await kit.givenSock(toni);
    const third = await kit.givenSock(await kit.givenUser({ username: 'kim' }));
    const before = snapshot(kit);

    const res = await submit(
      agent,
      '/swipe',
      { sockId: theirs.id, targetSockId: third.id, decision: 'like' },
      '/swipe',
    );

    expect(res.status).toBe(404);
    expect(snapshot(kit)).toBe(before);
  });

  it('lists matches, shows the match profile with the distance and both places on the map', async () => {
    const { kit, loggedIn, givenMatch } = await webHarness();
    const { user: sam, agent } = await loggedIn({ username: 'sam', city: 'Berlin' });
    const toni = await kit.givenUser({
      username: 'toni',
      city: 'Munich',
      location: { lat: 48.13743, lon: 11.57549 },
      about: 'I <3 socks',
    });
    const { matchId } = await givenMatch(sam, toni);

    const list = (await agent.get('/matches')).text;
    expect(list).toContain('toni');
    expect(list).toContain(`href="/matches/${matchId}/chat"`);
    expect(list).toContain(`href="/matches/${matchId}"`);

    const page = (await agent.get(`/matches/${matchId}`)).text;
    expect(page).toMatch(/Lives in Munich, 50\d km away/);
    expect(page).toContain('I &lt;3 socks');
    const points = /data-points="([^"]+)"/.exec(page)?.[1]?.replace(/&quot;/g, '"') ?? '[]';
    expect(JSON.parse(points)).toEqual([
      { lat: 52.52437, lon: 13.41053, label: 'You (Berlin)', kind: 'me' },
      { lat: 48.13743, lon: 11.57549, label: 'toni (Munich)', kind: 'them' },
    ]);
    expect(page).toContain('data-tiles="https://tile.example.test/{z}/{x}/{y}.png"');
    expect(page).toMatch(/You are 50\d km apart: you in Berlin, toni in Munich\./);
  });

  it('marks each match with unread messages with a "N new" badge, and no other', async () => {
    const { kit, loggedIn, givenMatch } = await webHarness();
    const { user: sam, agent } = await loggedIn({ username: 'sam' });
    const toni = await kit.givenUser({ username: 'toni' });
    const uma = await kit.givenUser({ username: 'uma' });
    const { matchId } = await givenMatch(sam, toni);
    await givenMatch(sam, uma);
    for (const senderId of [toni.id, toni.id, toni.id, sam.id]) {
      await kit.messages.add({
        id: kit.ids.next(),
        matchId,
        senderId,
        text: 'Hi',
        sentAt: kit.clock.now(),
        seenAt: null,
        clientId: null,
      });
    }

    const list = (await agent.get('/matches')).text;

    expect(list.match(/class="badge unread-badge"[^>]*>([^<]*)</g)).toEqual([
      'class="badge unread-badge" title="Unread messages">3 new<',
    ]);
    await agent.get(`/matches/${matchId}/chat`);
    expect((await agent.get('/matches')).text).not.toContain('unread-badge');
  });

  it('chats: messages are stored, shown escaped with own ones marked, and invalid ones explained', async () => {
    const { kit, loggedIn, givenMatch, submit, browser } = await webHarness();
    const { user: sam, agent } = await loggedIn({ username: 'sam' });
    const toni = await kit.givenUser({ username: 'toni', passwordHash: 'hashed:correct horse' });
    const { matchId } = await givenMatch(sam, toni);
    const chat = `/matches/${matchId}/chat`;

    expect((await agent.get(chat)).text).toContain('Say hi!');
    const sent = await submit(agent, chat, { text: 'Hi <b>toni</b>!' }, chat);
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe(`${chat}#latest`);
    const empty = await submit(agent, chat, { text: '   ' }, chat);
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('id="chat-error"');

    const toniBrowser = browser();
    await submit(toniBrowser, '/login', { username: 'toni', password: 'correct horse' });
    const theirView = (await toniBrowser.get(chat)).text;
    expect(theirView).toContain('Hi &lt;b&gt;toni&lt;/b&gt;!');
    expect(theirView).toContain('class="msg msg-theirs"');
    expect(theirView).toContain('data-chat-log');
    expect((await agent.get(chat)).text).toContain('class="msg msg-mine"');
    expect([...kit.db.tables.messages.values()]).toHaveLength(1);
  });

  it('stores a chat form sent twice (a double click, a resubmitted page) once', async () => {
    const { kit, loggedIn, givenMatch } = await webHarness();
    const { user: sam, agent } = await loggedIn({ username: 'sam' });
    const { matchId } = await givenMatch(sam, await kit.givenUser({ username: 'toni' }));
    const chat = `/matches/${matchId}/chat`;
    const page = (await agent.get(chat)).text;
    const clientId = /name="clientId" value="([^"]+)"/.exec(page)?.[1];
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
    expect(clientId).toMatch(/^[0-9a-f-]{36}$/);
    const post = () => agent.post(chat).type('form').send({ _csrf: csrf, text: 'Hi once', clientId });

    expect((await post()).status).toBe(303);
    expect((await post()).status).toBe(303);

    expect([...kit.db.tables.messages.values()].map((m) => m.text)).toEqual(['Hi once']);
    const next = /name="clientId" value="([^"]+)"/.exec((await agent.get(chat)).text)?.[1];
    expect(next).not.toBe(clientId);
  });

  it('ends a match after confirmation: gone from the list, chat and profile answer 404', async () => {
    const { kit, loggedIn, givenMatch, submit } = await webHarness();
    const { user: sam, agent } = await loggedIn({ username: 'sam' });
    const toni = await kit.givenUser({ username: 'toni' });
    const { matchId } = await givenMatch(sam, toni);
    const page = (await agent.get(`/matches/${matchId}`)).text;
    expect(page).toContain('data-confirm="You are about to unmatch toni!');

    const res = await submit(agent, `/matches/${matchId}/end`, {}, '/matches');

    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/matches');
    expect((await kit.matches.findById(matchId))?.endedAt).not.toBeNull();
    const list = (await agent.get('/matches')).text;
    expect(list).toContain('Your match with toni has ended.');
    expect(list).toContain('You do not currently have any matches');
    expect((await agent.get(`/matches/${matchId}`)).status).toBe(404);
    expect((await agent.get(`/matches/${matchId}/chat`)).status).toBe(404);
  });

  it("answers 404 for someone else's match on every match page and form", async () => {
    const { kit, loggedIn, givenMatch, submit } = await webHarness();
    const { agent } = await loggedIn({ username: 'sam' });
    const { matchId } = await givenMatch(
      await kit.givenUser({ username: 'toni' }),
      await kit.givenUser({ username: 'kim' }),
    );
    const before = snapshot(kit);

    for (const path of ['', '/chat'])
      expect((await agent.get(`/matches/${matchId}${path}`)).status).toBe(404);
    expect((await agent.get(`/swipe/matched/${matchId}`)).status).toBe(404);
    expect((await submit(agent, `/matches/${matchId}/end`, {}, '/matches')).status).toBe(404);
    expect((await submit(agent, `/matches/${matchId}/chat`, { text: 'hi' }, '/matches')).status).toBe(404);
    expect(snapshot(kit)).toBe(before);
  });
});
