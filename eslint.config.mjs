// n8n's own community-node rules, self-hosted variant, on the n8n surface: nodes, credentials and
// package.json. This package has runtime dependencies (grammY, supabase-js, pg, zod), so
// `no-runtime-dependencies` is the one rule turned off; every other rule stays on (credential
// tests, continueOnFail, paired items, NodeApiError, usableAsTool, icons…). The domain code (which
// must not depend on n8n, so its errors are plain errors that nodes convert), the CLI, the bot,
// tests and benchmarks get the same TypeScript and import rules without the n8n-node ones.
import { configWithoutCloudSupport } from '@n8n/node-cli/eslint';

const n8nSurface = ['nodes/**/*.ts', 'credentials/**/*.ts'];
const notNodes = ['domain/**/*.ts', 'cli/**/*.ts', 'bot/**/*.ts', 'bench/**/*.ts', 'test/**/*.ts', 'metabase/**/*.ts'];

const appliesToAllTs = (block) => Array.isArray(block.files) && block.files.includes('**/*.ts');

const withoutNodeRules = (block) => ({
	...block,
	files: notNodes,
	rules: Object.fromEntries(
		Object.entries(block.rules ?? {}).filter(([name]) => !name.startsWith('@n8n/community-nodes/')),
	),
});

export default [
	{
		ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', 'scripts/**', 'gulpfile.js', 'jest.config.js', 'eslint.config.mjs'],
	},
	...configWithoutCloudSupport.map((block) => (appliesToAllTs(block) ? { ...block, files: n8nSurface } : block)),
	...configWithoutCloudSupport.filter(appliesToAllTs).map(withoutNodeRules),
	{ files: notNodes.filter((glob) => !glob.startsWith('domain/')), rules: { 'no-console': 'off' } },
	{ files: ['package.json'], rules: { '@n8n/community-nodes/no-runtime-dependencies': 'off' } },
];
