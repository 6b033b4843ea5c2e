#!/usr/bin/env node
// `npm test`: build, lint, then the three tiers in order — unit, integration (real PostgreSQL),
// end to end (real n8n 2.41, installed once into a cache folder). Stops at the first failing step
// and ends with one plain summary line: "tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const only = process.argv.slice(2); // e.g. `npm test -- unit integration`
const tiers = ['unit', 'integration', 'e2e'].filter((tier) => only.length === 0 || only.includes(tier));
const reportDir = mkdtempSync(join(tmpdir(), 'viang-test-'));
const totals = { passed: 0, failed: 0 };

function step(title, command, args) {
	console.log(`\n=== ${title} ===`);
	const result = spawnSync(command, args, { stdio: 'inherit' });
	return result.status === 0;
}

function finish(ok) {
	rmSync(reportDir, { recursive: true, force: true });
	console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed`);
	process.exit(ok ? 0 : 1);
}

if (!step('build', 'npm', ['run', '--silent', 'build'])) finish(false);
if (only.length === 0 && !step('lint', 'npm', ['run', '--silent', 'lint'])) finish(false);

for (const tier of tiers) {
	if (tier === 'e2e' && !step('install n8n (cached)', 'node', ['scripts/n8n-install.mjs'])) finish(false);
	const report = join(reportDir, `${tier}.json`);
	const args = ['jest', '--selectProjects', tier, '--json', `--outputFile=${report}`];
	if (tier !== 'unit') args.push('--runInBand');
	const ok = step(`${tier} tests`, 'npx', args);
	try {
		const summary = JSON.parse(readFileSync(report, 'utf8'));
		totals.passed += summary.numPassedTests;
		totals.failed += summary.numFailedTests;
		if (summary.numTotalTests === 0) {
			console.error(`no ${tier} tests ran`);
			finish(false);
		}
	} catch {
		totals.failed += 1;
	}
	if (!ok) finish(false);
}
finish(true);
