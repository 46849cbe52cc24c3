// Jest through @salesforce/sfdx-lwc-jest: the same transformer and lightning/* stubs Salesforce's templates use.
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
    ...jestConfig,
    roots: ['<rootDir>/force-app'],
    setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv ?? []), '<rootDir>/jest.setup.ts'],
    testMatch: ['**/__tests__/**/*.test.ts'],
    // One navigation mock that records where components navigate (force-app/test/jest: shared test code, not deployed).
    moduleNameMapper: {
        '^lightning/navigation$': '<rootDir>/force-app/test/jest/mocks/lightning/navigation.ts',
    },
    // Only the TypeScript sources count; the .js beside each .ts is build output, force-app/test is test code.
    collectCoverageFrom: ['force-app/**/*.ts', '!force-app/**/__tests__/**', '!force-app/test/**'],
    coverageReporters: ['text-summary', 'json-summary', 'lcov'],
    coverageThreshold: { global: { lines: 90 } },
};
