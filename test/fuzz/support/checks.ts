import { isDeepStrictEqual } from 'node:util';
import type { Operation } from '../../../src/adapters/http-common/api/operation.js';
import { OPERATIONS } from '../../../src/adapters/http-common/api/operations.js';
import { Problem } from '../../../src/adapters/http-common/schemas/common.js';
import type { TestKit } from '../../../src/application/testing/test-kit.js';
import { describeRequest, type FuzzRequest, type RawResponse } from './http.js';
import { MEDIA_BASE_URL, type Side } from './world.js';

const OPERATION_BY_ID = new Map(OPERATIONS.map((op) => [op.operationId, op]));

export function operationOf(req: FuzzRequest): Operation {
  const op = OPERATION_BY_ID.get(req.op);
  if (!op) throw new Error(`unknown operation ${req.op}`);
  return op;
}

/** Statuses `req` may be answered with (property 2). */
export function allowedStatuses(op: Operation, req: FuzzRequest): Set<number> {
  const allowed = new Set([op.success.status, ...op.errors]);
  if (op.auth === 'user') allowed.add(401);
  if (req.mayMissRoute) allowed.add(404);
  return allowed;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const TIMESTAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g;
const BASES = /\/(api|fastify)\/v1(?=\/|$|\?|'|")/g;

/**
 * Makes two answers comparable: ids become `<id1>`, `<id2>`… by order of first appearance,
 * timestamps `<ts>`, the API base `<base>`, picture URLs `<media>`. Both apps run identical
 * fakes, so ids and timestamps match anyway; the normalisation keeps the comparison about the
 * HTTP layer.
 */
export class Normalizer {
  private readonly ids = new Map<string, string>();

  text(value: string): string {
    return value
      .split(MEDIA_BASE_URL)
      .join('<media>')
      .replace(BASES, '<base>')
      .replace(TIMESTAMP, '<ts>')
      .replace(UUID, (id) => {
        const key = id.toLowerCase();
        if (!this.ids.has(key)) this.ids.set(key, `<id${this.ids.size + 1}>`);
        return this.ids.get(key)!;
      });
  }

  json(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((v) => this.json(v));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.json(v)]));
    }
    return value;
  }
}

/** The headers the contract cares about. */
const COMPARED_HEADERS = [
  'content-type',
  'location',
  'www-authenticate',
  'retry-after',
  'cache-control',
  'allow',
];

export interface Observed {
  readonly status: number;
  readonly headers: Record<string, string | undefined>;
  readonly body: unknown;
}

export function observe(res: RawResponse): Observed {
  const normalizer = new Normalizer();
  const headers: Record<string, string | undefined> = {};
  for (const name of COMPARED_HEADERS) {
    const value = res.headers[name];
    headers[name] =
      value === undefined ? undefined : normalizer.text(String(value).toLowerCase().replace(/\s+/g, ''));
  }
  return { status: res.status, headers, body: normalizer.json(parseBody(res)) };
}

function parseBody(res: RawResponse): unknown {
  const text = res.body.toString('utf8');
  if (/json/.test(String(res.headers['content-type'] ?? ''))) {
    try {
      return JSON.parse(text);
    } catch {
      return { unparsableJson: text };
    }
  }
  return text;
}

/** Properties 1–3 for one app's answer: the problems found (empty when it is fine). */
export function contractViolations(op: Operation, req: FuzzRequest, res: RawResponse): string[] {
  const problems: string[] = [];
  const type = String(res.headers['content-type'] ?? '');
  if (res.status >= 500) problems.push(`5xx answer (${res.status})`);
  if (!allowedStatuses(op, req).has(res.status)) {
    problems.push(
      `status ${res.status} is neither ${op.success.status} nor a declared error [${op.errors.join(', ')}]`,
    );
  }
  let body: unknown;
  if (res.body.length > 0) {
    try {
      body = JSON.parse(res.body.toString('utf8'));
    } catch {
      problems.push('body is not JSON');
    }
  }
  if (req.method === 'HEAD') {
    // The GET's status and headers, never a body.
    if (res.body.length > 0) problems.push('HEAD answer has a body');
    if (res.status >= 400 && !/^application\/problem\+json\b/.test(type)) {
      problems.push(`error content-type is "${type}"`);
    }
  } else if (res.status >= 200 && res.status < 300) {
    if (res.status === 204 || !op.success.schema) {
      if (res.body.length > 0) problems.push(`${res.status} answer has a body`);
    } else {
      if (!/^application\/json\b/.test(type)) problems.push(`success content-type is "${type}"`);
      const parsed = op.success.schema.safeParse(body);
      if (!parsed.success) problems.push(`success body does not match the schema: ${parsed.error.message}`);
    }
  } else if (res.status >= 400) {
    if (!/^application\/problem\+json\b/.test(type)) problems.push(`error content-type is "${type}"`);
    const parsed = Problem.safeParse(body);
    if (!parsed.success) problems.push(`error body is not a Problem: ${parsed.error.message}`);
    else {
      if (parsed.data.status !== res.status)
        problems.push(`problem.status ${parsed.data.status} ≠ ${res.status}`);
      if (res.status === 404 && parsed.data.code === 'ROUTE.NOT_FOUND' && !req.mayMissRoute) {
        problems.push('route miss for a request on a defined route');
      }
      if (res.status === 400 && parsed.data.code === 'VALIDATION.FAILED' && !parsed.data.errors?.length) {
        problems.push('validation problem without errors');
      }
    }
    if (res.status === 401 && res.headers['www-authenticate'] !== 'Bearer') {
      problems.push(`401 without "WWW-Authenticate: Bearer" (${String(res.headers['www-authenticate'])})`);
    }
    if (res.status === 429 && !res.headers['retry-after']) problems.push('429 without Retry-After');
  }
  if (res.status === 201 && ['signUp', 'addSock'].includes(op.operationId) && !res.headers.location) {
    problems.push('201 without Location');
  }
  return problems;
}

function show(res: RawResponse): string {
  const text = res.body.toString('utf8');
  return `${res.status} ${String(res.headers['content-type'] ?? '')} ${text.length > 1500 ? `${text.slice(0, 1500)}…` : text}`;
}

/** Properties 1–4 for one request answered by both apps; throws with the whole story. */
export function check(req: FuzzRequest, express: RawResponse, fastify: RawResponse): void {
  const op = operationOf(req);
  const failures: string[] = [];
  for (const [name, res] of [
    ['express', express],
    ['fastify', fastify],
  ] as const) {
    for (const p of contractViolations(op, req, res)) failures.push(`${name}: ${p}`);
  }
  const a = observe(express);
  const b = observe(fastify);
  if (!isDeepStrictEqual(a, b)) {
    failures.push(`the apps disagree:\n  express ${JSON.stringify(a)}\n  fastify ${JSON.stringify(b)}`);
  }
  if (failures.length > 0) {
    throw new Error(
      [
        ...failures,
        'request:',
        describeRequest(req),
        `express answered: ${show(express)}`,
        `fastify answered: ${show(fastify)}`,
      ].join('\n'),
    );
  }
}

/** The state of one side, for the lockstep check (the kits run identical fakes). */
function stateOf(kit: TestKit): unknown {
  const tables = Object.fromEntries(
    Object.entries(kit.db.tables).map(([name, table]) => [
      name,
      [...(table as Map<string, unknown>).entries()],
    ]),
  );
  return { tables, stored: [...kit.pictureStore.stored].sort(), now: kit.clock.now().toISOString() };
}

/** After a request, both states must still be identical (else the apps did different things). */
export function checkLockstep(req: FuzzRequest, express: Side, fastify: Side): void {
  if (!isDeepStrictEqual(stateOf(express.kit), stateOf(fastify.kit))) {
    throw new Error(`the two states diverged after:\n${describeRequest(req)}`);
  }
}
