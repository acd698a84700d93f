import { z } from 'zod';
import type { SockAttributes } from '../../../domain/sock/sock.js';
import { Id, PageQuery, Picture, pageOf } from '../schemas/common.js';
import { Options } from '../schemas/options.js';
import { NewSockBody, Sock, SockPatchBody } from '../schemas/socks.js';
import { callerOf } from './caller.js';
import { defineOperation } from './operation.js';

const tag = 'socks';
const SockParams = z.strictObject({ sockId: Id });
const SockPictureParams = z.strictObject({ sockId: Id, pictureId: Id });

export const sockOperations = [
  defineOperation({
    operationId: 'getOptions',
    method: 'get',
    path: '/options',
    tag: 'options',
    summary: 'The choice lists (gender and the sock attributes), in their scoring order',
    auth: 'none',
    bodyKind: 'none',
    success: { status: 200, description: 'Every option list', schema: Options },
    errors: [],
    async handle(_input, { app }) {
      return {
        status: 200,
        body: await app.socks.listOptions.execute(),
        headers: { 'Cache-Control': 'public, max-age=3600' },
      };
    },
  }),
  defineOperation({
    operationId: 'listSocks',
    method: 'get',
    path: '/socks',
    tag,
    summary: 'Your socks, newest first',
    auth: 'user',
    query: PageQuery,
    bodyKind: 'none',
    success: { status: 200, description: 'A page of your socks', schema: pageOf(Sock) },
    errors: [400, 401],
    async handle(input, { app, present }) {
      const page = await app.socks.listSocks.execute({ userId: callerOf(input).userId, page: input.query });
      return { status: 200, body: present.page(page, (v) => present.sock(v)) };
    },
  }),
  defineOperation({
    operationId: 'addSock',
    method: 'post',
    path: '/socks',
    tag,
    summary: 'Add a lonely sock',
    auth: 'user',
    body: NewSockBody,
    bodyKind: 'json',
    success: { status: 201, description: 'The new sock', schema: Sock },
    errors: [400, 401, 415, 422],
    async handle(input, { app, present, basePath }) {
      const view = await app.socks.addSock.execute({
        userId: callerOf(input).userId,
        attributes: input.body as SockAttributes,
      });
      return {
        status: 201,
        body: present.sock(view),
        headers: { Location: `${basePath}/socks/${view.sock.id}` },
      };
    },
  }),
  defineOperation({
    operationId: 'getSock',
    method: 'get',
    path: '/socks/{sockId}',
    tag,
    summary: 'One of your socks',
    auth: 'user',
    params: SockParams,
    bodyKind: 'none',
    success: { status: 200, description: 'The sock', schema: Sock },
    errors: [400, 401, 404],
    async handle(input, { app, present }) {
      const view = await app.socks.getSock.execute({
        userId: callerOf(input).userId,
        sockId: input.params.sockId,
      });
      return { status: 200, body: present.sock(view) };
    },
  }),
  defineOperation({
    operationId: 'updateSock',
    method: 'patch',
    path: '/socks/{sockId}',
    tag,
    summary: "Change any subset of a sock's attributes",
    auth: 'user',
    params: SockParams,
    body: SockPatchBody,
    bodyKind: 'json',
    success: { status: 200, description: 'The updated sock', schema: Sock },
    errors: [400, 401, 404, 415, 422],
    async handle(input, { app, present }) {
      const view = await app.socks.updateSock.execute({
        userId: callerOf(input).userId,
        sockId: input.params.sockId,
        changes: input.body as Partial<SockAttributes>,
      });
      return { status: 200, body: present.sock(view) };
    },
  }),
  defineOperation({
    operationId: 'removeSock',
    method: 'delete',
    path: '/socks/{sockId}',
    tag,
    summary: 'Delete a sock with its pictures and swipes',
    auth: 'user',
    params: SockParams,
    bodyKind: 'none',
    success: { status: 204, description: 'Sock deleted' },
    errors: [400, 401, 404],
    async handle(input, { app }) {
      await app.socks.removeSock.execute({ userId: callerOf(input).userId, sockId: input.params.sockId });
      return { status: 204 };
    },
  }),
  defineOperation({
    operationId: 'addSockPicture',
    method: 'post',
    path: '/socks/{sockId}/pictures',
    tag,
    summary: 'Upload a picture of a sock (JPEG, PNG or WebP, at most 10 MiB)',
    auth: 'user',
    params: SockParams,
    bodyKind: 'multipart',
    success: { status: 201, description: 'The stored picture', schema: Picture },
    errors: [400, 401, 404, 413, 415, 422],
    async handle(input, { app, present }) {
      const picture = await app.socks.addSockPicture.execute({
        userId: callerOf(input).userId,
        sockId: input.params.sockId,
        bytes: input.file?.bytes ?? new Uint8Array(),
      });
      return { status: 201, body: present.picture(picture) };
    },
  }),
  defineOperation({
    operationId: 'removeSockPicture',
    method: 'delete',
    path: '/socks/{sockId}/pictures/{pictureId}',
    tag,
    summary: 'Delete a picture of a sock',
    auth: 'user',
    params: SockPictureParams,
    bodyKind: 'none',
    success: { status: 204, description: 'Picture deleted' },
    errors: [400, 401, 404],
    async handle(input, { app }) {
      await app.socks.removeSockPicture.execute({ userId: callerOf(input).userId, ...input.params });
      return { status: 204 };
    },
  }),
];
