#!/usr/bin/env node
// `npm start`: the local stack. Builds the package, starts the embedded warehouse (unless
// DATABASE_URL or SUPABASE_URL point elsewhere), installs this package into a local n8n, imports the
// warehouse credential and every workflow of workflows/, starts n8n (and the Telegram bot when
// TELEGRAM_BOT_TOKEN is set), prints the URLs and the owner login, and stops it all on Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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

/** Credential data from environment variables, or undefined when the first (required) one is unset. */
function fromEnv(fields) {
	const [first] = Object.values(fields);
	if (!process.env[first]) return undefined;
	const data = {};
	for (const [field, variable] of Object.entries(fields)) if (process.env[variable]) data[field] = process.env[variable];
	return data;
}

/** UpSeller's base URL and header names, from UPSELLER_* when set (the credential's defaults otherwise). */
function upSellerSettings() {
	const data = {};
	for (const [field, variable] of Object.entries({ baseUrl: 'UPSELLER_BASE_URL', clientIdHeader: 'UPSELLER_CLIENT_ID_HEADER', keyHeader: 'UPSELLER_API_TOKEN_HEADER' })) {
		if (process.env[variable]) data[field] = process.env[variable];
	}
	return data;
}

/**
 * Every credential the shipped workflows reference, with the ids they reference: the warehouse,
 * the webhook secret, the staff form and UpSeller's settings always; provider apps and SMTP when their variables are set
 * (otherwise staff add them in n8n's Credentials page).
 */
function localCredentials(warehouse, secrets) {
	const credentials = [
		{ id: 'viangWarehouse', name: 'Viang Warehouse', type: 'viangWarehouseApi', data: { transport: 'postgres', databaseUrl: warehouse.databaseUrl, tokenKey: secrets.tokenKey } },
		{ id: 'viangWebhookSecret', name: 'Viang Webhook Secret', type: 'httpHeaderAuth', data: { name: 'x-viang-secret', value: secrets.webhookSecret } },
		{ id: 'viangStaffForm', name: 'Viang Staff Form', type: 'httpBasicAuth', data: { user: 'viang', password: secrets.formPassword } },
		// UpSeller's settings all have defaults (each client's keys are in the vault): always there.
		{ id: 'upSeller', name: 'UpSeller API', type: 'upSellerApi', data: upSellerSettings() },
	];
	const optional = [
		['viangSmtp', 'Viang SMTP', 'smtp', { host: 'SMTP_HOST', port: 'SMTP_PORT', user: 'SMTP_USER', password: 'SMTP_PASSWORD' }],
		['mercadoLivreApp', 'Mercado Livre App', 'mercadoLivreAppApi', { clientId: 'MERCADOLIVRE_CLIENT_ID', clientSecret: 'MERCADOLIVRE_CLIENT_SECRET', redirectUri: 'MERCADOLIVRE_REDIRECT_URI', apiUrl: 'MERCADOLIVRE_API_URL', authUrl: 'MERCADOLIVRE_AUTH_URL' }],
		['blingApp', 'Bling App', 'blingAppApi', { clientId: 'BLING_CLIENT_ID', clientSecret: 'BLING_CLIENT_SECRET', redirectUri: 'BLING_REDIRECT_URI', apiUrl: 'BLING_API_URL', authorizeUrl: 'BLING_AUTHORIZE_URL', tokenUrl: 'BLING_TOKEN_URL' }],
		['googleAdsMcc', 'Google Ads MCC', 'googleAdsMccApi', { developerToken: 'GOOGLE_ADS_DEVELOPER_TOKEN', clientId: 'GOOGLE_ADS_CLIENT_ID', clientSecret: 'GOOGLE_ADS_CLIENT_SECRET', refreshToken: 'GOOGLE_ADS_REFRESH_TOKEN', managerCustomerId: 'GOOGLE_ADS_MANAGER_CUSTOMER_ID', apiVersion: 'GOOGLE_ADS_API_VERSION', apiUrl: 'GOOGLE_ADS_API_URL', tokenUrl: 'GOOGLE_ADS_TOKEN_URL' }],
		['whatsAppCloud', 'WhatsApp Cloud (Meta app)', 'whatsAppCloudApi', { appId: 'WHATSAPP_APP_ID', appSecret: 'WHATSAPP_APP_SECRET', accessToken: 'WHATSAPP_ACCESS_TOKEN', wabaIds: 'WHATSAPP_WABA_IDS', verifyToken: 'WHATSAPP_VERIFY_TOKEN', graphVersion: 'WHATSAPP_GRAPH_VERSION', baseUrl: 'WHATSAPP_BASE_URL' }],
	];
	const missing = [];
	for (const [id, name, type, fields] of optional) {
		const data = fromEnv(fields);
		if (data) credentials.push({ id, name, type, data });
		else missing.push(name);
	}
	return { credentials, missing };
}

async function importIntoN8n(node, bin, env, warehouse, secrets) {
	const imports = join(userFolder, 'imports');
	mkdirSync(imports, { recursive: true, mode: 0o700 });
	const { credentials, missing } = localCredentials(warehouse, secrets);
	const file = join(imports, 'credentials.json');
	writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
	const credentialImport = await runtime.run(node, [bin, 'import:credentials', `--input=${file}`], { env });
	rmSync(file, { force: true });
	if (credentialImport.code !== 0) throw new Error(`import:credentials failed: ${credentialImport.stderr}`);
	const workflowsDir = join(projectRoot, 'workflows');
	const files = existsSync(workflowsDir) ? readdirSync(workflowsDir).filter((f) => f.endsWith('.json')) : [];
	for (const name of files) {
		const result = await runtime.run(node, [bin, 'import:workflow', `--input=${join(workflowsDir, name)}`], { env });
		if (result.code !== 0) throw new Error(`import:workflow ${name} failed: ${result.stderr}`);
	}
	say(`n8n: imported ${credentials.length} credential(s) and ${files.length} workflow(s) from workflows/`);
	if (missing.length > 0) say(`n8n: add in n8n (or set their variables, see README): ${missing.join(', ')}`);
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
	const webhookSecret = process.env.VIANG_WEBHOOK_SECRET ?? persistent('webhook-secret', () => randomBytes(24).toString('hex'));
	const formPassword = persistent('form-password', () => randomBytes(9).toString('base64url'));
	const owner = { email: process.env.VIANG_OWNER_EMAIL ?? 'owner@viang.local', password: ownerPassword, firstName: 'Viang', lastName: 'Ops' };

	const warehouse = await startWarehouse();
	say('n8n: installing this package as a community package');
	await runtime.installPackage(join(userFolder, '.n8n', 'nodes'), join(dataDir, 'build'));

	const env = runtime.n8nEnv(userFolder, encryptionKey, {
		N8N_PORT: String(port),
		VIANG_TOKEN_KEY: tokenKey,
		VIANG_WEBHOOK_SECRET: webhookSecret,
		N8N_WEBHOOK_URL: process.env.N8N_WEBHOOK_URL ?? `http://127.0.0.1:${port}`,
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
	await importIntoN8n(node, bin, env, warehouse, { tokenKey, webhookSecret, formPassword });

	const n8n = spawnChild('n8n', node, [bin, 'start'], env);
	await runtime.waitReady(`http://127.0.0.1:${port}`, n8n.child, n8n.log);

	if (process.env.TELEGRAM_BOT_TOKEN && existsSync(join(projectRoot, 'dist/bot/main.js'))) {
		spawnChild('bot', process.execPath, [join(projectRoot, 'dist/bot/main.js')], { ...env });
		say('bot: started (long polling)');
	}

	say('ready');
	say(`  n8n:       http://localhost:${port}  (login ${owner.email} / ${ownerPassword})`);
	say(`  webhooks:  http://localhost:${port}/webhook/<path>  (header x-viang-secret = VIANG_WEBHOOK_SECRET, or .data/webhook-secret when unset)`);
	say(`  staff form: http://localhost:${port}/form/onboarding-novo-cliente  (login viang / ${formPassword})`);
	if (warehouseServer) say(`  warehouse: ${warehouseServer.url}`);
	say('Ctrl-C stops everything.');
}

process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
main().catch((error) => {
	console.error(`[viang] ${error.message}`);
	shutdown(1);
});
