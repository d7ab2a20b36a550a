import type { Config } from 'jest';

const tsJest = { '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', isolatedModules: true } }] } as const;

// Every project marks where each test file begins in the note of the unverified behaviours reached, so a
// behaviour is never put down to the file a worker ran before: `npm test` reruns under the lenient variant
// the integration suites that reached one (docs/contracts.md, "The lenient rerun").
const setupFilesAfterEnv = ['<rootDir>/test/reached-setup.ts'];

const config: Config = {
  // On CI's two cores Jest would otherwise run every file inside its own process, whose heap then holds each
  // file's emulated Workspace until it dies of it; a worker is replaced once it keeps more than this.
  workerIdleMemoryLimit: '1GB',
  // Every core: the suite is CPU-bound, and Jest's default (all cores but one) leaves one of CI's two idle.
  maxWorkers: '100%',
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform: tsJest,
      setupFilesAfterEnv,
      testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/sidebar/**/*.test.ts', '<rootDir>/scripts/**/*.test.ts'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform: tsJest,
      setupFilesAfterEnv,
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
    },
    {
      displayName: 'fuzz',
      testEnvironment: 'node',
      transform: tsJest,
      setupFilesAfterEnv,
      testMatch: ['<rootDir>/test/fuzz/**/*.test.ts'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform: tsJest,
      setupFilesAfterEnv,
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/test/e2e/global-setup.ts',
    },
  ],
};

export default config;
