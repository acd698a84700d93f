import { openApiDocument } from './openapi.js';
import { OPERATIONS } from './operations.js';

describe('the OpenAPI document', () => {
  const document = openApiDocument(OPERATIONS, '/api/v1', 'HotSox') as {
    paths: Record<
      string,
      Record<string, { operationId: string; responses: Record<string, { content?: object }> }>
    >;
  };
  const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));

  it('has every operation once', () => {
    expect(operations.map((op) => op.operationId).sort()).toEqual(
      OPERATIONS.map((op) => op.operationId).sort(),
    );
  });

  it.each(OPERATIONS.map((op) => [op.operationId, op] as const))(
    '%s lists its success, its errors, 500 and 503 (problem+json)',
    (operationId, op) => {
      const responses = operations.find((o) => o.operationId === operationId)?.responses ?? {};
      expect(Object.keys(responses).sort()).toEqual(
        [String(op.success.status), ...[...op.errors, 500, 503].map(String)].sort(),
      );
      for (const status of [...op.errors, 500, 503]) {
        expect(responses[status]?.content).toHaveProperty(['application/problem+json']);
      }
    },
  );
});
