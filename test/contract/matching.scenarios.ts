import { pageOf } from '../../src/adapters/http-common/schemas/common.js';
import { Match } from '../../src/adapters/http-common/schemas/matches.js';
import { Message, MessageList } from '../../src/adapters/http-common/schemas/messages.js';
import { Sock } from '../../src/adapters/http-common/schemas/socks.js';
import { CandidateList, SwipeResult } from '../../src/adapters/http-common/schemas/swiping.js';
import type { ApiTarget } from '../support/api-target.js';
import {
  PASSWORD,
  addSock,
  api,
  expectBody,
  expectInvalid,
  expectNoContent,
  expectPictureUrls,
  expectProblem,
  nth,
  signUp,
  uploadPicture,
  type Session,
  UNKNOWN_ID,
} from './api-helpers.js';

const MatchPage = pageOf(Match);

function like(t: ApiTarget, who: Session, sockId: string, targetSockId: string) {
  return api(t, who.token).post(`/socks/${sockId}/swipes`).send({ targetSockId, decision: 'like' });
}

async function candidateIds(t: ApiTarget, who: Session, sockId: string): Promise<string[]> {
  const list = expectBody(
    await api(t, who.token).get(`/socks/${sockId}/candidates?limit=20`),
    200,
    CandidateList,
  );
  return list.items.map((c) => c.sock.id);
}

/** `unreadCount` of a match as `who` sees it on `GET /matches` and on `GET /matches/{id}`. */
async function unread(t: ApiTarget, who: Session, matchId: string) {
  const list = expectBody(await api(t, who.token).get('/matches'), 200, MatchPage);
  const shown = expectBody(await api(t, who.token).get(`/matches/${matchId}`), 200, Match);
  return { listed: list.items.find((m) => m.id === matchId)?.unreadCount, shown: shown.unreadCount };
}

/** Two users whose socks liked each other: the match as the second liker saw it. */
async function aMatch(t: ApiTarget) {
  const ann = await signUp(t, { firstName: 'Ann', city: 'Berlin' });
  const bob = await signUp(t, { firstName: 'Bob', city: 'Munich' });
  const annSock = await addSock(t, ann, { name: "Ann's sock" });
  const bobSock = await addSock(t, bob, { name: "Bob's sock" });
  expectBody(await like(t, ann, annSock.id, bobSock.id), 201, SwipeResult);
  const made = expectBody(await like(t, bob, bobSock.id, annSock.id), 201, SwipeResult);
  if (!made.match) throw new Error('expected the second like to make a match');
  return { ann, bob, annSock, bobSock, match: made.match };
}

/** The full journey, and what depends on every sock there is (candidates): from empty state. */
export function journeyScenarios(target: () => ApiTarget): void {
  describe('the full journey', () => {
    it('sign-up, socks with pictures, mutual like, match, chat, unmatch, account deletion', async () => {
      const t = target();
      // Two users, each with a pictured sock.
      const ann = await signUp(t, { firstName: 'Ann', city: 'Berlin', about: 'Left sock seeks right.' });
      const bob = await signUp(t, {
        firstName: 'Bob',
        city: 'Hamburg',
        social: { instagram: 'https://instagram.com/bob' },
      });
      const bobAvatar = (await uploadPicture(t, bob, '/users/me/pictures')).body as { id: string };
      const annSock = await addSock(t, ann, { name: 'Ann’s argyle' });
      const bobSock = await addSock(t, bob, { name: 'Bob’s bamboo', fabric: 'bamboo' });
      for (const sock of [annSock, bobSock]) {
        expect(sock.pictures).toHaveLength(1);
        expectPictureUrls(nth(sock.pictures, 0));
      }

      // Each sees the other's sock as a candidate.
      expect(await candidateIds(t, ann, annSock.id)).toEqual([bobSock.id]);
      expect(await candidateIds(t, bob, bobSock.id)).toEqual([annSock.id]);

      // The first like makes no match, the like back does.
      const first = expectBody(await like(t, ann, annSock.id, bobSock.id), 201, SwipeResult);
      expect(first).toEqual({ targetSockId: bobSock.id, decision: 'like', match: null });
      const second = expectBody(await like(t, bob, bobSock.id, annSock.id), 201, SwipeResult);
      const match = second.match;
      if (!match) throw new Error('the like back must make a match');
      expect(match.mySock).toEqual(bobSock);
      expect(match.theirSock).toEqual(annSock);
      expect(match.otherUser).toMatchObject({
        username: ann.username,
        firstName: 'Ann',
        city: 'Berlin',
        about: 'Left sock seeks right.',
        pictures: [],
      });
      expect(match.otherUser.distanceKm).toBeGreaterThan(200);
      expect(match.unreadCount).toBe(0);

      // Both see it from their side.
      const annList = expectBody(await api(t, ann.token).get('/matches'), 200, MatchPage);
      expect(annList).toMatchObject({ page: 1, pageSize: 20, total: 1 });
      const annView = nth(annList.items, 0);
      expect(annView.id).toBe(match.id);
      expect(annView.createdAt).toBe(match.createdAt);
      expect(annView.mySock).toEqual(annSock);
      expect(annView.theirSock).toEqual(bobSock);
      expect(annView.otherUser).toMatchObject({
        username: bob.username,
        firstName: 'Bob',
        city: 'Hamburg',
        social: { instagram: 'https://instagram.com/bob', facebook: null, twitter: null, spotify: null },
      });
      expect(annView.otherUser.pictures.map((p) => p.id)).toEqual([bobAvatar.id]);
      const bobList = expectBody(await api(t, bob.token).get('/matches'), 200, MatchPage);
      expect(bobList.items).toEqual([match]);
      expect(expectBody(await api(t, ann.token).get(`/matches/${match.id}`), 200, Match)).toEqual(annView);
      expect(expectBody(await api(t, bob.token).get(`/matches/${match.id}`), 200, Match)).toEqual(match);

      // The chat: Ann writes three messages, Bob answers.
      const sent = [];
      for (const text of ['Hi Bob!', '  Nice bamboo.  ', 'Coffee?']) {
        const message = expectBody(
          await api(t, ann.token).post(`/matches/${match.id}/messages`).send({ text }),
          201,
          Message,
        );
        expect(message).toMatchObject({
          matchId: match.id,
          sender: ann.username,
          text: text.trim(),
          seenAt: null,
        });
        sent.push(message);
      }
      // Bob has three unread messages in the match, on the list and on the match; Ann has none.
      expect(await unread(t, bob, match.id)).toEqual({ listed: 3, shown: 3 });
      expect(await unread(t, ann, match.id)).toEqual({ listed: 0, shown: 0 });
      // Ann reading her own messages does not mark them seen.
      const annRead = expectBody(
        await api(t, ann.token).get(`/matches/${match.id}/messages`),
        200,
        MessageList,
      );
      expect(annRead.items.map((m) => m.id)).toEqual(sent.map((m) => m.id).reverse());
      expect(annRead.items.every((m) => m.seenAt === null)).toBe(true);
      expect(annRead.nextCursor).toBeNull();

      // Bob pages through them, newest first, with the `before` cursor; what he gets is seen.
      const page1 = expectBody(
        await api(t, bob.token).get(`/matches/${match.id}/messages?limit=2`),
        200,
        MessageList,
      );
      expect(page1.items.map((m) => m.text)).toEqual(['Coffee?', 'Nice bamboo.']);
      expect(page1.items.every((m) => m.seenAt !== null)).toBe(true);
      expect(page1.nextCursor).toBe(nth(page1.items, 1).id);
      expect(await unread(t, bob, match.id)).toEqual({ listed: 1, shown: 1 });
      const page2 = expectBody(
        await api(t, bob.token).get(`/matches/${match.id}/messages?limit=2&before=${page1.nextCursor}`),
        200,
        MessageList,
      );
      expect(page2.items.map((m) => m.text)).toEqual(['Hi Bob!']);
      expect(page2.nextCursor).toBeNull();
      expect(nth(page2.items, 0).seenAt).not.toBeNull();
      const answer = expectBody(
        await api(t, bob.token).post(`/matches/${match.id}/messages`).send({ text: 'Sure!' }),
        201,
        Message,
      );
      expect(answer.sender).toBe(bob.username);
      expect(await unread(t, bob, match.id)).toEqual({ listed: 0, shown: 0 });
      expect(await unread(t, ann, match.id)).toEqual({ listed: 1, shown: 1 });

      // Ann now sees her messages as seen, and Bob's answer (which her reading marks seen).
      const annAgain = expectBody(
        await api(t, ann.token).get(`/matches/${match.id}/messages`),
        200,
        MessageList,
      );
      expect(annAgain.items.map((m) => m.sender)).toEqual([
        bob.username,
        ann.username,
        ann.username,
        ann.username,
      ]);
      expect(annAgain.items.every((m) => m.seenAt !== null)).toBe(true);
      expect(await unread(t, ann, match.id)).toEqual({ listed: 0, shown: 0 });
      // Seen once is seen for good: the time does not move on a second read.
      const bobAgain = expectBody(
        await api(t, bob.token).get(`/matches/${match.id}/messages`),
        200,
        MessageList,
      );
      expect(bobAgain.items.find((m) => m.id === nth(page2.items, 0).id)?.seenAt).toBe(
        nth(page2.items, 0).seenAt,
      );

      // Ann ends the match: gone for both, with its messages.
      expectNoContent(await api(t, ann.token).delete(`/matches/${match.id}`));
      for (const who of [ann, bob]) {
        expectProblem(await api(t, who.token).get(`/matches/${match.id}`), 404);
        expectProblem(await api(t, who.token).get(`/matches/${match.id}/messages`), 404);
        expectProblem(
          await api(t, who.token).post(`/matches/${match.id}/messages`).send({ text: 'hello?' }),
          404,
        );
        expectProblem(await api(t, who.token).delete(`/matches/${match.id}`), 404);
        expect(expectBody(await api(t, who.token).get('/matches'), 200, MatchPage)).toMatchObject({
          items: [],
          total: 0,
        });
      }

      // They never see each other's socks again, not even new ones, and never match again.
      const annNew = await addSock(t, ann, { name: 'Ann’s new one' });
      const bobNew = await addSock(t, bob, { name: 'Bob’s new one' });
      expect(await candidateIds(t, ann, annNew.id)).toEqual([]);
      expect(await candidateIds(t, bob, bobNew.id)).toEqual([]);
      expect(expectBody(await like(t, ann, annNew.id, bobNew.id), 201, SwipeResult).match).toBeNull();
      expect(expectBody(await like(t, bob, bobNew.id, annNew.id), 201, SwipeResult).match).toBeNull();
      expect(expectBody(await api(t, bob.token).get('/matches'), 200, MatchPage).total).toBe(0);

      // A third user sees Bob's socks; once Bob deletes his account they vanish with everything else.
      const cid = await signUp(t, { city: 'Paris' });
      const cidSock = await addSock(t, cid);
      expect((await candidateIds(t, cid, cidSock.id)).sort()).toEqual(
        [annSock.id, annNew.id, bobSock.id, bobNew.id].sort(),
      );
      expectBody(await like(t, cid, cidSock.id, bobNew.id), 201, SwipeResult);
      expect(expectBody(await like(t, bob, bobNew.id, cidSock.id), 201, SwipeResult).match).not.toBeNull();
      expect(expectBody(await api(t, cid.token).get('/matches'), 200, MatchPage).total).toBe(1);

      expectNoContent(await api(t, bob.token).delete('/users/me'));
      expectProblem(
        await api(t).post('/auth/token').send({ username: bob.username, password: PASSWORD }),
        401,
        'AUTH.INVALID_CREDENTIALS',
      );
      expectProblem(await api(t, bob.token).get('/socks'), 401);
      expect((await candidateIds(t, cid, cidSock.id)).sort()).toEqual([annSock.id, annNew.id].sort());
      expect(expectBody(await api(t, cid.token).get('/matches'), 200, MatchPage)).toMatchObject({
        items: [],
        total: 0,
      });
      // Ann's own things are untouched.
      const annSocks = expectBody(await api(t, ann.token).get('/socks'), 200, pageOf(Sock));
      expect(annSocks.total).toBe(2);
    });
  });

  describe('candidates after a match', () => {
    it('a match is made once per pair of users, whichever socks like each other later', async () => {
      const t = target();
      const { ann, bob } = await aMatch(t);
      const annSecond = await addSock(t, ann);
      const bobSecond = await addSock(t, bob);
      // Active match: their other socks are not offered to each other.
      expect(await candidateIds(t, ann, annSecond.id)).toEqual([]);
      expect(expectBody(await like(t, ann, annSecond.id, bobSecond.id), 201, SwipeResult).match).toBeNull();
      expect(expectBody(await like(t, bob, bobSecond.id, annSecond.id), 201, SwipeResult).match).toBeNull();
      expect(expectBody(await api(t, ann.token).get('/matches'), 200, MatchPage).total).toBe(1);
    });
  });
}

/** Matches and their chat: the scenarios only look at the matches they made. */
export function matchScenarios(target: () => ApiTarget): void {
  describe('matches', () => {
    it('lists matches newest first with pagination; pageSize > 100 is 400', async () => {
      const t = target();
      const ann = await signUp(t);
      const annSock = await addSock(t, ann);
      const partners = [];
      for (let i = 0; i < 3; i++) {
        const other = await signUp(t);
        const sock = await addSock(t, other);
        expectBody(await like(t, other, sock.id, annSock.id), 201, SwipeResult);
        const made = expectBody(await like(t, ann, annSock.id, sock.id), 201, SwipeResult);
        expect(made.match?.otherUser.username).toBe(other.username);
        partners.push(other.username);
      }
      const all = expectBody(await api(t, ann.token).get('/matches'), 200, MatchPage);
      expect(all.total).toBe(3);
      expect(all.items.map((m) => m.otherUser.username)).toEqual([...partners].reverse());
      const page2 = expectBody(await api(t, ann.token).get('/matches?page=2&pageSize=2'), 200, MatchPage);
      expect(page2).toMatchObject({ page: 2, pageSize: 2, total: 3 });
      expect(page2.items.map((m) => m.otherUser.username)).toEqual([partners[0]]);
      expectInvalid(await api(t, ann.token).get('/matches?pageSize=101'), ['query.pageSize']);
    });

    it("counts each listed match's unread messages separately", async () => {
      const t = target();
      const ann = await signUp(t);
      const annSock = await addSock(t, ann);
      const partners: Array<{ who: Session; matchId: string }> = [];
      for (let i = 0; i < 3; i++) {
        const other = await signUp(t);
        const sock = await addSock(t, other);
        expectBody(await like(t, other, sock.id, annSock.id), 201, SwipeResult);
        const made = expectBody(await like(t, ann, annSock.id, sock.id), 201, SwipeResult);
        if (!made.match) throw new Error('expected a match');
        partners.push({ who: other, matchId: made.match.id });
      }
      const say = async (who: Session, matchId: string, text: string) =>
        expectBody(await api(t, who.token).post(`/matches/${matchId}/messages`).send({ text }), 201, Message);
      const [first, second, third] = [nth(partners, 0), nth(partners, 1), nth(partners, 2)];
      await say(first.who, first.matchId, 'one');
      await say(first.who, first.matchId, 'two');
      await say(third.who, third.matchId, 'three');
      await say(ann, second.matchId, 'mine');

      const list = expectBody(await api(t, ann.token).get('/matches'), 200, MatchPage);
      expect(list.items.map((m) => [m.id, m.unreadCount])).toEqual([
        [third.matchId, 1],
        [second.matchId, 0],
        [first.matchId, 2],
      ]);
      const listedForFirst = expectBody(await api(t, first.who.token).get('/matches'), 200, MatchPage);
      expect(listedForFirst.items.map((m) => m.unreadCount)).toEqual([0]);
    });

    it('answers 404 to someone who is not a participant, for the match and its messages', async () => {
      const t = target();
      const { ann, match } = await aMatch(t);
      const eve = await signUp(t);
      expectBody(
        await api(t, ann.token).post(`/matches/${match.id}/messages`).send({ text: 'private' }),
        201,
        Message,
      );
      const foreign = expectProblem(await api(t, eve.token).get(`/matches/${match.id}`), 404);
      const unknown = expectProblem(await api(t, eve.token).get(`/matches/${UNKNOWN_ID}`), 404);
      expect(foreign).toEqual(unknown);
      expectProblem(await api(t, eve.token).get(`/matches/${match.id}/messages`), 404);
      expectProblem(await api(t, eve.token).post(`/matches/${match.id}/messages`).send({ text: 'hi' }), 404);
      expectProblem(await api(t, eve.token).delete(`/matches/${match.id}`), 404);
      expect(expectBody(await api(t, eve.token).get('/matches'), 200, MatchPage).total).toBe(0);
      // The match is untouched.
      expectBody(await api(t, ann.token).get(`/matches/${match.id}`), 200, Match);
      const messages = expectBody(
        await api(t, ann.token).get(`/matches/${match.id}/messages`),
        200,
        MessageList,
      );
      expect(messages.items).toHaveLength(1);
    });

    it('answers 400 for invalid match ids', async () => {
      const t = target();
      const ann = await signUp(t);
      for (const id of ['not-a-uuid', '..%2F..%2Fetc']) {
        expectInvalid(await api(t, ann.token).get(`/matches/${id}`), ['params.matchId']);
        expectInvalid(await api(t, ann.token).delete(`/matches/${id}`), ['params.matchId']);
        expectInvalid(await api(t, ann.token).get(`/matches/${id}/messages`), ['params.matchId']);
        expectInvalid(await api(t, ann.token).post(`/matches/${id}/messages`).send({ text: 'hi' }), [
          'params.matchId',
        ]);
      }
    });

    it('keeps the match when a sock of the pair is deleted; that sock shows as null', async () => {
      const t = target();
      const { ann, bob, annSock, match } = await aMatch(t);
      expectNoContent(await api(t, ann.token).delete(`/socks/${annSock.id}`));
      const bobView = expectBody(await api(t, bob.token).get(`/matches/${match.id}`), 200, Match);
      expect(bobView.theirSock).toBeNull();
      expect(bobView.mySock).not.toBeNull();
      const annView = expectBody(await api(t, ann.token).get(`/matches/${match.id}`), 200, Match);
      expect(annView.mySock).toBeNull();
    });
  });

  describe('messages', () => {
    it('answers 400 for empty, too long or unknown fields, bad cursors and limits; 415 for text/plain', async () => {
      const t = target();
      const { ann, match } = await aMatch(t);
      const path = `/matches/${match.id}/messages`;
      expectInvalid(await api(t, ann.token).post(path).send({ text: '   ' }), ['body.text']);
      expectInvalid(
        await api(t, ann.token)
          .post(path)
          .send({ text: 'x'.repeat(501) }),
        ['body.text'],
      );
      expectInvalid(await api(t, ann.token).post(path).send({ text: 'hi', sender: 'bob' }), ['body.sender']);
      expectInvalid(await api(t, ann.token).post(path).send({}), ['body.text']);
      expectProblem(
        await api(t, ann.token).post(path).set('Content-Type', 'text/plain').send('{"text":"hi"}'),
        415,
      );
      expectProblem(
        await api(t, ann.token).post(path).set('Content-Type', 'application/json').send('{"text":'),
        400,
        'REQUEST.MALFORMED_BODY',
      );
      expect(
        expectBody(
          await api(t, ann.token)
            .post(path)
            .send({ text: 'x'.repeat(500) }),
          201,
          Message,
        ).text,
      ).toHaveLength(500);
      expectInvalid(await api(t, ann.token).get(`${path}?limit=101`), ['query.limit']);
      expectInvalid(await api(t, ann.token).get(`${path}?limit=0`), ['query.limit']);
      expectInvalid(await api(t, ann.token).get(`${path}?before=not-a-uuid`), ['query.before']);
      // A cursor that is no message of this match.
      expectProblem(await api(t, ann.token).get(`${path}?before=${UNKNOWN_ID}`), 404);
    });

    it('the sender is always the authenticated user', async () => {
      const t = target();
      const { ann, bob, match } = await aMatch(t);
      const message = expectBody(
        await api(t, bob.token).post(`/matches/${match.id}/messages`).send({ text: 'Hello Ann' }),
        201,
        Message,
      );
      expect(message.sender).toBe(bob.username);
      const annView = expectBody(
        await api(t, ann.token).get(`/matches/${match.id}/messages`),
        200,
        MessageList,
      );
      expect(annView.items).toEqual([{ ...message, seenAt: nth(annView.items, 0).seenAt }]);
      expect(nth(annView.items, 0).seenAt).not.toBeNull();
    });
  });
}
