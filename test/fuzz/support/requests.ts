import fc from 'fast-check';
import { z } from 'zod';
import type { Operation } from '../../../src/adapters/http-common/api/operation.js';
import { REQUEST_LIMITS } from '../../../src/adapters/http-common/request-limits.js';
import type { Fixture, UserName } from './world.js';
import { printable, type FuzzRequest } from './http.js';

/**
 * Request arbitraries derived from the operation table: the JSON Schema of each zod schema
 * (`z.toJSONSchema(schema, { io: 'input' })`) is turned into a fast-check arbitrary; fields whose
 * meaning a schema cannot tell (ids, usernames, passwords, tokens, dates with a domain meaning)
 * get hints over the fixture, so that most valid requests reach the use cases (existing ids,
 * correct passwords, taken usernames) instead of stopping at validation.
 */

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  items?: JsonSchema;
};

const jsonSchemas = new WeakMap<z.ZodType, JsonSchema>();

export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  let json = jsonSchemas.get(schema);
  if (!json) {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    jsonSchemas.set(schema, json);
  }
  return json;
}

/** A request before it is put on the wire. */
export interface Draft {
  readonly op: Operation;
  readonly authorization: string | null;
  readonly params: Record<string, string>;
  readonly query: Record<string, string>;
  /** JSON value of the body; undefined for none. */
  readonly body: unknown;
  readonly bodyAs: 'json' | 'form';
  /** For multipart operations: the parts to send. */
  readonly multipart: MultipartSpec | null;
}

export interface MultipartSpec {
  readonly boundary: string;
  readonly parts: readonly MultipartPart[];
}

export interface MultipartPart {
  readonly name: string;
  readonly filename: string | null;
  readonly contentType: string | null;
  readonly data: Buffer;
}

// ---------------------------------------------------------------------------------------------
// Strings, dates, numbers

/** Characters that make strings interesting: ASCII, accents, CJK, emoji, RTL, zero-width. */
const interestingChar = fc.oneof(
  { weight: 12, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('é', 'ß', 'Ω', '中', '文', '🧦', '👍🏽', 'ع', '\u200b', '\u00a0', ' ', '\t'),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
);

/** Trims like zod's `.trim()` and fits the length (UTF-16 units, as zod counts) into [min, max]. */
function fit(raw: string, min: number, max: number, trim: boolean): string {
  let s = trim ? raw.trim() : raw;
  if (s.length > max) s = s.slice(0, max);
  if (trim) s = s.trim();
  // Cut surrogate pairs are fine for JSON, but keep the value well-formed.
  s = s.replace(/[\ud800-\udbff]$/, '');
  while (s.length < min) s += 'x';
  return s;
}

export function textArb(min: number, max: number, trim = true): fc.Arbitrary<string> {
  const short = fc.string({ unit: interestingChar, maxLength: Math.min(max, 40) });
  const any = fc.string({ unit: interestingChar, maxLength: Math.min(max, 400) });
  const nearMax = fc
    .integer({ min: Math.max(min, max - 3), max })
    .chain((n) => fc.constantFrom('a', 'é', 'z').map((c) => c.repeat(n)));
  return fc
    .oneof({ weight: 10, arbitrary: short }, { weight: 3, arbitrary: any }, { weight: 1, arbitrary: nearMax })
    .map((s) => fit(s, min, max, trim));
}

const MIN_DATE = new Date('1900-01-01T00:00:00.000Z');

export function dateArb(min: Date = MIN_DATE, max: Date = new Date('2026-11-28T00:00:00.000Z')) {
  return fc.date({ min, max, noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
}

/** Separation dates must not be in the future; the schema compares with the real today. */
function pastDate(): fc.Arbitrary<string> {
  const today = new Date(new Date().toISOString().slice(0, 10));
  const yesterday = new Date(Math.min(today.getTime(), Date.parse('2026-11-29')) - 86_400_000);
  return dateArb(new Date('1990-01-01'), yesterday);
}

// ---------------------------------------------------------------------------------------------
// JSON Schema → arbitrary

type Hints = Readonly<Record<string, fc.Arbitrary<unknown>>>;

export function fromSchema(schema: JsonSchema, hints: Hints, name = ''): fc.Arbitrary<unknown> {
  const hint = hints[name];
  if (hint) return hint;
  if (schema.anyOf ?? schema.oneOf) {
    return fc.oneof(...(schema.anyOf ?? schema.oneOf ?? []).map((s) => fromSchema(s, hints, name)));
  }
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = (Array.isArray(schema.type) ? schema.type[0] : schema.type) ?? 'any';
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer': {
      const min = schema.minimum ?? -1_000_000;
      const max = schema.maximum ?? 1_000_000;
      return fc.oneof(fc.constantFrom(min, max), fc.integer({ min, max }));
    }
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case 'string': {
      if (schema.format === 'uuid') return fc.uuid();
      if (schema.format === 'date') return dateArb();
      const min = schema.minLength ?? 0;
      const max = schema.maxLength ?? 100;
      if (schema.pattern) {
        return fc
          .stringMatching(new RegExp(schema.pattern))
          .filter((s) => s.trim().length >= min && s.length <= max);
      }
      return textArb(min, max);
    }
    case 'array':
      return fc.array(schema.items ? fromSchema(schema.items, hints) : fc.jsonValue(), { maxLength: 3 });
    case 'object': {
      const properties = schema.properties ?? {};
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, s] of Object.entries(properties)) model[key] = fromSchema(s, hints, key);
      const required = (schema.required ?? []).filter((k) => k in model);
      return fc.record(model, { requiredKeys: required });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

// ---------------------------------------------------------------------------------------------
// Hints over the fixture

export interface Pools {
  readonly fixture: Fixture;
  /** Ids the sequential generator will hand out next: entities created during a run. */
  readonly futureIds: readonly string[];
}

/** Mostly the caller's own ids (so requests pass the ownership checks), else others', unknown, random. */
function idFrom(own: readonly string[], all: readonly string[], pools: Pools): fc.Arbitrary<string> {
  const others = all.filter((id) => !own.includes(id));
  const choices: fc.WeightedArbitrary<string>[] = [
    { weight: 3, arbitrary: fc.constantFrom(...pools.fixture.unknownIds, ...pools.futureIds) },
    { weight: 1, arbitrary: fc.uuid() },
    // Upper-case UUIDs are valid UUIDs too.
    { weight: 1, arbitrary: fc.constantFrom(...all).map((id) => id.toUpperCase()) },
  ];
  if (own.length > 0) choices.push({ weight: 14, arbitrary: fc.constantFrom(...own) });
  if (others.length > 0) choices.push({ weight: 5, arbitrary: fc.constantFrom(...others) });
  return fc.oneof(...choices);
}

const EXISTING_EMAILS = ['alice@example.com', 'BOB@example.com', ' carol@example.com '];

function emailArb(): fc.Arbitrary<string> {
  const word = fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,15}$/);
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(word, word, fc.constantFrom('com', 'de', 'org'))
        .map(([a, b, c]) => `${a}@${b}.${c}`),
    },
    { weight: 2, arbitrary: fc.constantFrom(...EXISTING_EMAILS) },
    { weight: 1, arbitrary: fc.emailAddress().filter((e) => e.length <= 254) },
  );
}

function socialLinkArb(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constant(null),
    fc.constant(''),
    fc.constantFrom('https://instagram.com/sox', ' http://example.org/a?b=c '),
    fc.webUrl().filter((u) => u.length <= 255),
  );
}

/** Built once per pools and caller: some arbitraries (emailAddress) are slow to build. */
const hintsCache = new WeakMap<Pools, Map<UserName, Hints>>();

export function hintsFor(pools: Pools, caller: UserName): Hints {
  const cached = hintsCache.get(pools)?.get(caller);
  if (cached) return cached;
  const hints = buildHints(pools, caller);
  if (!hintsCache.has(pools)) hintsCache.set(pools, new Map());
  hintsCache.get(pools)!.set(caller, hints);
  return hints;
}

function buildHints(pools: Pools, caller: UserName): Hints {
  const f = pools.fixture;
  const mine = f.owned[caller];
  const passwords = Object.values(f.passwords);
  const othersSocks = f.sockIds.filter((id) => !mine.socks.includes(id));
  return {
    sockId: idFrom(mine.socks, f.sockIds, pools),
    targetSockId: idFrom(othersSocks, f.sockIds, pools),
    pictureId: idFrom(
      [...mine.profilePictures, ...mine.sockPictures.map((p) => p.pictureId)],
      f.pictureIds,
      pools,
    ),
    matchId: idFrom(mine.matches, f.matchIds, pools),
    mailId: idFrom(mine.mails, f.mailIds, pools),
    before: idFrom(f.messageIds, f.messageIds, pools),
    username: fc.oneof(
      { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z0-9_.-]{3,30}$/) },
      { weight: 2, arbitrary: fc.constantFrom('alice', 'bob', 'carol', 'Alice', 'BOB', ' carol ') },
    ),
    password: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...passwords) },
      { weight: 2, arbitrary: textArb(8, 200, false) },
    ),
    currentPassword: fc.oneof(
      { weight: 6, arbitrary: fc.constant(f.passwords[caller]) },
      { weight: 1, arbitrary: fc.constantFrom(...passwords) },
      { weight: 1, arbitrary: textArb(1, 200, false) },
    ),
    newPassword: textArb(8, 200, false),
    refresh_token: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...f.refreshTokens.valid) },
      { weight: 2, arbitrary: fc.constantFrom(f.refreshTokens.spent, f.refreshTokens.expired) },
      { weight: 1, arbitrary: textArb(1, 512) },
    ),
    email: emailArb(),
    birthday: fc.oneof(
      { weight: 5, arbitrary: dateArb(new Date('1920-01-01'), new Date('2005-01-01')) },
      { weight: 1, arbitrary: dateArb(new Date('2005-01-01'), new Date('2026-11-28')) },
      { weight: 1, arbitrary: fc.constantFrom('2008-11-29', '2008-11-30', '1900-01-01') },
    ),
    separationDate: pastDate(),
    city: fc.oneof(fc.constantFrom('Berlin', ' paris ', 'MUNICH', 'Atlantis'), textArb(1, 255)),
    instagram: socialLinkArb(),
    facebook: socialLinkArb(),
    twitter: socialLinkArb(),
    spotify: socialLinkArb(),
    page: fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 1, max: 3 }) },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 1_000_000 }) },
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Valid drafts

/** Who makes the generated requests, and how often. */
export const CALLERS: readonly (readonly [UserName, number])[] = [
  ['alice', 5],
  ['bob', 3],
  ['carol', 2],
];

/** The caller's valid Authorization header (the scheme is case-insensitive, RFC 7235). */
export function authArb(f: Fixture, caller: UserName): fc.Arbitrary<string> {
  const token = f.tokens[caller];
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant(`Bearer ${token}`) },
    { weight: 1, arbitrary: fc.constantFrom(`bearer ${token}`, `BEARER  ${token}`) },
  );
}

const IMAGE_MAGIC: Readonly<Record<string, readonly number[]>> = {
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff, 0xe0],
  'image/webp': [0x52, 0x49, 0x46, 0x46, 0x10, 0, 0, 0, 0x57, 0x45, 0x42, 0x50],
};

export function imageBytes(type: string, rest: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(IMAGE_MAGIC[type] as number[]), Buffer.from(rest)]);
}

const boundaryArb = fc.stringMatching(/^[A-Za-z0-9'()+_,.-]{1,60}$/).filter((b) => !/[ .]$/.test(b));

function multipartArb(): fc.Arbitrary<MultipartSpec> {
  const file = fc
    .record({
      type: fc.constantFrom('image/png', 'image/jpeg', 'image/webp'),
      declared: fc.constantFrom('image/png', 'image/jpeg', 'application/octet-stream', null),
      filename: fc.oneof(
        fc.constantFrom('sock.png', 'ü.jpg', '../../etc/passwd', 'a"b.webp'),
        fc.string({ maxLength: 20 }),
      ),
      rest: fc.uint8Array({ maxLength: 300 }),
    })
    .map(({ type, declared, filename, rest }): MultipartPart => ({
      name: 'file',
      filename,
      contentType: declared,
      data: imageBytes(type, rest),
    }));
  const field: fc.Arbitrary<MultipartPart> = fc.record({
    name: fc.constantFrom('caption', 'title', 'x'),
    filename: fc.constant(null),
    contentType: fc.constant(null),
    data: fc.string({ maxLength: 30 }).map((s) => Buffer.from(s)),
  });
  return fc
    .tuple(boundaryArb, fc.array(field, { maxLength: 2 }), file, fc.array(field, { maxLength: 2 }))
    .map(([boundary, before, f, after]) => ({ boundary, parts: [...before, f, ...after] }));
}

/**
 * Pairs of fields a schema cannot relate: a login with the user's own password, a picture of the
 * sock in the path. Applied to some of the drafts, so the rest keep exploring.
 */
const CORRELATIONS: Readonly<Record<string, (caller: UserName, f: Fixture) => fc.Arbitrary<Partial<Draft>>>> =
  {
    issueToken: (caller, f) =>
      fc.constantFrom<UserName>('alice', 'bob', 'carol').map((name) => ({
        body: { username: name === caller ? name : name.toUpperCase(), password: f.passwords[name] },
      })),
    removeSockPicture: (caller, f) =>
      fc
        .constantFrom(...f.owned[caller].sockPictures)
        .map(({ sockId, pictureId }) => ({ params: { sockId, pictureId } })),
  };

function draftArb(op: Operation, pools: Pools, caller: UserName): fc.Arbitrary<Draft> {
  const hints = hintsFor(pools, caller);
  const f = pools.fixture;
  const params = op.params ? fromSchema(jsonSchemaOf(op.params), hints) : fc.constant({});
  const query = op.query ? fromSchema(jsonSchemaOf(op.query), hints) : fc.constant({});
  const body = op.body ? fromSchema(jsonSchemaOf(op.body), hints) : fc.constant(undefined);
  const authorization =
    op.auth === 'user'
      ? authArb(f, caller)
      : fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: authArb(f, caller) });
  const bodyAs = op.bodyKind === 'json-or-form' ? fc.constantFrom('json', 'form') : fc.constant('json');
  const multipart = op.bodyKind === 'multipart' ? multipartArb() : fc.constant(null);
  const draft = fc.record({ authorization, params, query, body, bodyAs, multipart }).map((d): Draft => ({
    op,
    authorization: d.authorization,
    params: d.params as Record<string, string>,
    query: Object.fromEntries(
      Object.entries(d.query as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
    ),
    body: d.body,
    bodyAs: d.bodyAs as 'json' | 'form',
    multipart: d.multipart,
  }));
  const correlate = CORRELATIONS[op.operationId];
  const mine = correlate?.(caller, f);
  if (!mine) return draft;
  return fc.oneof(
    draft,
    fc.tuple(draft, mine).map(([d, patch]): Draft => ({ ...d, ...patch })),
  );
}

/** Valid requests of `op`, on the wire. */
export function validRequestArb(op: Operation, pools: Pools): fc.Arbitrary<FuzzRequest> {
  return validDraftArb(op, pools).map((draft) => printable(render(draft)));
}

const draftsCache = new WeakMap<Pools, Map<Operation, fc.Arbitrary<Draft>>>();

/** Valid drafts of `op`, by a weighted choice of callers (built once per pools and operation). */
export function validDraftArb(op: Operation, pools: Pools): fc.Arbitrary<Draft> {
  if (!draftsCache.has(pools)) draftsCache.set(pools, new Map());
  const cache = draftsCache.get(pools)!;
  let arb = cache.get(op);
  if (!arb) {
    arb = fc.oneof(
      ...CALLERS.map(([caller, weight]) => ({ weight, arbitrary: draftArb(op, pools, caller) })),
    );
    cache.set(op, arb);
  }
  return arb;
}

// ---------------------------------------------------------------------------------------------
// Rendering

export function renderPath(op: Operation, params: Readonly<Record<string, string>>, raw = false): string {
  return op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = params[name] ?? '';
    return raw ? value : encodeURIComponent(value);
  });
}

/** RFC 2046 boundaries may hold characters a header parameter must quote (RFC 9110 §5.6.6). */
export function boundaryParameter(boundary: string): string {
  return /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(boundary) ? boundary : `"${boundary}"`;
}

export function renderMultipart(spec: MultipartSpec): Buffer {
  const chunks: Buffer[] = [];
  for (const part of spec.parts) {
    const disposition =
      `Content-Disposition: form-data; name="${part.name}"` +
      (part.filename !== null ? `; filename="${part.filename.replace(/["\r\n]/g, '_')}"` : '');
    const type = part.contentType ? `\r\nContent-Type: ${part.contentType}` : '';
    chunks.push(
      Buffer.from(`--${spec.boundary}\r\n${disposition}${type}\r\n\r\n`),
      part.data,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${spec.boundary}--\r\n`));
  return Buffer.concat(chunks);
}

export function formEncode(body: unknown): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    search.append(k, typeof v === 'string' ? v : JSON.stringify(v));
  }
  return search.toString();
}

export function render(draft: Draft, kind = 'valid'): FuzzRequest {
  const op = draft.op;
  const headers: Record<string, string> = {};
  if (draft.authorization !== null) headers.Authorization = draft.authorization;
  let body: string | Buffer | null = null;
  if (draft.multipart) {
    headers['Content-Type'] = `multipart/form-data; boundary=${boundaryParameter(draft.multipart.boundary)}`;
    body = renderMultipart(draft.multipart);
  } else if (draft.body !== undefined) {
    if (draft.bodyAs === 'form') {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      body = formEncode(draft.body);
    } else {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(draft.body);
    }
  }
  return {
    op: op.operationId,
    kind,
    method: op.method.toUpperCase(),
    path: renderPath(op, draft.params),
    query: new URLSearchParams(draft.query).toString(),
    headers,
    body,
    mayMissRoute: false,
  };
}

export const BODY_LIMIT = REQUEST_LIMITS.bodyBytes;
