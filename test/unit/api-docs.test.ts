import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPERATIONS } from '../../src/adapters/http-common/api/operations.js';
import { runOperation } from '../../src/adapters/http-common/api/run-operation.js';
import type { OperationContext } from '../../src/adapters/http-common/api/operation.js';
import { toProblem, type Problem } from '../../src/adapters/http-common/problem.js';
import { REQUEST_LIMITS, requestProblems } from '../../src/adapters/http-common/request-limits.js';
import { WEB_API_BASE } from '../../src/adapters/http-express/build-web-app.js';
import { FASTIFY_API_BASE } from '../../src/adapters/http-fastify/build-api-app.js';
import { ServiceUnavailableError } from '../../src/application/ports/service-unavailable-error.js';
import { DomainError } from '../../src/domain/shared/domain-error.js';
import { PAGE_SIZE } from '../../src/domain/shared/page.js';

/**
 * docs/api.md is written by hand from the code; this keeps it from drifting: every operation has
 * its row in the endpoint table (method, path, auth, success and error statuses), and every error
 * code the APIs can answer with has its row in the error table (status and type), and neither
 * table lists anything the code does not have.
 */
const ROOT = join(__dirname, '../..');
const API_MD = readFileSync(join(ROOT, 'docs/api.md'), 'utf8');
const LINES = API_MD.split('\n');

/** The cells of a Markdown table row, trimmed. */
function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim());
}

/** Rows of the endpoint table: `| \`operationId\` | \`METHOD /path\` | auth | body | success | errors |`. */
function endpointRows(): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of LINES) {
    const row = cells(line);
    if (/^`\w+`$/.test(row[0] ?? '') && /^`(GET|POST|PUT|PATCH|DELETE) \//.test(row[1] ?? '')) {
      rows.set(row[0]!.slice(1, -1), row);
    }
  }
  return rows;
}

/** Rows of the error-code table: `| \`CODE\` | status | \`type\` | source | when |`. */
function errorRows(): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of LINES) {
    const row = cells(line);
    if (/^`[A-Z]+(\.[A-Z0-9_]+)*`$/.test(row[0] ?? '') && /^\d{3}$/.test(row[1] ?? '')) {
      rows.set(row[0]!.slice(1, -1), row);
    }
  }
  return rows;
}

type AnyDomainErrorClass = new (...args: unknown[]) => DomainError;

/** Every `DomainError` subclass exported by a production module of src/domain. */
async function domainErrorClasses(): Promise<AnyDomainErrorClass[]> {
  const root = join(ROOT, 'src/domain');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !/(^|\/)testing\//.test(f),
  );
  const modules = await Promise.all(
    files.map((f) => import(join(root, f)) as Promise<Record<string, unknown>>),
  );
  const classes = modules.flatMap((exports) =>
    Object.values(exports).filter(
      (v): v is AnyDomainErrorClass => typeof v === 'function' && v.prototype instanceof DomainError,
    ),
  );
  return [...new Set(classes)];
}

/** Every problem the APIs can answer with, as `toProblem` and `runOperation` build them. */
async function everyProblem(): Promise<Problem[]> {
  const fromDomain = (await domainErrorClasses()).map((Cls) => toProblem(new Cls('field', 'message')));
  const fromEdge = Object.values(requestProblems).map((make) => toProblem(make('application/json')));
  const signUp = OPERATIONS.find((op) => op.operationId === 'signUp')!;
  const invalid = await runOperation(
    signUp,
    { params: {}, query: {}, body: {}, file: null, authorization: undefined, clientIp: '127.0.0.1' },
    {} as OperationContext,
    () => undefined,
  );
  const validation: Problem = { status: invalid.status, body: invalid.body as Problem['body'], headers: {} };
  const unavailable = toProblem(new ServiceUnavailableError('database', new Error('refused')));
  return [...fromDomain, ...fromEdge, validation, unavailable, toProblem(new Error('unexpected'))];
}

describe('docs/api.md', () => {
  it('has a row for every operation, matching its method, path, auth, success and error statuses', () => {
    const rows = endpointRows();
    for (const op of OPERATIONS) {
      const row = rows.get(op.operationId);
      expect({ operationId: op.operationId, row: row ?? 'missing' }).toEqual({
        operationId: op.operationId,
        row: expect.any(Array),
      });
      const [, methodPath, auth, , success, errors] = row!;
      expect({ operationId: op.operationId, methodPath, auth, success, errors }).toEqual({
        operationId: op.operationId,
        methodPath: `\`${op.method.toUpperCase()} ${op.path}\``,
        auth: op.auth === 'user' ? 'bearer' : 'none',
        success: String(op.success.status),
        errors: op.errors.length > 0 ? op.errors.join(', ') : '—',
      });
    }
  });

  it('lists no endpoint that is not an operation', () => {
    const ids = new Set(OPERATIONS.map((op) => op.operationId));
    expect([...endpointRows().keys()].filter((id) => !ids.has(id))).toEqual([]);
  });

  it('names every operationId and the number of operations', () => {
    for (const op of OPERATIONS) expect(API_MD).toContain(`\`${op.operationId}\``);
    expect(API_MD).toContain(`All ${OPERATIONS.length} operations.`);
  });

  it('has a row for every error code, with its status and type', async () => {
    const rows = errorRows();
    for (const problem of await everyProblem()) {
      const { code, status, type } = problem.body;
      const row = rows.get(code);
      expect({ code, row: row ?? 'missing' }).toEqual({ code, row: expect.any(Array) });
      expect({ code, status: row![1], type: row![2] }).toEqual({
        code,
        status: String(status),
        type: `\`${type.replace('https://hotsox.dev/problems/', '')}\``,
      });
    }
  });

  it('lists no error code the APIs cannot answer with', async () => {
    const codes = new Set((await everyProblem()).map((p) => p.body.code));
    expect([...errorRows().keys()].filter((code) => !codes.has(code))).toEqual([]);
  });

  it('states the base paths and the limits the code applies', () => {
    expect(API_MD).toContain(`\`${WEB_API_BASE}\``);
    expect(API_MD).toContain(`\`${FASTIFY_API_BASE}\``);
    expect(API_MD).toContain(`${REQUEST_LIMITS.bodyBytes} bytes`);
    expect(API_MD).toContain(`${REQUEST_LIMITS.fileBytes} bytes`);
    expect(API_MD).toContain(`integer ${PAGE_SIZE.min}–${PAGE_SIZE.max}, default ${PAGE_SIZE.default}`);
  });
});
