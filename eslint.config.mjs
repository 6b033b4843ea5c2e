// n8n's own community-node rules, self-hosted variant: this package has runtime dependencies
// (grammY, supabase-js, pg, zod), so `no-runtime-dependencies` is the one rule turned off.
// Every other rule stays on: credential tests, continueOnFail, paired items, NodeApiError,
// usableAsTool, icons…
import { configWithoutCloudSupport } from '@n8n/node-cli/eslint';

export default [
	{ ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', 'scripts/**', 'gulpfile.js', 'jest.config.js'] },
	...configWithoutCloudSupport,
	{
		files: ['package.json'],
		rules: { '@n8n/community-nodes/no-runtime-dependencies': 'off' },
	},
	{
		// Command-line tools, the bot process, benchmarks and tests talk to a terminal.
		files: ['cli/**/*.ts', 'bot/**/*.ts', 'bench/**/*.ts', 'test/**/*.ts', 'metabase/**/*.ts'],
		rules: { 'no-console': 'off' },
	},
];
