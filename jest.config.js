// Three tiers, one runner. `npm test` runs them in order (scripts/test.mjs);
// `npx jest --selectProjects unit` runs one.
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.test.json' }];
const common = {
	transform: { '^.+\\.ts$': tsJest },
	testEnvironment: 'node',
	moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
	projects: [
		{ ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
		{
			...common,
			displayName: 'integration',
			testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
			globalSetup: '<rootDir>/test/support/postgres-global-setup.ts',
			globalTeardown: '<rootDir>/test/support/postgres-global-teardown.ts',
			setupFilesAfterEnv: ['<rootDir>/test/support/timeout-integration.ts'],
		},
		{
			...common,
			displayName: 'e2e',
			testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
			globalSetup: '<rootDir>/test/support/e2e-global-setup.ts',
			globalTeardown: '<rootDir>/test/support/e2e-global-teardown.ts',
			setupFilesAfterEnv: ['<rootDir>/test/support/timeout-e2e.ts'],
		},
	],
};
