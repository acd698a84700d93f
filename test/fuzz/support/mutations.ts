import fc from 'fast-check';
import { deflateSync, gzipSync } from 'node:zlib';
import type { Operation } from '../../../src/adapters/http-common/api/operation.js';
import { OPERATIONS } from '../../../src/adapters/http-common/api/operations.js';
import { printable, type FuzzRequest } from './http.js';
import {
  BODY_LIMIT,
  boundaryParameter,
  formEncode,
  imageBytes,
  jsonSchemaOf,
  render,
  renderMultipart,
  renderPath,
  validDraftArb,
  type Draft,
  type Pools,
} from './requests.js';

/**
 * Mutations of valid requests: each takes a valid draft and yields a request that is wrong in one
 * way (a missing or unknown field, a wrong type, a value out of range, a broken path id, a
 * malformed body, a wrong Content-Type, a bad token, repeated or huge query values, broken
 * multipart). Every mutation names itself in `kind`, so a failure says what was tried.
 */
type Mutation = {
  readonly name: string;
  readonly weight: number;
  applies(op: Operation): boolean;
  arb(draft: Draft, pools: Pools): fc.Arbitrary<FuzzRequest>;
};

type Props = Record<
  string,
  { type?: string; minimum?: number; maximum?: number; minLength?: number; maxLength?: number }
>;

function bodyProps(op: Operation): Props {
  return op.body ? ((jsonSchemaOf(op.body).properties ?? {}) as Props) : {};
}

function bodyRequired(op: Operation): string[] {
  return op.body ? (jsonSchemaOf(op.body).required ?? []) : [];
}

const hasJsonBody = (op: Operation) => op.bodyKind === 'json' || op.bodyKind === 'json-or-form';

function withBody(draft: Draft, body: unknown, kind: string): FuzzRequest {
  return render({ ...draft, body }, kind);
}

function withRaw(req: FuzzRequest, patch: Partial<FuzzRequest>): FuzzRequest {
  return { ...req, ...patch };
}

/** Values of a JSON type other than `type`. */
function otherTypeValue(type: string | undefined): fc.Arbitrary<unknown> {
  const all: Record<string, fc.Arbitrary<unknown>> = {
    string: fc.constantFrom('7', 'true', '', 'null', '2026-01-01'),
    integer: fc.constantFrom(0, 1, -1, 3.5, 1e21),
    number: fc.constantFrom(0, 2.5),
    boolean: fc.boolean(),
    null: fc.constant(null),
    array: fc.constantFrom([], ['a'], [1, 2]),
    object: fc.constantFrom({}, { a: 1 }),
  };
  const others = Object.entries(all)
    .filter(
      ([t]) =>
        t !== type && !(type === 'integer' && t === 'number') && !(type === 'number' && t === 'integer'),
    )
    .map(([, a]) => a);
  return fc.oneof(...others);
}

/** Path-parameter values that are not ids: traversal, encodings, overlong, empty-ish. */
const BAD_IDS: readonly string[] = [
  '..%2F..',
  '..%2f..%2f..%2fetc%2fpasswd',
  '..',
  '.',
  '%2e%2e',
  '%2E%2E%2F',
  '..%5C..%5Cwindows',
  'not-a-uuid',
  'null',
  'undefined',
  '0',
  '-1',
  '%00',
  '00000000-0000-4000-8000-000000000001%00',
  '00000000000040008000000000000001',
  '{00000000-0000-4000-8000-000000000001}',
  '%2000000000-0000-4000-8000-000000000001',
  '00000000-0000-4000-8000-000000000001%20',
  '00000000-0000-4000-8000-0000000000011',
  'g0000000-0000-4000-8000-000000000001',
  '%E2%80%AE00000000-0000-4000-8000-000000000001',
  '%F0%9F%A7%A6',
  '%3Cscript%3E',
  "'%20OR%201=1--",
  '%25',
  '%25%32%65',
];

/** Malformed percent-encodings: a server must answer 400, not 500. */
const UNDECODABLE_IDS: readonly string[] = ['%', '%E0%A4%A', '%zz', '%C0%AE%C0%AE', '%FF', 'abc%'];

const MALFORMED_JSON: readonly string[] = [
  '{',
  '{"a":',
  "{'a':1}",
  '{"a":1}}',
  'undefined',
  'NaN',
  '\ufeff{}',
  '{"a":1,}',
  '[1,2',
  '{"a":"\\x"}',
  ' ',
  '\u0000',
  'nul',
  '{"a":01}',
];

const NON_OBJECT_JSON: readonly string[] = ['[]', 'null', '"text"', '42', 'true', '[{}]', '-0', '1e999'];

const WRONG_CONTENT_TYPES: readonly string[] = [
  'text/plain',
  'application/xml',
  'text/html; charset=utf-8',
  'application/json-patch+json',
  'application/jsonx',
  'application/octet-stream',
  'multipart/form-data; boundary=x',
  'image/png',
  'application/x-www-form-urlencoded',
  'application/*',
  '*/*',
];

/** Still JSON: the media type is compared case-insensitively and parameters are ignored. */
const JSON_CONTENT_TYPES: readonly string[] = [
  'APPLICATION/JSON',
  'application/json; charset=utf-8',
  'application/json;charset=UTF-8',
  'Application/Json ; foo=bar',
];

const BAD_AUTH = (pools: Pools): string[] => {
  const f = pools.fixture;
  return [
    '',
    'Bearer',
    'Bearer ',
    'Bearer garbage',
    `Basic ${Buffer.from('alice:alice-password').toString('base64')}`,
    `Token ${f.tokens.alice}`,
    `Bearer ${f.tokens.alice} ${f.tokens.bob}`,
    `Bearer ${f.tokens.alice}x`,
    `Bearer${f.tokens.alice}`,
    `Bearer "${f.tokens.alice}"`,
    ...f.badTokens.map((t) => `Bearer ${t}`),
    'Bearer ' + 'A'.repeat(4000),
  ];
};

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

function methodsOn(path: string): Set<string> {
  return new Set(OPERATIONS.filter((o) => o.path === path).map((o) => o.method.toUpperCase()));
}

const MUTATIONS: readonly Mutation[] = [
  {
    name: 'drop-required-field',
    weight: 3,
    applies: (op) => hasJsonBody(op) && bodyRequired(op).length > 0,
    arb: (draft) =>
      fc.constantFrom(...bodyRequired(draft.op)).map((key) => {
        const body = { ...(draft.body as Record<string, unknown>) };
        delete body[key];
        return withBody(draft, body, `drop-required-field:${key}`);
      }),
  },
  {
    name: 'unknown-field',
    weight: 2,
    applies: hasJsonBody,
    arb: (draft) =>
      fc
        .tuple(
          fc.oneof(
            fc.constantFrom(
              'id',
              'isAdmin',
              'userId',
              'ownerId',
              'constructor',
              '__proto__',
              'prototype',
              '',
            ),
            fc.string({ minLength: 1, maxLength: 10 }),
          ),
          fc.jsonValue({ maxDepth: 1 }),
        )
        .map(([key, value]) => {
          const body = { ...(draft.body as Record<string, unknown>) };
          Object.defineProperty(body, key, { value, enumerable: true, configurable: true, writable: true });
          return withBody(draft, body, `unknown-field:${key}`);
        }),
  },
  {
    name: 'wrong-type',
    weight: 3,
    applies: (op) => hasJsonBody(op) && Object.keys(bodyProps(op)).length > 0,
    arb: (draft) => {
      const props = bodyProps(draft.op);
      return fc
        .constantFrom(...Object.keys(props))
        .chain((key) => otherTypeValue(props[key]?.type).map((value) => ({ key, value })))
        .map(({ key, value }) =>
          withBody(draft, { ...(draft.body as Record<string, unknown>), [key]: value }, `wrong-type:${key}`),
        );
    },
  },
  {
    name: 'out-of-range',
    weight: 3,
    applies: (op) =>
      hasJsonBody(op) &&
      Object.values(bodyProps(op)).some(
        (p) => p.type === 'integer' || p.maxLength !== undefined || (p.minLength ?? 0) > 0,
      ),
    arb: (draft) => {
      const props = bodyProps(draft.op);
      const candidates = Object.entries(props).flatMap(([key, p]): fc.Arbitrary<[string, unknown]>[] => {
        if (p.type === 'integer') {
          const min = p.minimum ?? 0;
          const max = p.maximum ?? 0;
          return [
            fc.constantFrom<[string, unknown]>(
              [key, min - 1],
              [key, max + 1],
              [key, min + 0.5],
              [key, -1e308],
              [key, 2 ** 53],
            ),
          ];
        }
        const out: fc.Arbitrary<[string, unknown]>[] = [];
        if (p.maxLength !== undefined) {
          const max = p.maxLength;
          out.push(
            fc.integer({ min: max + 1, max: max + 40 }).map((n): [string, unknown] => [key, 'y'.repeat(n)]),
          );
        }
        if ((p.minLength ?? 0) > 0)
          out.push(fc.constantFrom<[string, unknown]>([key, ''], [key, '   '], [key, '\n\t\u00a0']));
        return out;
      });
      return fc
        .oneof(...candidates)
        .map(([key, value]) =>
          withBody(
            draft,
            { ...(draft.body as Record<string, unknown>), [key]: value },
            `out-of-range:${key}`,
          ),
        );
    },
  },
  {
    name: 'oversized-body',
    weight: 1,
    applies: hasJsonBody,
    arb: (draft) =>
      fc.integer({ min: BODY_LIMIT - 200, max: BODY_LIMIT + 2000 }).map((n) => {
        const key = Object.keys(bodyProps(draft.op))[0] ?? 'x';
        return withBody(
          draft,
          { ...(draft.body as Record<string, unknown>), [key]: 'z'.repeat(n) },
          'oversized-body',
        );
      }),
  },
  {
    name: 'bad-path-id',
    weight: 4,
    applies: (op) => op.params !== undefined,
    arb: (draft) =>
      fc
        .tuple(
          fc.constantFrom(...Object.keys(draft.params)),
          fc.oneof(
            { weight: 6, arbitrary: fc.constantFrom(...BAD_IDS) },
            { weight: 2, arbitrary: fc.constantFrom(...UNDECODABLE_IDS) },
            { weight: 2, arbitrary: fc.integer({ min: 37, max: 2000 }).map((n) => 'a'.repeat(n)) },
            { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent) },
          ),
        )
        .map(([name, raw]) => {
          const params = Object.fromEntries(
            Object.entries(draft.params).map(([k, v]) => [k, k === name ? raw : encodeURIComponent(v)]),
          );
          return withRaw(render(draft), {
            kind: `bad-path-id:${name}`,
            path: renderPath(draft.op, params, true),
          });
        }),
  },
  {
    name: 'route-miss',
    weight: 2,
    applies: () => true,
    arb: (draft) => {
      const req = render(draft);
      const used = methodsOn(draft.op.path);
      const otherMethods = METHODS.filter((m) => !used.has(m));
      const variants: fc.Arbitrary<FuzzRequest>[] = [
        fc
          .constantFrom('/x', '/..', '/%2e%2e', '/' + '0'.repeat(36), '/me/more')
          .map((suffix) =>
            withRaw(req, { kind: 'route-miss:suffix', path: `${req.path}${suffix}`, mayMissRoute: true }),
          ),
        fc.constant(
          withRaw(req, { kind: 'route-miss:case', path: req.path.toUpperCase(), mayMissRoute: true }),
        ),
        fc.constant(
          withRaw(req, { kind: 'route-miss:double-slash', path: `/${req.path}`, mayMissRoute: true }),
        ),
      ];
      if (otherMethods.length > 0) {
        variants.push(
          fc
            .constantFrom(...otherMethods)
            .map((method) =>
              withRaw(req, { kind: `route-miss:method-${method}`, method, mayMissRoute: true }),
            ),
        );
      }
      return fc.oneof(...variants);
    },
  },
  {
    name: 'malformed-json',
    weight: 3,
    applies: hasJsonBody,
    arb: (draft) => {
      const req = render({ ...draft, bodyAs: 'json' });
      return fc
        .oneof(
          fc.constantFrom(...MALFORMED_JSON),
          fc.nat().map((n) => {
            const text = JSON.stringify(draft.body);
            return text.slice(0, Math.max(1, n % text.length));
          }),
        )
        .filter((text) => {
          try {
            JSON.parse(text);
            return false;
          } catch {
            return true;
          }
        })
        .map((body) => withRaw(req, { kind: 'malformed-json', body }));
    },
  },
  {
    name: 'non-object-json',
    weight: 1,
    applies: hasJsonBody,
    arb: (draft) =>
      fc
        .constantFrom(...NON_OBJECT_JSON)
        .map((body) => withRaw(render({ ...draft, bodyAs: 'json' }), { kind: 'non-object-json', body })),
  },
  {
    name: 'content-type',
    weight: 3,
    applies: hasJsonBody,
    arb: (draft) => {
      const req = render({ ...draft, bodyAs: 'json' });
      return fc
        .oneof(
          { weight: 4, arbitrary: fc.constantFrom(...WRONG_CONTENT_TYPES) },
          { weight: 2, arbitrary: fc.constantFrom(...JSON_CONTENT_TYPES) },
          { weight: 1, arbitrary: fc.constant(null) },
        )
        .map((type) => {
          const headers: Record<string, string> = { ...req.headers };
          delete headers['Content-Type'];
          if (type !== null) headers['Content-Type'] = type;
          // A form body for a form-capable operation, JSON text otherwise.
          const body =
            type === 'application/x-www-form-urlencoded' && draft.op.bodyKind === 'json-or-form'
              ? formEncode(draft.body)
              : req.body;
          return withRaw(req, { kind: `content-type:${type ?? 'none'}`, headers, body });
        });
    },
  },
  {
    name: 'bad-auth',
    weight: 3,
    applies: (op) => op.auth === 'user',
    arb: (draft, pools) =>
      fc.oneof(fc.constant(null), fc.constantFrom(...BAD_AUTH(pools))).map((value) => {
        const req = render({ ...draft, authorization: value });
        return withRaw(req, { kind: `bad-auth:${value === null ? 'none' : value.slice(0, 30)}` });
      }),
  },
  {
    name: 'query-values',
    weight: 3,
    applies: (op) => op.query !== undefined,
    arb: (draft) => {
      const keys = Object.keys((jsonSchemaOf(draft.op.query!).properties ?? {}) as object);
      const base = render(draft);
      const bad = fc.constantFrom(
        '0',
        '-1',
        '1.5',
        'abc',
        '',
        ' ',
        '1e2',
        '0x10',
        '100000',
        '1000001',
        '9007199254740993',
        '1e400',
        'Infinity',
        'NaN',
        '%',
        '%00',
        'null',
        '[]',
        '1,2',
        '+1',
        '01',
        ' 7 ',
      );
      return fc
        .tuple(fc.constantFrom(...keys), bad, fc.constantFrom('replace', 'repeat', 'bracket'))
        .map(([key, value, how]) => {
          const search = new URLSearchParams(base.query);
          let query: string;
          if (how === 'repeat') {
            // ?page=1&page=2: a repeated parameter is an array, not a number.
            search.append(key, search.get(key) ?? '1');
            search.append(key, '2');
            query = search.toString();
          } else if (how === 'bracket') {
            search.delete(key);
            query = `${search.toString()}${search.size ? '&' : ''}${key}[]=${encodeURIComponent(value)}`;
          } else {
            search.set(key, value);
            query = search.toString().replace(encodeURIComponent('%'), '%');
          }
          return withRaw(base, { kind: `query-values:${key}:${how}`, query });
        });
    },
  },
  {
    name: 'query-noise',
    weight: 1,
    applies: () => true,
    arb: (draft) =>
      fc.tuple(fc.integer({ min: 1, max: 1200 }), fc.boolean()).map(([n, first]) => {
        const base = render(draft);
        const noise = Array.from({ length: n }, (_, i) => `k${i}=${i}`).join('&');
        const query = [first ? noise : base.query, first ? base.query : noise].filter(Boolean).join('&');
        return withRaw(base, { kind: `query-noise:${n}`, query });
      }),
  },
  {
    name: 'body-on-bodyless',
    weight: 2,
    applies: (op) => op.bodyKind === 'none',
    arb: (draft) =>
      fc
        .tuple(
          fc.constantFrom('application/json', 'text/plain', 'multipart/form-data', null),
          fc.oneof(
            fc.constantFrom('{', '{"a":1}', 'null'),
            fc.integer({ min: 1, max: BODY_LIMIT }).map((n) => 'b'.repeat(n)),
          ),
        )
        .map(([type, body]) => {
          const req = render(draft);
          const headers = { ...req.headers, ...(type ? { 'Content-Type': type } : {}) };
          return withRaw(req, { kind: `body-on-bodyless:${type ?? 'none'}`, headers, body });
        }),
  },
  {
    name: 'content-encoding',
    weight: 2,
    applies: hasJsonBody,
    arb: (draft) => {
      const req = render({ ...draft, bodyAs: 'json' });
      const text = String(req.body);
      return fc
        .constantFrom(
          { encoding: 'gzip', body: gzipSync(text) },
          { encoding: 'deflate', body: deflateSync(text) },
          { encoding: 'identity', body: Buffer.from(text) },
          { encoding: 'br', body: Buffer.from(text) },
          { encoding: 'x-unknown', body: Buffer.from(text) },
          { encoding: 'gzip', body: Buffer.from(text) },
        )
        .map(({ encoding, body }) =>
          withRaw(req, {
            kind: `content-encoding:${encoding}`,
            headers: { ...req.headers, 'Content-Encoding': encoding },
            body,
          }),
        );
    },
  },
  {
    name: 'chunked-body',
    weight: 1,
    applies: (op) => op.bodyKind !== 'none',
    arb: (draft) =>
      fc.constant(
        withRaw(render(draft), {
          kind: 'chunked-body',
          headers: { ...render(draft).headers, 'Transfer-Encoding': 'chunked' },
        }),
      ),
  },
  {
    name: 'trailing-slash',
    weight: 1,
    applies: () => true,
    arb: (draft) =>
      fc.constant(withRaw(render(draft), { kind: 'trailing-slash', path: `${render(draft).path}/` })),
  },
  {
    name: 'head',
    weight: 1,
    applies: (op) => op.method === 'get',
    arb: (draft) => fc.constant(withRaw(render(draft), { kind: 'head', method: 'HEAD' })),
  },
  {
    name: 'deep-json',
    weight: 1,
    applies: hasJsonBody,
    arb: (draft) =>
      fc
        .tuple(fc.integer({ min: 100, max: 30_000 }), fc.constantFrom(...Object.keys(bodyProps(draft.op))))
        .map(([depth, key]) => {
          const text = JSON.stringify({ ...(draft.body as Record<string, unknown>), [key]: 0 });
          const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`;
          const body = text.replace(`"${key}":0`, `"${key}":${deep}`);
          return withRaw(render({ ...draft, bodyAs: 'json' }), { kind: `deep-json:${depth}`, body });
        }),
  },
  {
    // Large but within Node's 16 KiB for the whole head (beyond it see known-differences.test.ts).
    name: 'large-header',
    weight: 1,
    applies: () => true,
    arb: (draft) =>
      fc.integer({ min: 4_000, max: 12_000 }).map((n) => {
        const req = render(draft);
        return withRaw(req, {
          kind: `large-header:${n}`,
          headers: { ...req.headers, 'X-Padding': 'p'.repeat(n) },
        });
      }),
  },
  {
    name: 'multipart',
    weight: 8,
    applies: (op) => op.bodyKind === 'multipart',
    arb: (draft) => {
      const spec = draft.multipart!;
      const file = spec.parts.find((p) => p.name === 'file')!;
      const others = spec.parts.filter((p) => p !== file);
      const req = render(draft);
      const withSpec = (kind: string, parts: typeof spec.parts) =>
        withRaw(req, { kind: `multipart:${kind}`, body: renderMultipart({ ...spec, parts }) });
      const multipartType = `multipart/form-data; boundary=${boundaryParameter(spec.boundary)}`;
      return fc.oneof(
        fc.constant(withSpec('no-file', others)),
        fc.constant(withSpec('wrong-field', [...others, { ...file, name: 'picture' }])),
        fc.constant(withSpec('two-files', [file, { ...file, filename: 'second.png' }])),
        fc.constant(withSpec('field-not-file', [{ ...file, filename: null }])),
        fc
          .uint8Array({ maxLength: 200 })
          .map((bytes) =>
            withSpec('not-an-image', [
              { ...file, data: Buffer.concat([Buffer.from('GIF89a'), Buffer.from(bytes)]) },
            ]),
          ),
        fc.constant(withSpec('empty-file', [{ ...file, data: Buffer.alloc(0) }])),
        // The fake picture store refuses bytes that say "broken": an image that cannot be decoded.
        fc
          .constantFrom('image/png', 'image/jpeg', 'image/webp')
          .map((type) =>
            withSpec('undecodable-image', [{ ...file, data: imageBytes(type, Buffer.from('broken image')) }]),
          ),
        fc.constant(
          withRaw(req, {
            kind: 'multipart:no-boundary',
            headers: { ...req.headers, 'Content-Type': 'multipart/form-data' },
          }),
        ),
        fc.constant(
          withRaw(req, {
            kind: 'multipart:wrong-boundary',
            headers: { ...req.headers, 'Content-Type': `${multipartType}x` },
          }),
        ),
        fc.nat().map((n) => {
          const body = req.body as Buffer;
          return withRaw(req, { kind: 'multipart:truncated', body: body.subarray(0, n % body.length) });
        }),
        fc.constant(withRaw(req, { kind: 'multipart:empty-body', body: '' })),
        fc.constant(
          withRaw(req, {
            kind: 'multipart:no-body',
            body: null,
            headers: { ...req.headers, 'Content-Type': multipartType },
          }),
        ),
        fc
          .constantFrom('application/json', 'image/png', 'text/plain', 'application/octet-stream')
          .map((type) =>
            withRaw(req, {
              kind: `multipart:content-type-${type}`,
              headers: { ...req.headers, 'Content-Type': type },
            }),
          ),
        fc.constant(
          withRaw(req, {
            kind: 'multipart:json-body',
            headers: { ...req.headers, 'Content-Type': 'application/json' },
            body: '{"file":"x"}',
          }),
        ),
        fc.constant(
          withSpec('too-many-parts', [
            ...Array.from({ length: 30 }, (_, i) => ({
              ...others[0],
              name: `f${i}`,
              filename: null,
              contentType: null,
              data: Buffer.from('v'),
            })),
            file,
          ]),
        ),
        // Rarely (it is 10 MiB per app): a file over the limit.
        fc
          .constant(null)
          .map(() =>
            withSpec('oversized-file', [
              { ...file, data: imageBytes('image/png', new Uint8Array(10 * 1024 * 1024)) },
            ]),
          ),
      );
    },
  },
];

export function mutatedArb(op: Operation, pools: Pools): fc.Arbitrary<FuzzRequest> {
  const applicable = MUTATIONS.filter((m) => m.applies(op));
  return validDraftArb(op, pools)
    .chain((draft) =>
      fc.oneof(...applicable.map((m) => ({ weight: m.weight, arbitrary: m.arb(draft, pools) }))),
    )
    .map(printable);
}

export function mutationNames(op: Operation): string[] {
  return MUTATIONS.filter((m) => m.applies(op)).map((m) => m.name);
}
