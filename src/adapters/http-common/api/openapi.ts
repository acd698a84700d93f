import { z } from 'zod';
import { Problem } from '../schemas/common.js';
import type { Operation } from './operation.js';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const result = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
    override: (ctx) => {
      const s = ctx.jsonSchema as JsonSchema;
      delete s.id;
    },
  }) as JsonSchema;
  delete result.$schema;
  return result;
}

function parameters(part: 'path' | 'query', schema: z.ZodType | undefined): JsonSchema[] {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input');
  const properties = (object.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((object.required ?? []) as string[]);
  return Object.entries(properties).map(([name, s]) => ({
    name,
    in: part,
    required: part === 'path' || required.has(name),
    schema: s,
  }));
}

function requestBody(op: Operation): JsonSchema | undefined {
  if (op.bodyKind === 'multipart') {
    return {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            properties: {
              file: { type: 'string', format: 'binary', description: 'JPEG, PNG or WebP, at most 10 MiB' },
            },
            required: ['file'],
          },
        },
      },
    };
  }
  if (!op.body) return undefined;
  const schema = jsonSchema(op.body, 'input');
  const content: JsonSchema = { 'application/json': { schema } };
  if (op.bodyKind === 'json-or-form') content['application/x-www-form-urlencoded'] = { schema };
  return { required: true, content };
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request or invalid fields (`errors` lists each one)',
  401: 'Missing, invalid or expired token',
  403: 'Not allowed',
  404: 'Does not exist or is not yours',
  409: 'Conflict',
  413: 'Upload too large',
  415: 'Unsupported media type',
  422: 'Breaks a rule of HotSox',
  429: 'Too many attempts; see Retry-After',
  500: 'Unexpected error (no details are exposed)',
  503: 'The database cannot be reached right now; try again after Retry-After seconds (SERVICE.UNAVAILABLE)',
};

/**
 * The one OpenAPI 3.1 document of the contract, generated from the same schemas that validate
 * requests. The two APIs serve it identically apart from `servers`.
 */
export function openApiDocument(
  operations: readonly Operation[],
  basePath: string,
  title: string,
): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const problem = { 'application/problem+json': { schema: jsonSchema(Problem, 'output') } };
  for (const op of operations) {
    const responses: Record<string, JsonSchema> = {
      [op.success.status]: {
        description: op.success.description,
        ...(op.success.schema
          ? { content: { 'application/json': { schema: jsonSchema(op.success.schema, 'output') } } }
          : {}),
      },
    };
    for (const status of [...op.errors, 500, 503]) {
      responses[status] = { description: ERROR_DESCRIPTIONS[status] ?? 'Error', content: problem };
    }
    const body = requestBody(op);
    (paths[op.path] ??= {})[op.method] = {
      operationId: op.operationId,
      summary: op.summary,
      tags: [op.tag],
      ...(op.auth === 'user' ? { security: [{ oauth2: [] }, { bearer: [] }] } : {}),
      parameters: [...parameters('path', op.params), ...parameters('query', op.query)],
      ...(body ? { requestBody: body } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title,
      version: '1.0.0',
      description:
        'HotSox reunites single socks with a new partner. Both HotSox APIs serve exactly this contract.',
    },
    servers: [{ url: basePath }],
    paths,
    components: {
      securitySchemes: {
        oauth2: { type: 'oauth2', flows: { password: { tokenUrl: `${basePath}/auth/token`, scopes: {} } } },
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      },
    },
  };
}
