/** Jest runs the TypeScript sources as ESM (see README: why ESM). Type errors are caught by `npm run typecheck`. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }] },
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  testTimeout: 30000,
  // require('jose') from jwks-rsa (Agents SDK) inside Jest: see tests/support/jest/resolver.cjs.
  resolver: '<rootDir>/tests/support/jest/resolver.cjs',
  globalSetup: '<rootDir>/tests/support/jest/globalSetup.cjs',
  // One worker process, restarted once it holds more than this after a test file: run in band, the
  // whole suite grew past a 4 GB heap in one process (modules are loaded again per test file).
  workerIdleMemoryLimit: '1GB',
};
