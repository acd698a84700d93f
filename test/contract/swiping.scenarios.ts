import { CandidateList, SwipeResult } from '../../src/adapters/http-common/schemas/swiping.js';
import type { ApiTarget } from '../support/api-target.js';
import { addSock, api, expectBody, expectInvalid, expectProblem, signUp, UNKNOWN_ID } from './api-helpers.js';

/** `/socks/{sockId}/candidates` and `/socks/{sockId}/swipes`: what depends on every sock there is. */
export function swipingScenarios(target: () => ApiTarget): void {
  describe('GET /socks/{sockId}/candidates', () => {
    it('offers other users’ pictured socks, best first; one by default, up to `limit`', async () => {
      const t = target();
      const sam = await signUp(t);
      const kim = await signUp(t, { firstName: 'Kim', city: 'Hamburg' });
      const mine = await addSock(t, sam, { color: 'black', fabric: 'wool' });
      await addSock(t, sam, { name: 'my other sock' });
      const twin = await addSock(t, kim, { color: 'black', fabric: 'wool', name: 'twin' });
      const opposite = await addSock(t, kim, {
        name: 'opposite',
        color: 'white',
        fabric: 'latex',
        thickness: 'fishnet',
        brand: 'gucci',
        type: 'invisible',
        size: '25-31',
        condition: 'brand-new',
        environment: 'festival',
        age: 20,
        holes: 9,
        kilometers: 900,
        washedPerWeek: 7,
      });
      await addSock(t, kim, { name: 'no picture yet' }, { pictures: 0 });

      const one = expectBody(await api(t, sam.token).get(`/socks/${mine.id}/candidates`), 200, CandidateList);
      expect(one.items).toHaveLength(1);

      const all = expectBody(
        await api(t, sam.token).get(`/socks/${mine.id}/candidates?limit=20`),
        200,
        CandidateList,
      );
      expect(all.items.map((c) => c.sock.name)).toEqual(['twin', 'opposite']);
      expect(one.items[0]?.sock.id).toBe(twin.id);
      const [best, worst] = all.items;
      expect(best?.score).toBeGreaterThan(worst?.score ?? Infinity);
      const { createdAt, ...twinWithoutCreatedAt } = twin;
      void createdAt;
      expect(best?.sock).toEqual(twinWithoutCreatedAt);
      expect(worst?.sock.id).toBe(opposite.id);
      expect(best?.owner).toMatchObject({ username: kim.username, firstName: 'Kim', city: 'Hamburg' });
      expect(best?.owner.age).toBeGreaterThanOrEqual(18);
      // Berlin to Hamburg is about 255 km.
      expect(best?.owner.distanceKm).toBeGreaterThan(200);
      expect(best?.owner.distanceKm).toBeLessThan(300);
    });

    it('answers items: [] when nothing is left (never 404)', async () => {
      const t = target();
      const sam = await signUp(t);
      const mine = await addSock(t, sam);
      const empty = expectBody(
        await api(t, sam.token).get(`/socks/${mine.id}/candidates`),
        200,
        CandidateList,
      );
      expect(empty).toEqual({ items: [] });
    });

    it("answers 404 for another user's sock or an unknown one, 400 for invalid ids and limits", async () => {
      const t = target();
      const sam = await signUp(t);
      const kim = await signUp(t);
      const mine = await addSock(t, sam);
      const kims = await addSock(t, kim);
      expectProblem(await api(t, sam.token).get(`/socks/${kims.id}/candidates`), 404);
      expectProblem(await api(t, sam.token).get(`/socks/${UNKNOWN_ID}/candidates`), 404);
      expectInvalid(await api(t, sam.token).get('/socks/not-a-uuid/candidates'), ['params.sockId']);
      expectInvalid(await api(t, sam.token).get('/socks/..%2F..%2Fetc/candidates'), ['params.sockId']);
      expectInvalid(await api(t, sam.token).get(`/socks/${mine.id}/candidates?limit=21`), ['query.limit']);
      expectInvalid(await api(t, sam.token).get(`/socks/${mine.id}/candidates?limit=0`), ['query.limit']);
      expectInvalid(await api(t, sam.token).get(`/socks/${mine.id}/candidates?limit=many`), ['query.limit']);
    });
  });

  describe('POST /socks/{sockId}/swipes', () => {
    it('answers 201 with the decision and match null; a judged sock is no candidate any more', async () => {
      const t = target();
      const sam = await signUp(t);
      const kim = await signUp(t);
      const mine = await addSock(t, sam);
      const kims = await addSock(t, kim);
      const res = await api(t, sam.token)
        .post(`/socks/${mine.id}/swipes`)
        .send({ targetSockId: kims.id, decision: 'dislike' });
      expect(expectBody(res, 201, SwipeResult)).toEqual({
        targetSockId: kims.id,
        decision: 'dislike',
        match: null,
      });
      const left = expectBody(
        await api(t, sam.token).get(`/socks/${mine.id}/candidates`),
        200,
        CandidateList,
      );
      expect(left.items).toEqual([]);
      // Another of my socks has not judged it yet.
      const other = await addSock(t, sam);
      const forOther = expectBody(
        await api(t, sam.token).get(`/socks/${other.id}/candidates`),
        200,
        CandidateList,
      );
      expect(forOther.items.map((c) => c.sock.id)).toEqual([kims.id]);
    });

    it("answers 404 when the swiping sock is not the caller's or the target is unknown", async () => {
      const t = target();
      const sam = await signUp(t);
      const kim = await signUp(t);
      const mine = await addSock(t, sam);
      const kims = await addSock(t, kim);
      // Swiping on behalf of someone else's sock.
      expectProblem(
        await api(t, sam.token)
          .post(`/socks/${kims.id}/swipes`)
          .send({ targetSockId: mine.id, decision: 'like' }),
        404,
      );
      expectProblem(
        await api(t, sam.token)
          .post(`/socks/${UNKNOWN_ID}/swipes`)
          .send({ targetSockId: kims.id, decision: 'like' }),
        404,
      );
      expectProblem(
        await api(t, sam.token)
          .post(`/socks/${mine.id}/swipes`)
          .send({ targetSockId: UNKNOWN_ID, decision: 'like' }),
        404,
      );
      // Nothing was recorded: kim's sock is still a candidate for mine.
      const left = expectBody(
        await api(t, sam.token).get(`/socks/${mine.id}/candidates`),
        200,
        CandidateList,
      );
      expect(left.items.map((c) => c.sock.id)).toEqual([kims.id]);
    });
  });
}

/** The rules of `/socks/{sockId}/swipes`: the scenarios only look at the socks they made. */
export function swipeRuleScenarios(target: () => ApiTarget): void {
  describe('POST /socks/{sockId}/swipes rules', () => {
    it('answers 409 SWIPE.ALREADY_JUDGED for a second verdict on the same sock', async () => {
      const t = target();
      const sam = await signUp(t);
      const kim = await signUp(t);
      const mine = await addSock(t, sam);
      const kims = await addSock(t, kim);
      const swipe = (decision: string) =>
        api(t, sam.token).post(`/socks/${mine.id}/swipes`).send({ targetSockId: kims.id, decision });
      expectBody(await swipe('like'), 201, SwipeResult);
      expectProblem(await swipe('like'), 409, 'SWIPE.ALREADY_JUDGED');
      expectProblem(await swipe('dislike'), 409, 'SWIPE.ALREADY_JUDGED');
    });

    it('answers 422 SWIPE.OWN_SOCK for an own sock and SWIPE.NO_PICTURE for a sock without picture', async () => {
      const t = target();
      const sam = await signUp(t);
      const kim = await signUp(t);
      const mine = await addSock(t, sam);
      const myOther = await addSock(t, sam);
      const bare = await addSock(t, kim, {}, { pictures: 0 });
      expectProblem(
        await api(t, sam.token)
          .post(`/socks/${mine.id}/swipes`)
          .send({ targetSockId: myOther.id, decision: 'like' }),
        422,
        'SWIPE.OWN_SOCK',
      );
      expectProblem(
        await api(t, sam.token)
          .post(`/socks/${mine.id}/swipes`)
          .send({ targetSockId: mine.id, decision: 'like' }),
        422,
        'SWIPE.OWN_SOCK',
      );
      expectProblem(
        await api(t, sam.token)
          .post(`/socks/${mine.id}/swipes`)
          .send({ targetSockId: bare.id, decision: 'like' }),
        422,
        'SWIPE.NO_PICTURE',
      );
    });

    it('answers 400 for invalid, missing or unknown fields and invalid ids; 415 for text/plain', async () => {
      const t = target();
      const sam = await signUp(t);
      const mine = await addSock(t, sam);
      expectInvalid(
        await api(t, sam.token)
          .post(`/socks/${mine.id}/swipes`)
          .send({ targetSockId: 'not-a-uuid', decision: 'superlike', note: 'hi' }),
        ['body.targetSockId', 'body.decision', 'body.note'],
      );
      expectInvalid(await api(t, sam.token).post(`/socks/${mine.id}/swipes`).send({}), [
        'body.targetSockId',
        'body.decision',
      ]);
      expectInvalid(
        await api(t, sam.token)
          .post('/socks/not-a-uuid/swipes')
          .send({ targetSockId: UNKNOWN_ID, decision: 'like' }),
        ['params.sockId'],
      );
      expectProblem(
        await api(t, sam.token)
          .post(`/socks/${mine.id}/swipes`)
          .set('Content-Type', 'application/json')
          .send('{"decision":'),
        400,
        'REQUEST.MALFORMED_BODY',
      );
      expectProblem(
        await api(t, sam.token)
          .post(`/socks/${mine.id}/swipes`)
          .set('Content-Type', 'text/plain')
          .send(JSON.stringify({ targetSockId: UNKNOWN_ID, decision: 'like' })),
        415,
      );
    });
  });
}
