/**
 * Jest projects (run all with `npm test`, one with `--selectProjects <name>`):
 * - unit: pure code, no I/O (domain, events, rendering);
 * - integration: real handlers on Amazon DynamoDB Local, started once by the global setup;
 * - e2e: `npm start` as a child process, driven with the real AWS SDK and HTTP;
 * - infra: the CDK app synthesized in memory, with cdk-nag.
 * Middy is ESM-only, and so are ECharts' modules (echarts/core, zrender): ts-jest compiles them to CommonJS like our own code (transformIgnorePatterns).
 */
/** @type {import('ts-jest').TsJestTransformerOptions} */
const tsJestOptions = { tsconfig: { isolatedModules: true, allowJs: true, module: 'commonjs', moduleResolution: 'node10', esModuleInterop: true } };
const base = {
  transform: { '^.+\\.[tj]sx?$': ['ts-jest', tsJestOptions] },
  transformIgnorePatterns: ['/node_modules/(?!(@middy|echarts|zrender)/)'],
  testEnvironment: 'node',
};

/** @type {import('jest').Config} */
module.exports = {
  // A global option in jest (not per project): integration tests wait on DynamoDB Local, infra tests on esbuild.
  testTimeout: 120_000,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      setupFiles: ['<rootDir>/test/support/lambda-environment.ts'],
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
    { ...base, displayName: 'infra', testMatch: ['<rootDir>/test/infra/**/*.test.ts'] },
  ],
};
