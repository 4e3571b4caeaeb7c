// Projects: unit (pure), integration + api (real database: PGlite by default, the server
// when TEST_DB=server), miniapp (jsdom), e2e (H5 build in Chromium; run by scripts/test.mjs).
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } },
];
const base = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(jose)/)'],
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      ...base,
      displayName: 'db',
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/slow-timeout.ts'],
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts', '<rootDir>/tests/api/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
    },
    {
      ...base,
      displayName: 'miniapp',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/miniapp/**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/tests/miniapp/setup.ts'],
      moduleNameMapper: {
        '^@tarojs/components$': '<rootDir>/tests/miniapp/mocks/taro-components.tsx',
        '^@tarojs/taro$': '<rootDir>/tests/miniapp/mocks/taro.ts',
        // NutUI renders through Taro internals; the app's few components become plain DOM
        '^@nutui/nutui-react-taro$': '<rootDir>/tests/miniapp/mocks/nutui.tsx',
        '\\.(css|scss)$': '<rootDir>/tests/miniapp/mocks/style.ts',
      },
    },
    {
      ...base,
      displayName: 'e2e',
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/e2e-retry.ts'],
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
    },
  ],
};
