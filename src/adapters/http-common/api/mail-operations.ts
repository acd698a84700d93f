import { z } from 'zod';
import { Id, PageQuery, pageOf } from '../schemas/common.js';
import { Mail, NewMailBody } from '../schemas/mails.js';
import { callerOf } from './caller.js';
import { defineOperation } from './operation.js';

const tag = 'mails';

export const mailOperations = [
  defineOperation({
    operationId: 'listMails',
    method: 'get',
    path: '/users/me/mails',
    tag,
    summary: 'The mails you sent yourself, newest first',
    auth: 'user',
    query: PageQuery,
    bodyKind: 'none',
    success: { status: 200, description: 'A page of mails', schema: pageOf(Mail) },
    errors: [400, 401],
    async handle(input, { app, present }) {
      const page = await app.mails.listSelfMails.execute({
        userId: callerOf(input).userId,
        page: input.query,
      });
      return { status: 200, body: present.page(page, (m) => present.mail(m)) };
    },
  }),
  defineOperation({
    operationId: 'sendMail',
    method: 'post',
    path: '/users/me/mails',
    tag,
    summary: 'Send yourself an email (queued; a background worker delivers it)',
    auth: 'user',
    body: NewMailBody,
    bodyKind: 'json',
    success: { status: 202, description: 'The queued mail', schema: Mail },
    errors: [400, 401, 415],
    async handle(input, { app, present }) {
      const mail = await app.mails.sendSelfMail.execute({ userId: callerOf(input).userId, ...input.body });
      return { status: 202, body: present.mail(mail) };
    },
  }),
  defineOperation({
    operationId: 'deleteMail',
    method: 'delete',
    path: '/users/me/mails/{mailId}',
    tag,
    summary: 'Delete one of your mails',
    auth: 'user',
    params: z.strictObject({ mailId: Id }),
    bodyKind: 'none',
    success: { status: 204, description: 'Mail deleted' },
    errors: [400, 401, 404],
    async handle(input, { app }) {
      await app.mails.deleteSelfMail.execute({ userId: callerOf(input).userId, mailId: input.params.mailId });
      return { status: 204 };
    },
  }),
];
