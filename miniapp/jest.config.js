// Component and unit tests of the mini-program: jsdom + Testing Library, with
// stand-ins for the Taro runtime (the real H5 runtime is exercised in
// Chromium by the end-to-end suite). Run: npx jest -c miniapp/jest.config.js
const path = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'miniapp',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/**/*.test.{ts,tsx}'],
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/setup-after-env.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    '\\.(css|scss)$': '<rootDir>/test/stubs/style.ts',
    '\\.(png|svg)$': '<rootDir>/test/stubs/file.ts',
    '^@tarojs/taro$': '<rootDir>/test/stubs/taro.ts',
    '^@tarojs/components$': '<rootDir>/test/stubs/components.tsx',
    '^@nutui/nutui-react-taro$': '<rootDir>/test/stubs/nutui.tsx',
    // Same as the repository's root config: the contract's sources, no build needed.
    '^@suijing/shared$': path.join(__dirname, '../shared/src/index.ts'),
    '^@suijing/shared/(.*)$': path.join(__dirname, '../shared/src/$1.ts'),
    '^@/(.*)$': '<rootDir>/src/$1',
  },
  clearMocks: true,
};
