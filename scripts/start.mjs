#!/usr/bin/env node
// `npm start`: the local stack. Builds the package, starts the embedded warehouse (unless
// DATABASE_URL or SUPABASE_URL point elsewhere), installs this package into a local n8n, imports the
// warehouse credential and every workflow of workflows/, starts n8n (and the Telegram bot when
// TELEGRAM_BOT_TOKEN is set), prints the URLs and the owner login, and stops it all on Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { n8nPaths, projectRoot } = require('./n8n-paths.cjs');
const runtime = require('./n8n-runtime.cjs');

const dataDir = process.env.VIANG_DATA_DIR ?? join(projectRoot, '.data');
const userFolder = join(dataDir, 'n8n');
const port = Number(process.env.N8N_PORT ?? 5678);
const children = [];
let stopping = false;
let warehouseServer;

function say(message) {
	console.log(`[viang] ${message}`);
}

function mustSucceed(title, command, args) {
	say(title);
	const result = spawnSync(command, args, { stdio: 'inherit', cwd: projectRoot });
	if (result.status !== 0) throw new Error(`${title} failed`);
}

/** A value kept in .data/ so restarts reuse it (dev stack only; production passes env vars). */
function persistent(name, make) {
	mkdirSync(dataDir, { recursive: true });
	const file = join(dataDir, name);
	if (!existsSync(file)) writeFileSync(file, make(), { mode: 0o600 });
	return readFileSync(file, 'utf8').trim();
}

async function startWarehouse() {
	if (process.env.DATABASE_URL || process.env.SUPABASE_URL) {
		say('warehouse: using DATABASE_URL / SUPABASE_URL from the environment');
		return { databaseUrl: process.env.DATABASE_URL ?? '' };
	}
	const { openEmbeddedPostgres, migrate } = require(join(projectRoot, 'dist/domain/warehouse/index.js'));
	warehouseServer = await openEmbeddedPostgres(join(dataDir, 'postgres'), { ...process.env, VIANG_DATA_DIR: dataDir });
	await migrate(warehouseServer.url);
	say(`warehouse: embedded PostgreSQL at ${warehouseServer.url} (data in ${join(dataDir, 'postgres')})`);
	return { databaseUrl: warehouseServer.url };
}

async function importIntoN8n(node, bin, env, warehouse, tokenKey) {
	const imports = join(userFolder, 'imports');
	mkdirSync(imports, { recursive: true });
	const credentials = [
		{
			id: 'viangWarehouse',
			name: 'Viang Warehouse',
			type: 'viangWarehouseApi',
			data: { transport: 'postgres', databaseUrl: warehouse.databaseUrl, tokenKey },
		},
	];
	writeFileSync(join(imports, 'credentials.json'), JSON.stringify(credentials));
	const credentialImport = await runtime.run(node, [bin, 'import:credentials', `--input=${join(imports, 'credentials.json')}`], { env });
	if (credentialImport.code !== 0) throw new Error(`import:credentials failed: ${credentialImport.stderr}`);
	const workflowsDir = join(projectRoot, 'workflows');
	const files = existsSync(workflowsDir) ? readdirSync(workflowsDir).filter((f) => f.endsWith('.json')) : [];
	for (const file of files) {
		const result = await runtime.run(node, [bin, 'import:workflow', `--input=${join(workflowsDir, file)}`], { env });
		if (result.code !== 0) throw new Error(`import:workflow ${file} failed: ${result.stderr}`);
	}
	say(`n8n: imported the warehouse credential and ${files.length} workflow(s) from workflows/`);
}

function spawnChild(name, command, args, env) {
	const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], cwd: projectRoot });
	let log = '';
	const keep = (d) => {
		log = (log + d).slice(-20_000);
		if (process.env.VIANG_VERBOSE) process.stdout.write(`[${name}] ${d}`);
	};
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	child.on('exit', (code) => {
		if (!stopping) {
			console.error(`[viang] ${name} stopped (exit ${code}). Last output:\n${log}`);
			shutdown(1);
		}
	});
	children.push(child);
	return { child, log: () => log };
}

async function shutdown(code = 0) {
	if (stopping) return;
	stopping = true;
	say('stopping…');
	await Promise.all(children.map((child) => runtime.stopChild(child, 15_000)));
	if (warehouseServer?.startedHere) await warehouseServer.stop();
	say('stopped');
	process.exit(code);
}

async function main() {
	mustSucceed('building the package', 'npm', ['run', '--silent', 'build']);
	mustSucceed('installing n8n (cached after the first run)', 'node', ['scripts/n8n-install.mjs']);
	const { node, bin } = n8nPaths();

	const tokenKey = process.env.VIANG_TOKEN_KEY ?? persistent('token.key', () => randomBytes(32).toString('hex'));
	const encryptionKey = process.env.N8N_ENCRYPTION_KEY ?? persistent('n8n-encryption.key', () => randomBytes(24).toString('base64'));
	const ownerPassword = persistent('owner-password', () => `Viang-${randomBytes(6).toString('hex')}`);
	const owner = { email: process.env.VIANG_OWNER_EMAIL ?? 'owner@viang.local', password: ownerPassword, firstName: 'Viang', lastName: 'Ops' };

	const warehouse = await startWarehouse();
	say('n8n: installing this package as a community package');
	await runtime.installPackage(join(userFolder, '.n8n', 'nodes'), join(dataDir, 'build'));

	const env = runtime.n8nEnv(userFolder, encryptionKey, {
		N8N_PORT: String(port),
		VIANG_TOKEN_KEY: tokenKey,
		VIANG_DATA_DIR: dataDir,
		DATABASE_URL: warehouse.databaseUrl,
	});
	const firstRun = !existsSync(join(userFolder, '.n8n', 'database.sqlite'));
	if (firstRun) {
		// import:workflow needs an owner, and the owner needs a migrated database: boot once first.
		const boot = spawnChild('n8n', node, [bin, 'start'], env);
		await runtime.waitReady(`http://127.0.0.1:${port}`, boot.child, boot.log);
		await runtime.setupOwner(`http://127.0.0.1:${port}`, owner);
		stopping = true;
		await runtime.stopChild(boot.child);
		children.length = 0;
		stopping = false;
	}
	await importIntoN8n(node, bin, env, warehouse, tokenKey);

	const n8n = spawnChild('n8n', node, [bin, 'start'], env);
	await runtime.waitReady(`http://127.0.0.1:${port}`, n8n.child, n8n.log);

	if (process.env.TELEGRAM_BOT_TOKEN && existsSync(join(projectRoot, 'dist/bot/main.js'))) {
		spawnChild('bot', process.execPath, [join(projectRoot, 'dist/bot/main.js')], { ...env });
		say('bot: started (long polling)');
	}

	say('ready');
	say(`  n8n:       http://localhost:${port}  (login ${owner.email} / ${ownerPassword})`);
	say(`  webhooks:  http://localhost:${port}/webhook/<path>`);
	if (warehouseServer) say(`  warehouse: ${warehouseServer.url}`);
	say('Ctrl-C stops everything.');
}

process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
main().catch((error) => {
	console.error(`[viang] ${error.message}`);
	shutdown(1);
});
