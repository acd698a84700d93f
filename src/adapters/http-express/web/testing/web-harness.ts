import request from 'supertest';
import type { Sock } from '../../../../domain/sock/sock.js';
import type { User } from '../../../../domain/user/user.js';
import { SwipeSock } from '../../../../application/swiping/swipe-sock.js';
import type { TestKit } from '../../../../application/testing/test-kit.js';
import { inMemoryApps } from '../../../../../test/support/in-memory-apps.js';

export type Agent = ReturnType<typeof request.agent>;

/** The web app over in-memory fakes, with shortcuts to act as a person in a browser would. */
export async function webHarness() {
  const { kit, web } = await inMemoryApps();

  /** A browser: keeps cookies between requests. */
  const browser = (): Agent => request.agent(web);

  /** The form token of a page (every page with a form has one). */
  const csrfOf = (html: string): string => {
    const match = /name="_csrf" value="([^"]+)"/.exec(html);
    if (!match?.[1]) throw new Error('no form token on the page');
    return match[1];
  };

  /** A page's form token, fetched with this browser. */
  const tokenFor = async (agent: Agent, path = '/login'): Promise<string> =>
    csrfOf((await agent.get(path)).text);

  /** Submits a form the way a browser does: urlencoded, with the page's token. */
  const submit = async (agent: Agent, path: string, fields: Record<string, string> = {}, from = '/login') => {
    // The token first: an agent attaches its cookies when a request is created.
    const token = await tokenFor(agent, from);
    return agent
      .post(path)
      .type('form')
      .send({ _csrf: token, ...fields });
  };

  /** A stored user whose password is `password`, logged in with a new browser. */
  const loggedIn = async (
    overrides: Partial<User> = {},
    password = 'correct horse',
  ): Promise<{ user: User; agent: Agent }> => {
    const user = await kit.givenUser({ passwordHash: `hashed:${password}`, ...overrides });
    const agent = browser();
    const res = await submit(agent, '/login', { username: user.username, password });
    if (res.status !== 303) throw new Error(`login failed: ${res.status}`);
    return { user, agent };
  };

  /** Two users whose socks liked each other: an active match. */
  const givenMatch = async (a: User, b: User): Promise<{ matchId: string; aSock: Sock; bSock: Sock }> => {
    const aSock = await kit.givenSock(a, { name: `${a.username}'s sock` });
    const bSock = await kit.givenSock(b, { name: `${b.username}'s sock` });
    const swipeSock = new SwipeSock(
      kit.swipes,
      kit.matches,
      kit.users,
      kit.outbox,
      kit.ids,
      kit.uow,
      kit.clock,
    );
    const swipe = (user: User, sock: Sock, target: Sock) =>
      swipeSock.execute({ userId: user.id, sockId: sock.id, targetSockId: target.id, decision: 'like' });
    await swipe(b, bSock, aSock);
    const result = await swipe(a, aSock, bSock);
    if (!result.matchId) throw new Error('expected a match');
    return { matchId: result.matchId, aSock, bSock };
  };

  return { kit, web, browser, csrfOf, tokenFor, submit, loggedIn, givenMatch };
}

/** Everything stored, as comparable JSON: to prove that a request changed nothing. */
export function snapshot(kit: TestKit): string {
  const { decks: _decks, deckEntries: _entries, outbox, ...tables } = kit.db.tables;
  const events = [...outbox.entries()].filter(([, event]) => !event.message.type.startsWith('deck.'));
  return JSON.stringify({
    ...Object.fromEntries(Object.entries(tables).map(([name, table]) => [name, [...table.entries()]])),
    outbox: events,
  });
}

/** A tiny valid PNG (1×1), as browsers upload it. */
export const PNG_1X1 = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c63f8cfc0f01f0005000201e5d6ef4f0000000049454e44ae426082',
  'hex',
);
