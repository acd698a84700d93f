/** @type {import('jest').Config} */
const base = {
  testEnvironment: 'node',
  // ESM-only dependencies are compiled to CJS for Jest on Node 20.
  transformIgnorePatterns: [
    '/node_modules/(?!(inversify|@inversifyjs|@faker-js|jose|cookie|light-my-request/node_modules/cookie)/)',
  ],
  transform: {
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript' },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
};

module.exports = {
  // Most suites wait on real processes, PostgreSQL, Redis or Chromium rather than compute: three
  // workers on a 2-CPU machine halve the wall time of `npm test` (Jest's default is CPUs − 1).
  maxWorkers: 3,
  // The machines are shared and small: a test that takes 1 s alone can take several under load
  // (three test files at once, other work). Timing is for the benchmarks, not for the tests.
  // (A global option: inside a project it would be ignored.)
  testTimeout: 20_000,
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['\\.int\\.test\\.ts$', '\\.e2e\\.test\\.ts$'],
    },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/src/**/*.int.test.ts', '<rootDir>/test/**/*.int.test.ts'],
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/src/**/*.e2e.test.ts', '<rootDir>/test/**/*.e2e.test.ts'],
    },
  ],
};
