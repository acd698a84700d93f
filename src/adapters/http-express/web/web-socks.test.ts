import { PNG_1X1, snapshot, webHarness, type Agent } from './testing/web-harness.js';

const SOCK = {
  name: 'Lefty',
  story: 'Lost in the washing machine.',
  color: 'red',
  fabric: 'wool',
  thickness: 'winter-type',
  brand: 'odd-sock',
  type: 'crew',
  size: '41-45',
  age: '3',
  separationDate: '2026-01-15',
  condition: 'well-loved',
  holes: '1',
  kilometers: '250',
  environment: 'festival',
  washedPerWeek: '2',
  specialty: 'Glows in the dark',
};

describe('web UI: socks', () => {
  const upload = async (agent: Agent, path: string, token: string, files: Array<[Buffer, string]>) => {
    let req = agent.post(path).field('_csrf', token);
    for (const [bytes, name] of files) req = req.attach('pictures', bytes, name);
    return req;
  };

  it('adds a sock with all 16 attributes: slider strings become numbers, the sock gets selected', async () => {
    const { kit, loggedIn, submit } = await webHarness();
    const { user, agent } = await loggedIn();

    const res = await submit(agent, '/socks/new', SOCK, '/socks/new');

    expect(res.status).toBe(303);
    const [sock] = [...kit.db.tables.socks.values()];
    expect(sock).toMatchObject({
      ...SOCK,
      ownerId: user.id,
      age: 3,
      holes: 1,
      kilometers: 250,
      washedPerWeek: 2,
    });
    expect(res.headers.location).toBe(`/socks/${sock?.id}/pictures`);
    const page = await agent.get(res.headers.location ?? '');
    expect(page.text).toContain('Lefty joined your sock drawer.');
    expect((await agent.get('/swipe')).text).toContain('Swiping for Lefty');
  });

  it('offers every option list and slider range on the form', async () => {
    const { loggedIn } = await webHarness();
    const { agent } = await loggedIn();
    const form = (await agent.get('/socks/new')).text;
    expect(form).toContain('<option value="self-warming">Double battery powered self warming one</option>');
    expect(form).toContain(`<option value="from-ma-granma">From ma' gran'ma</option>`);
    expect(form).toMatch(/type="range" id="f-kilometers" name="kilometers" min="0" max="1000"/);
    expect(form).toMatch(
      /type="date" id="f-separationDate" name="separationDate" value="[0-9-]+" required="required" max="/,
    );
    for (const field of Object.keys(SOCK)) expect(form).toContain(`name="${field}"`);
  });

  it('shows the form again with the input and a message per field', async () => {
    const { kit, loggedIn, submit } = await webHarness();
    const { agent } = await loggedIn();

    const res = await submit(
      agent,
      '/socks/new',
      { ...SOCK, name: '', color: 'plaid', holes: '11', kilometers: 'far', separationDate: '2999-01-01' },
      '/socks/new',
    );

    expect(res.status).toBe(422);
    expect(res.text).toMatch(/id="f-name-error">Please fill this in\./);
    expect(res.text).toMatch(/id="f-color-error">Please choose one of the options\./);
    expect(res.text).toMatch(/id="f-holes-error">Must be at most 10\./);
    expect(res.text).toMatch(/id="f-kilometers-error">Please enter a whole number\./);
    expect(res.text).toMatch(/id="f-separationDate-error">Cannot be in the future\./);
    expect(res.text).toContain('value="Glows in the dark"');
    expect(kit.db.tables.socks.size).toBe(0);
  });

  it('lists, shows with labels, edits and deletes an own sock, with a message after each change', async () => {
    const { kit, loggedIn, submit } = await webHarness();
    const { user, agent } = await loggedIn();
    const sock = await kit.givenSock(user, { name: 'Lefty', color: 'red', brand: 'd-and-g' }, 0);

    const list = await agent.get('/socks');
    expect(list.text).toContain('Lefty');
    expect(list.text).toContain('Add a picture: without one, nobody sees Lefty');
    const show = await agent.get(`/socks/${sock.id}`);
    expect(show.text).toContain('D&amp;G');
    expect(show.text).toContain('Red');
    const edit = await agent.get(`/socks/${sock.id}/edit`);
    expect(edit.text).toContain('value="Lefty"');

    const updated = await submit(
      agent,
      `/socks/${sock.id}/edit`,
      { ...SOCK, name: 'Righty' },
      `/socks/${sock.id}/edit`,
    );
    expect(updated.status).toBe(303);
    expect((await kit.socks.findById(sock.id))?.name).toBe('Righty');
    expect((await agent.get(`/socks/${sock.id}`)).text).toContain('Righty is updated.');

    const deleted = await submit(agent, `/socks/${sock.id}/delete`, {}, '/socks');
    expect(deleted.status).toBe(303);
    expect(deleted.headers.location).toBe('/socks');
    expect(await kit.socks.findById(sock.id)).toBeNull();
    expect((await agent.get('/socks')).text).toContain('Righty is gone.');
  });

  it("answers 404 for another user's sock on every sock page and form, and changes nothing", async () => {
    const { kit, loggedIn, submit } = await webHarness();
    const { agent } = await loggedIn({ username: 'sam' });
    const other = await kit.givenUser({ username: 'toni' });
    const theirs = await kit.givenSock(other);
    const picture = [...kit.db.tables.pictures.values()][0];
    const before = snapshot(kit);

    for (const path of ['', '/edit', '/pictures']) {
      expect((await agent.get(`/socks/${theirs.id}${path}`)).status).toBe(404);
    }
    expect((await submit(agent, `/socks/${theirs.id}/edit`, SOCK, '/socks')).status).toBe(404);
    expect((await submit(agent, `/socks/${theirs.id}/delete`, {}, '/socks')).status).toBe(404);
    expect(
      (await submit(agent, `/socks/${theirs.id}/pictures/${picture?.id}/delete`, {}, '/socks')).status,
    ).toBe(404);
    const token =
      (await agent.get('/socks').then((r) => /name="_csrf" value="([^"]+)"/.exec(r.text)?.[1])) ?? '';
    expect((await upload(agent, `/socks/${theirs.id}/pictures`, token, [[PNG_1X1, 'a.png']])).status).toBe(
      404,
    );
    expect((await agent.get('/socks/not-a-uuid')).status).toBe(404);
    expect(snapshot(kit)).toBe(before);
  });

  it('uploads several pictures at once, refuses the bad ones by name, and deletes one', async () => {
    const { kit, loggedIn, tokenFor, submit } = await webHarness();
    const { user, agent } = await loggedIn();
    const sock = await kit.givenSock(user, { name: 'Lefty' }, 0);
    const token = await tokenFor(agent, `/socks/${sock.id}/pictures`);

    const res = await upload(agent, `/socks/${sock.id}/pictures`, token, [
      [PNG_1X1, 'one.png'],
      [PNG_1X1, 'two.png'],
      [Buffer.from('not a picture at all'), 'notes<b>.txt'],
    ]);

    expect(res.status).toBe(303);
    const pictures = (await kit.pictures.listForSocks([sock.id])).get(sock.id) ?? [];
    expect(pictures).toHaveLength(2);
    const page = await agent.get(`/socks/${sock.id}/pictures`);
    expect(page.text).toContain('2 pictures added.');
    expect(page.text).toContain('notes&lt;b&gt;.txt: Pictures must be JPEG, PNG or WebP images.');
    expect(page.text).toContain('Cover');

    const deleted = await submit(agent, `/socks/${sock.id}/pictures/${pictures[0]?.id}/delete`, {}, '/socks');
    expect(deleted.status).toBe(303);
    expect((await kit.pictures.listForSocks([sock.id])).get(sock.id)).toHaveLength(1);
    expect(kit.outbox.messagesOfType('picture-files.delete')).toHaveLength(1);
  });

  it('refuses an upload without the form token and stores nothing', async () => {
    const { kit, loggedIn } = await webHarness();
    const { user, agent } = await loggedIn();
    const sock = await kit.givenSock(user, {}, 0);

    const res = await upload(agent, `/socks/${sock.id}/pictures`, 'forged', [[PNG_1X1, 'one.png']]);

    expect(res.status).toBe(403);
    expect((await kit.pictures.listForSocks([sock.id])).get(sock.id)).toBeUndefined();
  });
});
