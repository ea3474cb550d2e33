// One jest run for every suite; `npm test` (scripts/test.mjs) wraps it with the build and checks.
const swc = [
  '@swc/jest',
  { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
];

// Tests import workspace packages by name and get their TypeScript sources: no build needed to test.
const moduleNameMapper = {
  '^@suijing/shared$': '<rootDir>/shared/src/index.ts',
  '^@suijing/shared/(.*)$': '<rootDir>/shared/src/$1.ts',
  '^@suijing/sandbox$': '<rootDir>/sandbox/src/index.ts',
  '^@suijing/bff$': '<rootDir>/bff/src/index.ts',
  // The BFF's test fixtures (its `*.fixtures.ts`, outside its build), for the tests that check what it writes.
  '^@suijing/bff/(.+\\.fixtures)$': '<rootDir>/bff/src/$1.ts',
  '^@suijing/embedded-mongo$': '<rootDir>/tools/embedded-mongo/src/index.ts',
};

const node = { testEnvironment: 'node', transform: { '^.+\\.tsx?$': swc }, moduleNameMapper, rootDir: __dirname };

/** @type {import('jest').Config} */
module.exports = {
  // Integration and end-to-end tests start servers and a browser; unit tests never come near this.
  testTimeout: 60_000,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  projects: [
    {
      ...node,
      displayName: 'unit',
      testMatch: ['<rootDir>/{shared,sandbox,bff,tools/embedded-mongo}/src/**/*.test.ts'],
    },
    {
      ...node,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      testTimeout: 60_000,
    },
    { ...node, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
    '<rootDir>/miniapp/jest.config.js',
  ],
};
