// Running the pinned n8n with this package installed: used by `npm start` and by the e2e tests,
// so both exercise the same install path a self-hosted n8n would use.
const { spawn } = require('node:child_process');
const { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { projectRoot } = require('./n8n-paths.cjs');

function run(command, args, { env = process.env, cwd, timeoutMs = 300_000 } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', reject);
		child.on('exit', (code) => {
			clearTimeout(timer);
			resolve({ code: code ?? -1, stdout, stderr });
		});
	});
}

/**
 * Packs the built package and installs it where n8n finds community packages
 * (`<nodesDir>/node_modules/n8n-nodes-viang`), so node types read `n8n-nodes-viang.<node>`.
 * Peer dependencies are left out: n8n-workflow resolves to n8n's own copy at run time.
 */
async function installPackage(nodesDir, workDir) {
	if (!existsSync(join(projectRoot, 'dist', 'nodes'))) {
		throw new Error('dist/ is missing: run `npm run build` first');
	}
	const packDir = join(workDir, 'pack');
	rmSync(packDir, { recursive: true, force: true });
	mkdirSync(packDir, { recursive: true });
	const pack = await run('npm', ['pack', '--silent', `--pack-destination=${packDir}`], { cwd: projectRoot });
	if (pack.code !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
	const tarball = join(packDir, readdirSync(packDir).find((f) => f.endsWith('.tgz')));
	mkdirSync(nodesDir, { recursive: true });
	rmSync(join(nodesDir, 'node_modules', 'n8n-nodes-viang'), { recursive: true, force: true });
	writeFileSync(
		join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { 'n8n-nodes-viang': `file:${tarball}` } }),
	);
	const install = await run(
		'npm',
		['install', '--omit=dev', '--omit=peer', '--ignore-scripts', '--no-audit', '--no-fund', '--no-package-lock'],
		{ cwd: nodesDir },
	);
	if (install.code !== 0) throw new Error(`installing the package into n8n failed: ${install.stderr}`);
	if (!existsSync(join(nodesDir, 'node_modules', 'n8n-nodes-viang', 'dist'))) {
		throw new Error(`the package did not land in ${nodesDir}/node_modules`);
	}
}

/** Environment for an n8n process on `userFolder`; quiet, offline-friendly, community packages on. */
function n8nEnv(userFolder, encryptionKey, extra = {}) {
	return {
		...process.env,
		// jest sets NODE_ENV=test, which changes n8n's behaviour; run n8n as in production.
		NODE_ENV: 'production',
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: encryptionKey,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_SECURE_COOKIE: 'false',
		N8N_HIDE_USAGE_PAGE: 'true',
		N8N_RUNNERS_ENABLED: 'true',
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		GENERIC_TIMEZONE: 'America/Sao_Paulo',
		TZ: 'America/Sao_Paulo',
		...extra,
	};
}

/** Polls /healthz/readiness (plain /healthz answers during migrations already). */
async function waitReady(url, child, getLog, timeoutMs = 300_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (child && child.exitCode !== null) throw new Error(`n8n exited early:\n${getLog()}`);
		if (Date.now() > deadline) throw new Error(`n8n did not become ready:\n${getLog()}`);
		const ready = await fetch(`${url}/healthz/readiness`).then((r) => r.ok).catch(() => false);
		if (ready) return;
		await new Promise((r) => setTimeout(r, 500));
	}
}

/** Creates the instance owner; answers false when one exists already. */
async function setupOwner(url, owner) {
	const response = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(owner),
	});
	if (response.ok) return true;
	const text = await response.text();
	if (response.status === 400 && /already/i.test(text)) return false;
	throw new Error(`owner setup failed: ${response.status} ${text}`);
}

/** Stops a child process and waits for it, also when it has already exited. */
function stopChild(child, graceMs = 20_000) {
	return new Promise((resolve) => {
		if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
		const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve();
		});
		child.kill('SIGTERM');
	});
}

module.exports = { run, installPackage, n8nEnv, waitReady, setupOwner, stopChild };
