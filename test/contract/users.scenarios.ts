import { TokenPair } from '../../src/adapters/http-common/schemas/auth.js';
import { Picture, pageOf } from '../../src/adapters/http-common/schemas/common.js';
import { Me } from '../../src/adapters/http-common/schemas/users.js';
import type { ApiTarget } from '../support/api-target.js';
import {
  PASSWORD,
  aGif,
  aPng,
  anOversizedPng,
  api,
  expectBody,
  expectInvalid,
  expectNoContent,
  expectPictureUrls,
  expectProblem,
  logIn,
  signUp,
  signUpBody,
  uniqueName,
  uploadPicture,
  UNKNOWN_ID,
} from './api-helpers.js';

const UserPage = pageOf(Me);

/** A birthday that makes someone `years` old, whichever clock the server uses (± a day). */
function bornYearsAgo(years: number): string {
  const year = new Date().getUTCFullYear() - years;
  return `${year}-01-01`;
}

/** `/users`, `/users/me`, `/users/me/password`, `/users/me/pictures`. */
export function userScenarios(target: () => ApiTarget): void {
  describe('POST /users (sign-up)', () => {
    it('answers 201 with Me and a Location header; strings are trimmed, defaults filled in', async () => {
      const t = target();
      const username = uniqueName('sam');
      const res = await api(t)
        .post('/users')
        .send({
          username: `  ${username}  `,
          email: ` ${username}@Example.com `,
          password: PASSWORD,
          birthday: '1990-06-15',
          gender: 'non-binary',
          city: '  Berlin ',
          firstName: ' Sam ',
          about: 'Collects single socks.',
        });
      const me = expectBody(res, 201, Me);
      expect(res.headers.location).toBe(`${t.base}/users/me`);
      expect(me).toMatchObject({
        username,
        firstName: 'Sam',
        lastName: '',
        about: 'Collects single socks.',
        birthday: '1990-06-15',
        gender: 'non-binary',
        city: 'Berlin',
        notifications: true,
        social: { instagram: null, facebook: null, twitter: null, spotify: null },
        pictures: [],
        isAdmin: false,
      });
      expect(me.email.toLowerCase()).toBe(`${username}@example.com`.toLowerCase());
      expect(me.age).toBeGreaterThanOrEqual(35);
      // Berlin is shipped with the project: geocoded without a network call.
      expect(me.location).not.toBeNull();
      expect(me.location?.lat).toBeCloseTo(52.52, 0);
      expect(me.location?.lon).toBeCloseTo(13.4, 0);
      // The new account can log in.
      await logIn(t, username);
    });

    it('gives an unknown city location null (not an error) and takes every optional field', async () => {
      const t = target();
      const res = await api(t)
        .post('/users')
        .send(
          signUpBody({
            city: 'Nowhere-upon-Fluff',
            lastName: 'Sockington',
            notifications: false,
            social: { instagram: 'https://instagram.com/sam', spotify: '' },
          }),
        );
      const me = expectBody(res, 201, Me);
      expect(me.location).toBeNull();
      expect(me.city).toBe('Nowhere-upon-Fluff');
      expect(me.notifications).toBe(false);
      expect(me.lastName).toBe('Sockington');
      expect(me.social).toEqual({
        instagram: 'https://instagram.com/sam',
        facebook: null,
        twitter: null,
        spotify: null,
      });
    });

    it('answers 400 listing every invalid field, unknown fields included', async () => {
      const t = target();
      const res = await api(t)
        .post('/users')
        .send({
          username: 'x!',
          email: 'not-an-email',
          password: 'short',
          birthday: '1990-13-45',
          gender: 'robot',
          city: '   ',
          social: { myspace: 'https://myspace.com/sam', instagram: 'javascript:alert(1)' },
          age: 30,
        });
      expectInvalid(res, [
        'body.username',
        'body.email',
        'body.password',
        'body.birthday',
        'body.gender',
        'body.city',
        'body.social.myspace',
        'body.social.instagram',
        'body.age',
      ]);
    });

    it('answers 400 naming each missing required field', async () => {
      const t = target();
      expectInvalid(await api(t).post('/users').send({}), [
        'body.username',
        'body.email',
        'body.password',
        'body.birthday',
        'body.gender',
        'body.city',
      ]);
      // No body at all is the same as an empty object.
      expectInvalid(await api(t).post('/users'), ['body.username']);
    });

    it('answers 400 for malformed JSON and 415 for JSON sent as text/plain', async () => {
      const t = target();
      expectProblem(
        await api(t).post('/users').set('Content-Type', 'application/json').send('{"username": "sam",'),
        400,
        'REQUEST.MALFORMED_BODY',
      );
      expectProblem(
        await api(t).post('/users').set('Content-Type', 'text/plain').send(JSON.stringify(signUpBody())),
        415,
      );
      expectProblem(await api(t).post('/users').type('form').send(signUpBody()), 415);
    });

    it('answers 409 for a username or an email taken, case-insensitively', async () => {
      const t = target();
      const sam = await signUp(t);
      expectProblem(
        await api(t)
          .post('/users')
          .send(signUpBody({ username: sam.username.toUpperCase(), email: `${uniqueName()}@example.com` })),
        409,
        'USER.USERNAME_TAKEN',
      );
      expectProblem(
        await api(t)
          .post('/users')
          .send(signUpBody({ email: sam.email.toUpperCase() })),
        409,
        'USER.EMAIL_TAKEN',
      );
    });

    it('answers 422 USER.UNDER_18 for someone younger than 18', async () => {
      const t = target();
      const problem = expectProblem(
        await api(t)
          .post('/users')
          .send(signUpBody({ birthday: bornYearsAgo(10) })),
        422,
        'USER.UNDER_18',
      );
      expect(problem.detail).not.toBe('');
      expectProblem(
        await api(t)
          .post('/users')
          .send(signUpBody({ birthday: bornYearsAgo(17) })),
        422,
        'USER.UNDER_18',
      );
    });
  });

  describe('GET /users/me', () => {
    it('answers 200 with the caller profile', async () => {
      const t = target();
      const sam = await signUp(t);
      const me = expectBody(await api(t, sam.token).get('/users/me'), 200, Me);
      expect(me).toEqual(sam.me);
    });
  });

  describe('PATCH /users/me', () => {
    it('changes any subset of the profile; the rest stays; a new city is geocoded again', async () => {
      const t = target();
      const sam = await signUp(t);
      const res = await api(t, sam.token)
        .patch('/users/me')
        .send({
          city: 'Hamburg',
          about: '  New in town.  ',
          notifications: false,
          social: { twitter: 'https://twitter.com/sam' },
        });
      const me = expectBody(res, 200, Me);
      expect(me).toMatchObject({
        username: sam.username,
        email: sam.email,
        firstName: sam.me.firstName,
        birthday: sam.me.birthday,
        city: 'Hamburg',
        about: 'New in town.',
        notifications: false,
      });
      expect(me.social.twitter).toBe('https://twitter.com/sam');
      expect(me.location?.lat).toBeCloseTo(53.55, 0);
      expect(expectBody(await api(t, sam.token).get('/users/me'), 200, Me)).toEqual(me);
      // An empty link clears it; an empty body changes nothing.
      const cleared = expectBody(
        await api(t, sam.token)
          .patch('/users/me')
          .send({ social: { twitter: '' } }),
        200,
        Me,
      );
      expect(cleared.social.twitter).toBeNull();
      expect(expectBody(await api(t, sam.token).patch('/users/me').send({}), 200, Me)).toEqual(cleared);
    });

    it('answers 400 for username, password, unknown and invalid fields', async () => {
      const t = target();
      const sam = await signUp(t);
      expectInvalid(
        await api(t, sam.token)
          .patch('/users/me')
          .send({ username: 'newname', password: 'new password', gender: 'robot', email: 'nope', city: '' }),
        ['body.username', 'body.password', 'body.gender', 'body.email', 'body.city'],
      );
      expectProblem(
        await api(t, sam.token).patch('/users/me').set('Content-Type', 'application/json').send('{'),
        400,
        'REQUEST.MALFORMED_BODY',
      );
      expectProblem(
        await api(t, sam.token).patch('/users/me').set('Content-Type', 'text/plain').send('{"city":"Paris"}'),
        415,
      );
      // Nothing changed.
      expect(expectBody(await api(t, sam.token).get('/users/me'), 200, Me)).toEqual(sam.me);
    });

    it('answers 409 USER.EMAIL_TAKEN for another user email and 422 USER.UNDER_18 for a young birthday', async () => {
      const t = target();
      const sam = await signUp(t);
      const kim = await signUp(t);
      expectProblem(
        await api(t, sam.token).patch('/users/me').send({ email: kim.email.toUpperCase() }),
        409,
        'USER.EMAIL_TAKEN',
      );
      expectProblem(
        await api(t, sam.token)
          .patch('/users/me')
          .send({ birthday: bornYearsAgo(12) }),
        422,
        'USER.UNDER_18',
      );
      expect(expectBody(await api(t, sam.token).get('/users/me'), 200, Me)).toEqual(sam.me);
    });
  });

  describe('PUT /users/me/password', () => {
    it('answers 204; the old password stops working and every refresh token is revoked', async () => {
      const t = target();
      const sam = await signUp(t);
      const second = await logIn(t, sam.username);
      const newPassword = 'a much better passphrase';
      expectNoContent(
        await api(t, sam.token).put('/users/me/password').send({ currentPassword: PASSWORD, newPassword }),
      );
      expectProblem(
        await api(t).post('/auth/token').send({ username: sam.username, password: PASSWORD }),
        401,
        'AUTH.INVALID_CREDENTIALS',
      );
      for (const refreshToken of [sam.refreshToken, second.refresh_token]) {
        expectProblem(
          await api(t).post('/auth/refresh').send({ refresh_token: refreshToken }),
          401,
          'AUTH.INVALID_REFRESH_TOKEN',
        );
      }
      const pair = expectBody(
        await api(t).post('/auth/token').send({ username: sam.username, password: newPassword }),
        200,
        TokenPair,
      );
      expectBody(await api(t, pair.access_token).get('/users/me'), 200, Me);
    });

    it('answers 422 USER.WRONG_PASSWORD for a wrong current password and 400 for invalid bodies', async () => {
      const t = target();
      const sam = await signUp(t);
      expectProblem(
        await api(t, sam.token)
          .put('/users/me/password')
          .send({ currentPassword: 'not my password', newPassword: 'something new and long' }),
        422,
        'USER.WRONG_PASSWORD',
      );
      expectInvalid(
        await api(t, sam.token)
          .put('/users/me/password')
          .send({ currentPassword: PASSWORD, newPassword: 'short' }),
        ['body.newPassword'],
      );
      expectInvalid(
        await api(t, sam.token).put('/users/me/password').send({ newPassword: 'long enough now' }),
        ['body.currentPassword'],
      );
      expectInvalid(
        await api(t, sam.token)
          .put('/users/me/password')
          .send({ currentPassword: PASSWORD, newPassword: 'long enough now', confirm: 'long enough now' }),
        ['body.confirm'],
      );
      // The password did not change.
      await logIn(t, sam.username);
    });
  });

  describe('DELETE /users/me', () => {
    it('answers 204; the account is gone: login, access and refresh tokens fail; the name is free again', async () => {
      const t = target();
      const sam = await signUp(t);
      expectNoContent(await api(t, sam.token).delete('/users/me'));
      expectProblem(
        await api(t).post('/auth/token').send({ username: sam.username, password: PASSWORD }),
        401,
        'AUTH.INVALID_CREDENTIALS',
      );
      expectProblem(await api(t, sam.token).get('/users/me'), 401);
      expectProblem(await api(t, sam.token).delete('/users/me'), 401);
      expectProblem(
        await api(t).post('/auth/refresh').send({ refresh_token: sam.refreshToken }),
        401,
        'AUTH.INVALID_REFRESH_TOKEN',
      );
      // Nothing of the old account is in the way of a new one with the same name and email.
      const again = await signUp(t, { username: sam.username, email: sam.email });
      expect(again.id).not.toBe(sam.id);
    });
  });

  describe('GET /users (admin)', () => {
    it('answers 403 for a user who is not an administrator', async () => {
      const t = target();
      const sam = await signUp(t);
      expectProblem(await api(t, sam.token).get('/users'), 403);
    });

    it('gives an administrator a page of Me, newest first, with page, pageSize and total', async () => {
      const t = target();
      const admin = await signUp(t);
      const users = [await signUp(t), await signUp(t), await signUp(t)];
      await t.arrange.promoteToAdmin(admin.username);
      const { access_token: token } = await logIn(t, admin.username);

      const first = expectBody(await api(t, token).get('/users'), 200, UserPage);
      expect(first.page).toBe(1);
      expect(first.pageSize).toBe(20);
      expect(first.total).toBeGreaterThanOrEqual(4);
      const names = first.items.map((u) => u.username);
      const newestFirst = [...users].reverse().map((u) => u.username);
      expect(names.filter((n) => newestFirst.includes(n))).toEqual(newestFirst);
      expect(first.items.find((u) => u.username === admin.username)?.isAdmin).toBe(true);

      const pageOne = expectBody(
        await api(t, token).get('/users').query({ page: 1, pageSize: 2 }),
        200,
        UserPage,
      );
      const pageTwo = expectBody(
        await api(t, token).get('/users').query({ page: 2, pageSize: 2 }),
        200,
        UserPage,
      );
      expect(pageOne).toMatchObject({ page: 1, pageSize: 2, total: first.total });
      expect(pageTwo).toMatchObject({ page: 2, pageSize: 2, total: first.total });
      expect(pageOne.items).toHaveLength(2);
      expect(pageOne.items.map((u) => u.id)).toEqual(first.items.slice(0, 2).map((u) => u.id));
      expect(pageTwo.items.map((u) => u.id)).toEqual(first.items.slice(2, 4).map((u) => u.id));

      // Past the end: an empty page, never 404.
      const beyond = expectBody(
        await api(t, token).get('/users').query({ page: 9999, pageSize: 100 }),
        200,
        UserPage,
      );
      expect(beyond).toEqual({ items: [], page: 9999, pageSize: 100, total: first.total });
    });

    it('answers 400 for pageSize > 100, pageSize 0, page 0 and non-numbers', async () => {
      const t = target();
      const admin = await signUp(t);
      await t.arrange.promoteToAdmin(admin.username);
      const { access_token: token } = await logIn(t, admin.username);
      expectInvalid(await api(t, token).get('/users?pageSize=101'), ['query.pageSize']);
      expectInvalid(await api(t, token).get('/users?pageSize=0'), ['query.pageSize']);
      expectInvalid(await api(t, token).get('/users?page=0&pageSize=abc'), ['query.page', 'query.pageSize']);
      expectInvalid(await api(t, token).get('/users?page=1.5'), ['query.page']);
    });
  });

  describe('POST /users/me/pictures', () => {
    it('answers 201 with a Picture whose URLs are in the profile from then on', async () => {
      const t = target();
      const sam = await signUp(t);
      const picture = expectBody(await uploadPicture(t, sam, '/users/me/pictures'), 201, Picture);
      expectPictureUrls(picture);
      const second = expectBody(
        await uploadPicture(t, sam, '/users/me/pictures', {
          bytes: await aPng(),
          filename: 'whatever.bin',
          contentType: 'application/octet-stream',
        }),
        201,
        Picture,
      );
      const me = expectBody(await api(t, sam.token).get('/users/me'), 200, Me);
      expect(me.pictures).toEqual([picture, second]);
    });

    it('answers 413 for a file larger than 10 MiB', async () => {
      const t = target();
      const sam = await signUp(t);
      const res = await uploadPicture(t, sam, '/users/me/pictures', {
        bytes: anOversizedPng(),
        filename: 'huge.png',
        contentType: 'image/png',
      });
      expectProblem(res, 413);
      expect(expectBody(await api(t, sam.token).get('/users/me'), 200, Me).pictures).toEqual([]);
    });

    it('answers 415 for a GIF, for text, whatever the declared type, and for a body that is not multipart', async () => {
      const t = target();
      const sam = await signUp(t);
      expectProblem(
        await uploadPicture(t, sam, '/users/me/pictures', {
          bytes: await aGif(),
          filename: 'cat.gif',
          contentType: 'image/gif',
        }),
        415,
      );
      expectProblem(
        await uploadPicture(t, sam, '/users/me/pictures', {
          bytes: Buffer.from('just some text, not a picture'),
          filename: 'sock.png',
          contentType: 'image/png',
        }),
        415,
      );
      expectProblem(
        await api(t, sam.token)
          .post('/users/me/pictures')
          .set('Content-Type', 'image/png')
          .send(await aPng()),
        415,
      );
      expectProblem(await api(t, sam.token).post('/users/me/pictures').send({ file: 'abc' }), 415);
      expect(expectBody(await api(t, sam.token).get('/users/me'), 200, Me).pictures).toEqual([]);
    });

    it('answers 400 when the multipart body has no field "file" or there is no body', async () => {
      const t = target();
      const sam = await signUp(t);
      expectInvalid(
        await api(t, sam.token)
          .post('/users/me/pictures')
          .attach('picture', await aPng(), { filename: 'a.png', contentType: 'image/png' }),
        ['body.file'],
      );
      expectInvalid(await api(t, sam.token).post('/users/me/pictures').field('note', 'no file'), [
        'body.file',
      ]);
      expectInvalid(await api(t, sam.token).post('/users/me/pictures'), ['body.file']);
    });
  });

  describe('DELETE /users/me/pictures/{pictureId}', () => {
    it('answers 204 and the picture leaves the profile; a second delete is 404', async () => {
      const t = target();
      const sam = await signUp(t);
      const picture = expectBody(await uploadPicture(t, sam, '/users/me/pictures'), 201, Picture);
      expectNoContent(await api(t, sam.token).delete(`/users/me/pictures/${picture.id}`));
      expect(expectBody(await api(t, sam.token).get('/users/me'), 200, Me).pictures).toEqual([]);
      expectProblem(await api(t, sam.token).delete(`/users/me/pictures/${picture.id}`), 404);
    });

    it("answers 404 for another user's picture and an unknown id, 400 for an invalid id", async () => {
      const t = target();
      const sam = await signUp(t);
      const kim = await signUp(t);
      const kims = expectBody(await uploadPicture(t, kim, '/users/me/pictures'), 201, Picture);
      const notFound = expectProblem(await api(t, sam.token).delete(`/users/me/pictures/${kims.id}`), 404);
      const unknown = expectProblem(await api(t, sam.token).delete(`/users/me/pictures/${UNKNOWN_ID}`), 404);
      // Another user's picture and no picture at all are indistinguishable.
      expect(notFound).toEqual(unknown);
      expect(expectBody(await api(t, kim.token).get('/users/me'), 200, Me).pictures).toEqual([kims]);
      expectInvalid(await api(t, sam.token).delete('/users/me/pictures/not-a-uuid'), ['params.pictureId']);
      expectInvalid(await api(t, sam.token).delete('/users/me/pictures/..%2F..%2Fetc'), ['params.pictureId']);
    });
  });
}
