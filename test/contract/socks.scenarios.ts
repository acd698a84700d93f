import { Picture, pageOf } from '../../src/adapters/http-common/schemas/common.js';
import { Options } from '../../src/adapters/http-common/schemas/options.js';
import { Sock } from '../../src/adapters/http-common/schemas/socks.js';
import type { ApiTarget } from '../support/api-target.js';
import {
  aGif,
  addSock,
  anOversizedPng,
  api,
  expectBody,
  expectInvalid,
  expectNoContent,
  expectPictureUrls,
  expectProblem,
  signUp,
  sockBody,
  uploadPicture,
  UNKNOWN_ID,
} from './api-helpers.js';

const SockPage = pageOf(Sock);

/** `/options` and `/socks/**` (except swiping). */
export function sockScenarios(target: () => ApiTarget): void {
  describe('GET /options', () => {
    it('answers 200 with every choice list in the original order, without authentication', async () => {
      const t = target();
      const options = expectBody(await api(t).get('/options'), 200, Options);
      for (const list of Object.values(options)) {
        expect(list.length).toBeGreaterThan(1);
        expect(new Set(list.map((o) => o.key)).size).toBe(list.length);
        for (const o of list) expect(o.key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      }
      expect(options.gender[0]).toEqual({ key: 'female', label: 'Female' });
      expect(options.color.map((o) => o.key)).toContain('black');
      expect(options.fabric.map((o) => o.key)).toContain('wool');
      expect(options.type.map((o) => o.key)).toContain('knee-high');
    });
  });

  describe('POST /socks', () => {
    it('answers 201 with the Sock and its Location; story is optional', async () => {
      const t = target();
      const sam = await signUp(t);
      const { story, ...withoutStory } = sockBody({ name: '  Stripy  ' });
      void story;
      const res = await api(t, sam.token).post('/socks').send(withoutStory);
      const sock = expectBody(res, 201, Sock);
      expect(res.headers.location).toBe(`${t.base}/socks/${sock.id}`);
      expect(sock).toMatchObject({ ...withoutStory, name: 'Stripy', story: '', pictures: [] });
      const fetched = expectBody(await api(t, sam.token).get(`/socks/${sock.id}`), 200, Sock);
      expect(fetched).toEqual(sock);
    });

    it('takes the limits of every range', async () => {
      const t = target();
      const sam = await signUp(t);
      for (const limits of [
        { age: 0, holes: 0, kilometers: 0, washedPerWeek: 0, story: '' },
        { age: 25, holes: 10, kilometers: 1000, washedPerWeek: 7, story: 's'.repeat(2000) },
      ]) {
        const body = sockBody({ ...limits, name: 'n'.repeat(100), specialty: 'p'.repeat(250) });
        expect(expectBody(await api(t, sam.token).post('/socks').send(body), 201, Sock)).toMatchObject(
          limits,
        );
      }
    });

    it('answers 400 listing every field out of range or list, unknown fields included', async () => {
      const t = target();
      const sam = await signUp(t);
      const res = await api(t, sam.token)
        .post('/socks')
        .send(
          sockBody({
            name: '   ',
            color: 'mauve',
            fabric: 'Wool',
            age: 26,
            holes: 11,
            kilometers: 1001,
            washedPerWeek: -1,
            separationDate: '2999-01-01',
            environment: 'moon',
            specialty: 'p'.repeat(251),
            story: 's'.repeat(2001),
            size: 42,
            id: '7d1f8c1e-3b4a-4c5d-9e6f-000000000001',
            pictures: [],
          }),
        );
      expectInvalid(res, [
        'body.name',
        'body.color',
        'body.fabric',
        'body.age',
        'body.holes',
        'body.kilometers',
        'body.washedPerWeek',
        'body.separationDate',
        'body.environment',
        'body.specialty',
        'body.story',
        'body.size',
        'body.id',
        'body.pictures',
      ]);
      expectInvalid(await api(t, sam.token).post('/socks').send({}), [
        'body.name',
        'body.color',
        'body.age',
        'body.separationDate',
        'body.specialty',
      ]);
      expectInvalid(
        await api(t, sam.token)
          .post('/socks')
          .send(sockBody({ age: 2.5, holes: '1' })),
        ['body.age', 'body.holes'],
      );
      expect(expectBody(await api(t, sam.token).get('/socks'), 200, SockPage).total).toBe(0);
    });

    it('answers 400 for malformed JSON and 415 for JSON sent as text/plain', async () => {
      const t = target();
      const sam = await signUp(t);
      expectProblem(
        await api(t, sam.token).post('/socks').set('Content-Type', 'application/json').send('{"name": "x"'),
        400,
        'REQUEST.MALFORMED_BODY',
      );
      expectProblem(
        await api(t, sam.token)
          .post('/socks')
          .set('Content-Type', 'text/plain')
          .send(JSON.stringify(sockBody())),
        415,
      );
    });
  });

  describe('GET /socks', () => {
    it('lists only the caller socks, newest first, paginated', async () => {
      const t = target();
      const sam = await signUp(t);
      const kim = await signUp(t);
      const socks = [];
      for (const name of ['first', 'second', 'third']) {
        socks.push(await addSock(t, sam, { name }, { pictures: 0 }));
      }
      await addSock(t, kim, { name: 'not yours' }, { pictures: 0 });

      const all = expectBody(await api(t, sam.token).get('/socks'), 200, SockPage);
      expect(all).toMatchObject({ page: 1, pageSize: 20, total: 3 });
      expect(all.items.map((s) => s.name)).toEqual(['third', 'second', 'first']);

      const second = expectBody(await api(t, sam.token).get('/socks?page=2&pageSize=2'), 200, SockPage);
      expect(second).toMatchObject({ page: 2, pageSize: 2, total: 3 });
      expect(second.items.map((s) => s.id)).toEqual([socks[0]?.id]);

      const empty = expectBody(await api(t, (await signUp(t)).token).get('/socks'), 200, SockPage);
      expect(empty).toEqual({ items: [], page: 1, pageSize: 20, total: 0 });
    });

    it('answers 400 for pageSize > 100 and for unusable page numbers', async () => {
      const t = target();
      const sam = await signUp(t);
      expectInvalid(await api(t, sam.token).get('/socks?pageSize=101'), ['query.pageSize']);
      expectInvalid(await api(t, sam.token).get('/socks?page=-1'), ['query.page']);
      expectBody(await api(t, sam.token).get('/socks?pageSize=100'), 200, SockPage);
    });
  });

  describe('GET /socks/{sockId}', () => {
    it("answers 404 for another user's sock and an unknown id, 400 for invalid ids", async () => {
      const t = target();
      const sam = await signUp(t);
      const kim = await signUp(t);
      const kims = await addSock(t, kim);
      const foreign = expectProblem(await api(t, sam.token).get(`/socks/${kims.id}`), 404);
      const unknown = expectProblem(await api(t, sam.token).get(`/socks/${UNKNOWN_ID}`), 404);
      expect(foreign).toEqual(unknown);
      expectInvalid(await api(t, sam.token).get('/socks/not-a-uuid'), ['params.sockId']);
      expectInvalid(await api(t, sam.token).get('/socks/..%2F..%2Fetc'), ['params.sockId']);
      expectInvalid(await api(t, sam.token).get(`/socks/${UNKNOWN_ID.toUpperCase()}x`), ['params.sockId']);
    });
  });

  describe('PATCH /socks/{sockId}', () => {
    it('changes any subset; the rest stays', async () => {
      const t = target();
      const sam = await signUp(t);
      const sock = await addSock(t, sam);
      const res = await api(t, sam.token)
        .patch(`/socks/${sock.id}`)
        .send({ name: ' Renamed ', holes: 4, color: 'red' });
      const updated = expectBody(res, 200, Sock);
      expect(updated).toEqual({ ...sock, name: 'Renamed', holes: 4, color: 'red' });
      expect(expectBody(await api(t, sam.token).get(`/socks/${sock.id}`), 200, Sock)).toEqual(updated);
      expect(expectBody(await api(t, sam.token).patch(`/socks/${sock.id}`).send({}), 200, Sock)).toEqual(
        updated,
      );
    });

    it("answers 400 for invalid or unknown fields and 404 for another user's sock", async () => {
      const t = target();
      const sam = await signUp(t);
      const kim = await signUp(t);
      const sock = await addSock(t, sam);
      const kims = await addSock(t, kim);
      expectInvalid(
        await api(t, sam.token)
          .patch(`/socks/${sock.id}`)
          .send({ holes: -1, name: '', color: 'mauve', owner: 'kim' }),
        ['body.holes', 'body.name', 'body.color', 'body.owner'],
      );
      expectInvalid(await api(t, sam.token).patch('/socks/not-a-uuid').send({ holes: 3 }), ['params.sockId']);
      expectProblem(await api(t, sam.token).patch(`/socks/${kims.id}`).send({ name: 'mine now' }), 404);
      expectProblem(await api(t, sam.token).patch(`/socks/${UNKNOWN_ID}`).send({ name: 'mine now' }), 404);
      expect(expectBody(await api(t, kim.token).get(`/socks/${kims.id}`), 200, Sock)).toEqual(kims);
      expect(expectBody(await api(t, sam.token).get(`/socks/${sock.id}`), 200, Sock)).toEqual(sock);
    });
  });

  describe('DELETE /socks/{sockId}', () => {
    it('answers 204; the sock is gone (404), its pictures with it', async () => {
      const t = target();
      const sam = await signUp(t);
      const sock = await addSock(t, sam);
      const picture = sock.pictures[0];
      expectNoContent(await api(t, sam.token).delete(`/socks/${sock.id}`));
      expectProblem(await api(t, sam.token).get(`/socks/${sock.id}`), 404);
      expectProblem(await api(t, sam.token).delete(`/socks/${sock.id}`), 404);
      expectProblem(await api(t, sam.token).delete(`/socks/${sock.id}/pictures/${picture?.id}`), 404);
      expect(expectBody(await api(t, sam.token).get('/socks'), 200, SockPage).total).toBe(0);
    });

    it("answers 404 for another user's sock, which stays", async () => {
      const t = target();
      const sam = await signUp(t);
      const kim = await signUp(t);
      const kims = await addSock(t, kim);
      expectProblem(await api(t, sam.token).delete(`/socks/${kims.id}`), 404);
      expectInvalid(await api(t, sam.token).delete('/socks/not-a-uuid'), ['params.sockId']);
      expectBody(await api(t, kim.token).get(`/socks/${kims.id}`), 200, Sock);
    });
  });

  describe('POST /socks/{sockId}/pictures', () => {
    it('answers 201 with a Picture that appears in the sock', async () => {
      const t = target();
      const sam = await signUp(t);
      const sock = await addSock(t, sam, {}, { pictures: 0 });
      const picture = expectBody(await uploadPicture(t, sam, `/socks/${sock.id}/pictures`), 201, Picture);
      expectPictureUrls(picture);
      const fetched = expectBody(await api(t, sam.token).get(`/socks/${sock.id}`), 200, Sock);
      expect(fetched.pictures).toEqual([picture]);
      // A sock picture is not a profile picture.
      expect((await api(t, sam.token).get('/users/me')).body.pictures).toEqual([]);
    });

    it("answers 404 for another user's sock (whatever the file) and 400 for an invalid id", async () => {
      const t = target();
      const sam = await signUp(t);
      const kim = await signUp(t);
      const kims = await addSock(t, kim, {}, { pictures: 0 });
      expectProblem(await uploadPicture(t, sam, `/socks/${kims.id}/pictures`), 404);
      expectProblem(await uploadPicture(t, sam, `/socks/${UNKNOWN_ID}/pictures`), 404);
      expectInvalid(await uploadPicture(t, sam, '/socks/not-a-uuid/pictures'), ['params.sockId']);
      expect(expectBody(await api(t, kim.token).get(`/socks/${kims.id}`), 200, Sock).pictures).toEqual([]);
    });

    it('answers 413 for more than 10 MiB, 415 for a GIF or text, 400 without a file', async () => {
      const t = target();
      const sam = await signUp(t);
      const sock = await addSock(t, sam, {}, { pictures: 0 });
      const path = `/socks/${sock.id}/pictures`;
      expectProblem(
        await uploadPicture(t, sam, path, {
          bytes: anOversizedPng(),
          filename: 'big.png',
          contentType: 'image/png',
        }),
        413,
      );
      expectProblem(
        await uploadPicture(t, sam, path, {
          bytes: await aGif(),
          filename: 'sock.gif',
          contentType: 'image/gif',
        }),
        415,
      );
      expectProblem(
        await uploadPicture(t, sam, path, {
          bytes: Buffer.from('plain text'),
          filename: 'sock.txt',
          contentType: 'text/plain',
        }),
        415,
      );
      expectProblem(
        await api(t, sam.token).post(path).set('Content-Type', 'text/plain').send('plain text'),
        415,
      );
      expectInvalid(await api(t, sam.token).post(path).field('file', 'not a file'), ['body.file']);
      expect(expectBody(await api(t, sam.token).get(`/socks/${sock.id}`), 200, Sock).pictures).toEqual([]);
    });
  });

  describe('DELETE /socks/{sockId}/pictures/{pictureId}', () => {
    it('answers 204 and the picture leaves the sock; a second delete is 404', async () => {
      const t = target();
      const sam = await signUp(t);
      const sock = await addSock(t, sam, {}, { pictures: 2 });
      const [first, second] = sock.pictures;
      expectNoContent(await api(t, sam.token).delete(`/socks/${sock.id}/pictures/${first?.id}`));
      expect(expectBody(await api(t, sam.token).get(`/socks/${sock.id}`), 200, Sock).pictures).toEqual([
        second,
      ]);
      expectProblem(await api(t, sam.token).delete(`/socks/${sock.id}/pictures/${first?.id}`), 404);
    });

    it("answers 404 for another user's picture, a picture of another sock, and 400 for invalid ids", async () => {
      const t = target();
      const sam = await signUp(t);
      const kim = await signUp(t);
      const mine = await addSock(t, sam);
      const myOther = await addSock(t, sam);
      const kims = await addSock(t, kim);
      const kimsPicture = kims.pictures[0]?.id;
      const myOtherPicture = myOther.pictures[0]?.id;
      expectProblem(await api(t, sam.token).delete(`/socks/${kims.id}/pictures/${kimsPicture}`), 404);
      expectProblem(await api(t, sam.token).delete(`/socks/${mine.id}/pictures/${kimsPicture}`), 404);
      expectProblem(await api(t, sam.token).delete(`/socks/${mine.id}/pictures/${myOtherPicture}`), 404);
      expectProblem(await api(t, sam.token).delete(`/socks/${mine.id}/pictures/${UNKNOWN_ID}`), 404);
      expectInvalid(await api(t, sam.token).delete(`/socks/${mine.id}/pictures/not-a-uuid`), [
        'params.pictureId',
      ]);
      expectInvalid(await api(t, sam.token).delete(`/socks/not-a-uuid/pictures/..%2F..%2Fetc`), [
        'params.sockId',
        'params.pictureId',
      ]);
      expect(expectBody(await api(t, kim.token).get(`/socks/${kims.id}`), 200, Sock).pictures).toHaveLength(
        1,
      );
      expect(
        expectBody(await api(t, sam.token).get(`/socks/${myOther.id}`), 200, Sock).pictures,
      ).toHaveLength(1);
    });
  });
}
