/**
 * Jest for @suijing/embedded-mongo: from the repo root, `npx jest -c tools/embedded-mongo/jest.config.js`.
 * The first run on a machine without mongod builds the FerretDB wrapper (~1-3 min), hence the timeout.
 */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  transform: { '^.+\\.tsx?$': '@swc/jest' },
  testTimeout: 600_000,
};
