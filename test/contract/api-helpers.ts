import sharp from 'sharp';
import type { Response, Test } from 'supertest';
import type { z } from 'zod';
import { Problem } from '../../src/adapters/http-common/schemas/common.js';
import { Me } from '../../src/adapters/http-common/schemas/users.js';
import { Sock } from '../../src/adapters/http-common/schemas/socks.js';
import { Picture } from '../../src/adapters/http-common/schemas/common.js';
import { TokenPair } from '../../src/adapters/http-common/schemas/auth.js';
import type { ApiName, ApiTarget, TargetFactory } from '../support/api-target.js';

export const API_NAMES: readonly ApiName[] = ['express', 'fastify'];

/** The password of every user the scenarios sign up (unless they choose another). */
export const PASSWORD = 'correct horse battery';

/**
 * How long one factory call's state lives: `per-test` (each test starts from empty state), or
 * `per-group` (the tests of a `describe` share it: they only look at what they created).
 */
export type StateScope = 'per-test' | 'per-group';

/** The target named `name` of a factory call, started and closed around each test or group. */
export function useTarget(makeTargets: TargetFactory, name: ApiName, scope: StateScope): () => ApiTarget {
  let targets: ApiTarget[] = [];
  let current: ApiTarget | undefined;
  const start = async () => {
    targets = await makeTargets();
    current = targets.find((t) => t.name === name);
    if (!current) throw new Error(`the target factory did not start the ${name} API`);
  };
  const stop = async () => {
    await Promise.all(targets.map((t) => t.close()));
    targets = [];
    current = undefined;
  };
  if (scope === 'per-test') {
    beforeEach(start);
    afterEach(stop);
  } else {
    beforeAll(start);
    afterAll(stop);
  }
  return () => {
    if (!current) throw new Error('no target outside a test');
    return current;
  };
}

/** Both targets of one factory call, for scenarios that span the two APIs. */
export function useTargets(makeTargets: TargetFactory): () => Record<ApiName, ApiTarget> {
  let targets: ApiTarget[] = [];
  beforeEach(async () => {
    targets = await makeTargets();
  });
  afterEach(async () => {
    await Promise.all(targets.map((t) => t.close()));
    targets = [];
  });
  return () => {
    const pick = (name: ApiName): ApiTarget => {
      const target = targets.find((t) => t.name === name);
      if (!target) throw new Error(`the target factory did not start the ${name} API`);
      return target;
    };
    return { express: pick('express'), fastify: pick('fastify') };
  };
}

// ---------------------------------------------------------------------------------------------
// Requests

const SECRET_FIELDS =
  /"(password|passwordHash|password_hash|tokenHash|token_hash|currentPassword|newPassword)"\s*:/;

/**
 * Every response of the suite goes through this: no secret field and no password hash, ever,
 * in any body (also not in error bodies).
 */
function noSecrets(res: Response): void {
  const text = typeof res.text === 'string' ? res.text : JSON.stringify(res.body ?? null);
  const leaks = [
    SECRET_FIELDS.exec(text)?.[0],
    text.includes(PASSWORD) ? 'the plain-text password' : undefined,
    text.includes('$argon2') ? 'an argon2 hash' : undefined,
    text.includes('hashed:') ? 'a password hash' : undefined,
  ].filter(Boolean);
  if (leaks.length > 0) throw new Error(`the response leaks ${leaks.join(', ')}: ${text.slice(0, 500)}`);
}

export interface Client {
  get(path: string): Test;
  post(path: string): Test;
  put(path: string): Test;
  patch(path: string): Test;
  delete(path: string): Test;
}

/** Requests under the target's base, with `Authorization: Bearer <token>` when a token is given. */
export function api(target: ApiTarget, token?: string): Client {
  const make = (method: 'get' | 'post' | 'put' | 'patch' | 'delete') => (path: string) => {
    const test = target.http()[method](`${target.base}${path}`);
    if (token !== undefined) void test.set('Authorization', `Bearer ${token}`);
    return test.expect(noSecrets);
  };
  return {
    get: make('get'),
    post: make('post'),
    put: make('put'),
    patch: make('patch'),
    delete: make('delete'),
  };
}

/** Requests at the app's root (operations endpoints). */
export function root(target: ApiTarget): Pick<Client, 'get'> {
  return { get: (path) => target.http().get(path).expect(noSecrets) };
}

// ---------------------------------------------------------------------------------------------
// Assertions

/** Status first, showing the body when it is not the expected one. */
export function expectStatus(res: Response, status: number): void {
  if (res.status !== status) {
    throw new Error(`expected ${status}, got ${res.status}: ${res.text?.slice(0, 800)}`);
  }
}

/** A success answer: status, JSON, and a body that parses with the contract's strict schema. */
export function expectBody<S extends z.ZodType>(res: Response, status: number, schema: S): z.output<S> {
  expectStatus(res, status);
  expect(res.headers['content-type']).toMatch(/^application\/json\b/);
  const parsed = schema.safeParse(res.body);
  if (!parsed.success) {
    throw new Error(
      `the ${status} body does not match the schema: ${parsed.error.message}\n${JSON.stringify(res.body).slice(0, 800)}`,
    );
  }
  return parsed.data;
}

/** A 204: no body at all. */
export function expectNoContent(res: Response): void {
  expectStatus(res, 204);
  expect(res.text ?? '').toBe('');
}

/** An RFC 9457 problem with the contract's `code`; a 401 also names the Bearer scheme. */
export function expectProblem(res: Response, status: number, code?: string): z.output<typeof Problem> {
  expectStatus(res, status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json\b/);
  const problem = Problem.parse(res.body);
  expect(problem.status).toBe(status);
  if (code !== undefined) expect(problem.code).toBe(code);
  if (status === 401) expect(res.headers['www-authenticate']).toMatch(/^Bearer\b/);
  if (status === 429) expect(res.headers['retry-after']).toMatch(/^[1-9]\d*$/);
  return problem;
}

/** A 400 whose `errors` name (at least) exactly these paths, each once. */
export function expectInvalid(res: Response, paths: readonly string[]): z.output<typeof Problem> {
  const problem = expectProblem(res, 400);
  const listed = (problem.errors ?? []).map((e) => e.path);
  for (const path of paths) expect(listed).toContain(path);
  for (const e of problem.errors ?? []) expect(e.message).not.toBe('');
  return problem;
}

/** Picture URLs are absolute and fetchable addresses, the thumbnail distinct from the picture. */
export function expectPictureUrls(picture: z.output<typeof Picture>): void {
  expect(picture.url).toMatch(/^https?:\/\/\S+$/);
  expect(picture.thumbnailUrl).toMatch(/^https?:\/\/\S+$/);
  expect(picture.thumbnailUrl).not.toBe(picture.url);
}

// ---------------------------------------------------------------------------------------------
// Arranging through the API

let counter = 0;
const runTag = Math.random().toString(36).slice(2, 6);

/** A username nobody else uses (also against a shared, long-lived database): at most 30 characters. */
export function uniqueName(prefix = 'user'): string {
  counter += 1;
  return `${prefix.slice(0, 14)}_${runTag}${counter}`;
}

export interface Session {
  readonly id: string;
  readonly username: string;
  readonly email: string;
  readonly password: string;
  readonly token: string;
  readonly refreshToken: string;
  readonly me: z.output<typeof Me>;
}

export function signUpBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const username = (overrides.username as string | undefined) ?? uniqueName();
  return {
    username,
    email: `${username.toLowerCase()}@example.com`,
    password: PASSWORD,
    birthday: '1990-06-15',
    gender: 'female',
    city: 'Berlin',
    firstName: 'Sam',
    ...overrides,
  };
}

/** Signs up (201) and logs in (JSON password grant). */
export async function signUp(target: ApiTarget, overrides: Record<string, unknown> = {}): Promise<Session> {
  const body = signUpBody(overrides);
  const me = expectBody(await api(target).post('/users').send(body), 201, Me);
  const pair = await logIn(target, me.username, body.password as string);
  return {
    id: me.id,
    username: me.username,
    email: me.email,
    password: body.password as string,
    token: pair.access_token,
    refreshToken: pair.refresh_token,
    me,
  };
}

export async function logIn(
  target: ApiTarget,
  username: string,
  password: string = PASSWORD,
): Promise<z.output<typeof TokenPair>> {
  return expectBody(await api(target).post('/auth/token').send({ username, password }), 200, TokenPair);
}

export function sockBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Lonely Larry',
    story: 'Lost its partner in a washing machine in 2019.',
    color: 'black',
    fabric: 'wool',
    thickness: 'winter-type',
    brand: 'odd-sock',
    type: 'crew',
    size: '41-45',
    age: 3,
    separationDate: '2025-06-01',
    condition: 'well-loved',
    holes: 1,
    kilometers: 120,
    environment: 'indoor',
    washedPerWeek: 1,
    specialty: 'Smells of adventure',
    ...overrides,
  };
}

/** Adds a sock (201), with one picture unless `pictures: 0`. */
export async function addSock(
  target: ApiTarget,
  session: Session,
  overrides: Record<string, unknown> = {},
  options: { pictures?: number } = {},
): Promise<z.output<typeof Sock>> {
  const sock = expectBody(
    await api(target, session.token).post('/socks').send(sockBody(overrides)),
    201,
    Sock,
  );
  for (let i = 0; i < (options.pictures ?? 1); i++) {
    expectBody(await uploadPicture(target, session, `/socks/${sock.id}/pictures`), 201, Picture);
  }
  return expectBody(await api(target, session.token).get(`/socks/${sock.id}`), 200, Sock);
}

export async function uploadPicture(
  target: ApiTarget,
  session: Session,
  path: string,
  file?: { bytes: Buffer; filename: string; contentType: string },
): Promise<Response> {
  const upload = file ?? { bytes: await aPng(), filename: 'sock.png', contentType: 'image/png' };
  return api(target, session.token)
    .post(path)
    .attach('file', upload.bytes, { filename: upload.filename, contentType: upload.contentType });
}

// ---------------------------------------------------------------------------------------------
// Files

let png: Promise<Buffer> | null = null;
let gif: Promise<Buffer> | null = null;

/** A real, decodable PNG (a real picture store re-encodes it). */
export function aPng(): Promise<Buffer> {
  png ??= sharp({ create: { width: 32, height: 24, channels: 3, background: { r: 200, g: 30, b: 90 } } })
    .png()
    .toBuffer();
  return png;
}

/** A real GIF: a picture, but not one of the accepted types. */
export function aGif(): Promise<Buffer> {
  gif ??= sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 0, g: 0, b: 255 } } })
    .gif()
    .toBuffer();
  return gif;
}

/** A PNG signature followed by padding: more than 10 MiB, to be refused before it is decoded. */
export function anOversizedPng(): Buffer {
  const bytes = Buffer.alloc(10 * 1024 * 1024 + 1, 0);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  return bytes;
}

/** The element at `index`, failing the test when it is missing. */
export function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`expected an element at index ${index} of ${items.length}`);
  return item;
}

/** A syntactically valid id that names nothing. */
export const UNKNOWN_ID = '7d1f8c1e-3b4a-4c5d-9e6f-000000000000';
