import { pageOf } from '../../src/adapters/http-common/schemas/common.js';
import { Mail } from '../../src/adapters/http-common/schemas/mails.js';
import type { ApiTarget } from '../support/api-target.js';
import {
  api,
  expectBody,
  expectInvalid,
  expectNoContent,
  expectProblem,
  signUp,
  UNKNOWN_ID,
} from './api-helpers.js';

const MailPage = pageOf(Mail);

/** `/users/me/mails`. */
export function mailScenarios(target: () => ApiTarget): void {
  describe('/users/me/mails', () => {
    it('queues a mail (202), lists own mails newest first with pagination, deletes one (204)', async () => {
      const t = target();
      const sam = await signUp(t);
      const kim = await signUp(t);
      const mails = [];
      for (const subject of ['first', 'second', 'third']) {
        const res = await api(t, sam.token)
          .post('/users/me/mails')
          .send({ subject: `  ${subject}  `, content: `About ${subject}.` });
        const mail = expectBody(res, 202, Mail);
        expect(mail).toMatchObject({ subject, content: `About ${subject}.`, status: 'queued', sentAt: null });
        mails.push(mail);
      }
      expectBody(
        await api(t, kim.token).post('/users/me/mails').send({ subject: 'kim', content: 'hi' }),
        202,
        Mail,
      );

      const all = expectBody(await api(t, sam.token).get('/users/me/mails'), 200, MailPage);
      expect(all).toMatchObject({ page: 1, pageSize: 20, total: 3 });
      expect(all.items.map((m) => m.id)).toEqual(mails.map((m) => m.id).reverse());
      const last = expectBody(
        await api(t, sam.token).get('/users/me/mails?page=2&pageSize=2'),
        200,
        MailPage,
      );
      expect(last).toMatchObject({ page: 2, pageSize: 2, total: 3 });
      expect(last.items.map((m) => m.id)).toEqual([mails[0]?.id]);

      expectNoContent(await api(t, sam.token).delete(`/users/me/mails/${mails[1]?.id}`));
      const after = expectBody(await api(t, sam.token).get('/users/me/mails'), 200, MailPage);
      expect(after.items.map((m) => m.subject)).toEqual(['third', 'first']);
      expectProblem(await api(t, sam.token).delete(`/users/me/mails/${mails[1]?.id}`), 404);
    });

    it("answers 404 for another user's mail and an unknown id, 400 for invalid ids", async () => {
      const t = target();
      const sam = await signUp(t);
      const kim = await signUp(t);
      const kims = expectBody(
        await api(t, kim.token).post('/users/me/mails').send({ subject: 'mine', content: 'secret' }),
        202,
        Mail,
      );
      const foreign = expectProblem(await api(t, sam.token).delete(`/users/me/mails/${kims.id}`), 404);
      const unknown = expectProblem(await api(t, sam.token).delete(`/users/me/mails/${UNKNOWN_ID}`), 404);
      expect(foreign).toEqual(unknown);
      expectInvalid(await api(t, sam.token).delete('/users/me/mails/not-a-uuid'), ['params.mailId']);
      expectInvalid(await api(t, sam.token).delete('/users/me/mails/..%2F..%2Fetc'), ['params.mailId']);
      expect(expectBody(await api(t, kim.token).get('/users/me/mails'), 200, MailPage).total).toBe(1);
      expect(expectBody(await api(t, sam.token).get('/users/me/mails'), 200, MailPage).items).toEqual([]);
    });

    it('answers 400 for empty, too long and unknown fields; 415 for text/plain; 400 for pageSize > 100', async () => {
      const t = target();
      const sam = await signUp(t);
      expectInvalid(
        await api(t, sam.token)
          .post('/users/me/mails')
          .send({ subject: '  ', content: 'x'.repeat(10_001), to: 'someone@example.com' }),
        ['body.subject', 'body.content', 'body.to'],
      );
      expectInvalid(
        await api(t, sam.token)
          .post('/users/me/mails')
          .send({ subject: 's'.repeat(201), content: 'c' }),
        ['body.subject'],
      );
      expectProblem(
        await api(t, sam.token)
          .post('/users/me/mails')
          .set('Content-Type', 'text/plain')
          .send('{"subject":"s","content":"c"}'),
        415,
      );
      expectInvalid(await api(t, sam.token).get('/users/me/mails?pageSize=101'), ['query.pageSize']);
      expect(expectBody(await api(t, sam.token).get('/users/me/mails'), 200, MailPage).total).toBe(0);
    });
  });
}
