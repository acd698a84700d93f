import { z } from 'zod';
import { profileChanges, signUpProfile } from '../profile-input.js';
import { Id, PageQuery, Picture, pageOf } from '../schemas/common.js';
import { ChangePasswordBody, Me, SignUpBody, UpdateMeBody } from '../schemas/users.js';
import { callerOf } from './caller.js';
import { defineOperation } from './operation.js';

const tag = 'users';
const PictureParams = z.strictObject({ pictureId: Id });

export const userOperations = [
  defineOperation({
    operationId: 'signUp',
    method: 'post',
    path: '/users',
    tag,
    summary: 'Sign up',
    auth: 'none',
    body: SignUpBody,
    bodyKind: 'json',
    success: { status: 201, description: 'The new account', schema: Me },
    errors: [400, 409, 415, 422],
    async handle({ body }, { app, present, basePath }) {
      const { username, password, ...profile } = body;
      const view = await app.users.registerUser.execute({
        username,
        password,
        profile: signUpProfile(profile),
      });
      return { status: 201, body: present.me(view), headers: { Location: `${basePath}/users/me` } };
    },
  }),
  defineOperation({
    operationId: 'getMe',
    method: 'get',
    path: '/users/me',
    tag,
    summary: 'Your profile',
    auth: 'user',
    bodyKind: 'none',
    success: { status: 200, description: 'Your profile', schema: Me },
    errors: [401],
    async handle(input, { app, present }) {
      return { status: 200, body: present.me(await app.users.getProfile.execute(callerOf(input).userId)) };
    },
  }),
  defineOperation({
    operationId: 'updateMe',
    method: 'patch',
    path: '/users/me',
    tag,
    summary: 'Change your profile (any subset of the sign-up fields except username and password)',
    auth: 'user',
    body: UpdateMeBody,
    bodyKind: 'json',
    success: { status: 200, description: 'Your updated profile', schema: Me },
    errors: [400, 401, 409, 415, 422],
    async handle(input, { app, present }) {
      const view = await app.users.updateProfile.execute({
        userId: callerOf(input).userId,
        changes: profileChanges(input.body),
      });
      return { status: 200, body: present.me(view) };
    },
  }),
  defineOperation({
    operationId: 'changePassword',
    method: 'put',
    path: '/users/me/password',
    tag,
    summary: 'Change your password (logs out every other session)',
    auth: 'user',
    body: ChangePasswordBody,
    bodyKind: 'json',
    success: { status: 204, description: 'Password changed' },
    errors: [400, 401, 415, 422],
    async handle(input, { app }) {
      await app.users.changePassword.execute({ userId: callerOf(input).userId, ...input.body });
      return { status: 204 };
    },
  }),
  defineOperation({
    operationId: 'deleteMe',
    method: 'delete',
    path: '/users/me',
    tag,
    summary: 'Delete your account and everything it owns; a goodbye email is queued',
    auth: 'user',
    bodyKind: 'none',
    success: { status: 204, description: 'Account deleted' },
    errors: [401],
    async handle(input, { app }) {
      await app.users.deleteAccount.execute(callerOf(input).userId);
      return { status: 204 };
    },
  }),
  defineOperation({
    operationId: 'listUsers',
    method: 'get',
    path: '/users',
    tag,
    summary: 'All users, newest first (administrators only)',
    auth: 'user',
    query: PageQuery,
    bodyKind: 'none',
    success: { status: 200, description: 'A page of users', schema: pageOf(Me) },
    errors: [400, 401, 403],
    async handle(input, { app, present }) {
      const page = await app.users.listUsers.execute({
        requesterId: callerOf(input).userId,
        page: input.query,
      });
      return { status: 200, body: present.page(page, (v) => present.me(v)) };
    },
  }),
  defineOperation({
    operationId: 'addMyPicture',
    method: 'post',
    path: '/users/me/pictures',
    tag,
    summary: 'Upload a profile picture (JPEG, PNG or WebP, at most 10 MiB); the first is your avatar',
    auth: 'user',
    bodyKind: 'multipart',
    success: { status: 201, description: 'The stored picture', schema: Picture },
    errors: [400, 401, 413, 415, 422],
    async handle(input, { app, present }) {
      const picture = await app.users.addUserPicture.execute({
        userId: callerOf(input).userId,
        bytes: input.file?.bytes ?? new Uint8Array(),
      });
      return { status: 201, body: present.picture(picture) };
    },
  }),
  defineOperation({
    operationId: 'removeMyPicture',
    method: 'delete',
    path: '/users/me/pictures/{pictureId}',
    tag,
    summary: 'Delete one of your profile pictures',
    auth: 'user',
    params: PictureParams,
    bodyKind: 'none',
    success: { status: 204, description: 'Picture deleted' },
    errors: [400, 401, 404],
    async handle(input, { app }) {
      await app.users.removeUserPicture.execute({
        userId: callerOf(input).userId,
        pictureId: input.params.pictureId,
      });
      return { status: 204 };
    },
  }),
];
