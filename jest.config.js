// Jest through @salesforce/sfdx-lwc-jest: the same transformer and lightning/* stubs Salesforce's templates use.
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
    ...jestConfig,
    roots: ['<rootDir>/force-app'],
    setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv ?? []), '<rootDir>/jest.setup.ts'],
    testMatch: ['**/__tests__/**/*.test.ts'],
    // Only the TypeScript sources count; the .js beside each .ts is build output.
    collectCoverageFrom: ['force-app/**/*.ts', '!force-app/**/__tests__/**'],
    coverageReporters: ['text-summary', 'json-summary', 'lcov'],
    coverageThreshold: { global: { lines: 90 } },
};
