/**
 * The dependency rule (docs/style.md), enforced in CI: domain ← application ← adapters ← tools ← main.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'src/domain reaches only src/domain: no npm package, no node: module, no outer layer.',
      from: { path: '^src/domain' },
      to: { pathNot: '^src/domain' },
    },
    {
      name: 'application-reaches-inward-only',
      severity: 'error',
      comment: 'src/application reaches only src/domain and src/application.',
      from: { path: '^src/application' },
      to: { pathNot: '^src/(domain|application)' },
    },
    {
      name: 'adapters-do-not-reach-each-other',
      severity: 'error',
      comment:
        'An adapter (http-express, http-fastify, http-common, persistence, queue, security, media, geo, ' +
        'throttle, system) never imports another adapter, except http-common, which the HTTP adapters share.',
      from: { path: '^src/adapters/([^/]+)/' },
      to: { path: '^src/adapters/', pathNot: ['^src/adapters/$1/', '^src/adapters/http-common/'] },
    },
    {
      name: 'http-common-is-for-http',
      severity: 'error',
      comment:
        'http-common holds what the HTTP servers share (both APIs, health endpoints): only HTTP adapters use it.',
      from: { path: '^src/adapters/(?!http-)' },
      to: { path: '^src/adapters/http-common/' },
    },
    {
      name: 'http-common-is-framework-free',
      severity: 'error',
      comment: 'What both HTTP adapters share must not depend on either framework adapter.',
      from: { path: '^src/adapters/http-common/' },
      to: { path: '^src/adapters/http-(express|fastify)/' },
    },
    {
      name: 'tools-are-used-by-main-only',
      severity: 'error',
      comment:
        'src/tools (demo-data seeding) runs from a composition root (src/main/cli); no layer imports it.',
      from: { path: '^src/(domain|application|adapters)' },
      to: { path: '^src/tools' },
    },
    {
      name: 'only-main-knows-main',
      severity: 'error',
      comment: 'Nothing outside src/main imports the composition roots.',
      from: { path: '^src/(domain|application|adapters|tools)' },
      to: { path: '^src/main' },
    },
    {
      name: 'only-main-knows-inversify',
      severity: 'error',
      comment: 'Inversify lives in the composition roots only.',
      from: { path: '^src/(domain|application|adapters|tools)' },
      to: { path: 'node_modules/(inversify|@inversifyjs)' },
    },
    {
      name: 'fakes-only-in-tests',
      severity: 'error',
      comment: 'In-memory fakes and builders are for tests, never for production code.',
      from: { path: '^src/', pathNot: ['\\.test\\.ts$', '/testing/'] },
      to: { path: '^src/(domain|application)/testing/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    exclude: { path: '^(dist|coverage|data)/' },
  },
};
