// `npm run bench -- nightly [--clients 200] [--concurrency 8] [--skip-naive] [--keep]`
// The nightly-etl workflow inside a real n8n 2.41 with this package (run `npm run build` first):
// 200 ready clients of mixed sizes, backfilled beforehand, then one incremental night against the
// fake Mercado Livre with 200 ms latency per call and a per-application limit of 10 requests/s
// (429 + Retry-After above it). Prints the wall time against the rate-limit bound (requests ÷ the
// per-application rate): with every client behind one application, no schedule can beat it.
// Then, in the same n8n and against the same fake, the same night by bench/naive-nightly.json
// (n8n's HTTP Request and Postgres nodes only) on a copy of the warehouse taken before our night,
// and a check that both nights leave the same staging and fact rows.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { RateLimiterRegistry } from '../domain/http';
import { addDays, syncClient, todaySp } from '../domain/mercadolivre';
import { migrate, openWarehouse, startLocalPostgres, type Warehouse } from '../domain/warehouse';
import { freePort } from '../domain/warehouse/local-postgres';
import { FakeMercadoLivre, type SeedSellerOptions } from '../test/fakes/mercadolivre';
import type { LoggedRequest } from '../test/fakes/base';
import { makeReady } from '../test/integration/nightly/helpers';
import { lastJsonObject, type RunData } from '../test/support/n8n';
import { clientsNotSyncedSince, cloneDatabase, differences, digestTables, FACT_TABLES, prepareNaiveWarehouse, STAGING_TABLES } from './lib/naive-warehouse';

/* eslint-disable @typescript-eslint/no-require-imports */
const runtime = require('../scripts/n8n-runtime.cjs');
const { n8nPaths } = require('../scripts/n8n-paths.cjs');
/* eslint-enable @typescript-eslint/no-require-imports */

const RATE = 10;
const LATENCY_MS = 200;
const APP = { clientId: '5050505050', clientSecret: 'bench-nightly-secret' };
const ENCRYPTION_KEY = 'viang-bench-nightly-encryption-key-01';
const OWNER = { email: 'bench@viang.test', password: 'Viang-bench-Owner-1', firstName: 'Bench', lastName: 'Viang' };

function arg(name: string, fallback: string): string {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 ? process.argv[i + 1] : fallback;
}

/** Mixed sizes: 70% small shops, 22.5% medium, 7.5% large. */
function sellerSeed(index: number): SeedSellerOptions {
	const userId = 80_000 + index;
	const kind = index % 40;
	if (kind < 3) return { userId, orders: 1_500, items: 30, days: 30, seed: userId };
	if (kind < 12) return { userId, orders: 300, items: 10, days: 30, seed: userId };
	return { userId, orders: 40, items: 3, days: 30, seed: userId };
}

/** Answered requests and 429s in a slice of the fake's request log. */
function countCalls(calls: LoggedRequest[]): { requests: number; limited: number } {
	return { requests: calls.filter((r) => r.status !== 429).length, limited: calls.filter((r) => r.status === 429).length };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
	return runtime.run(command, args, { env, timeoutMs: 3_600_000 });
}

async function main(): Promise<void> {
	const clients = Number(arg('clients', '200'));
	const concurrency = Number(arg('concurrency', '8'));
	const naive = !process.argv.includes('--skip-naive');
	const installed = n8nPaths();
	const work = mkdtempSync(join(tmpdir(), 'viang-bench-nightly-'));
	const pgDir = mkdtempSync(join(tmpdir(), 'viang-bench-pg-'));
	const pg = await startLocalPostgres(pgDir);
	const fake = new FakeMercadoLivre();
	await fake.start();
	fake.registerApp(APP);
	let warehouse: Warehouse | undefined;
	let server: ReturnType<typeof spawn> | undefined;
	try {
		// Warehouse with `clients` ready clients, backfilled at full speed (no latency, no limit).
		const admin = new Client({ connectionString: pg.url });
		await admin.connect();
		await admin.query('CREATE DATABASE viang_bench');
		await admin.end();
		const dbUrl = pg.url.replace(/\/postgres$/, '/viang_bench');
		await migrate(dbUrl);
		const tokenKey = randomBytes(32).toString('hex');
		warehouse = openWarehouse({ databaseUrl: dbUrl, tokenKey });
		const fastApp = { ...APP, apiUrl: fake.url, authUrl: fake.url, appRatePerSecond: 2_000, sellerRatePerSecond: 2_000 };
		const limiters = new RateLimiterRegistry();
		const from = addDays(todaySp(), -29);
		process.stdout.write(`seeding and backfilling ${clients} clients…\n`);
		const ids: string[] = [];
		const plainTokens = new Map<string, string>();
		for (let i = 0; i < clients; i++) {
			const seed = sellerSeed(i);
			fake.seedSeller(seed);
			const client = await warehouse.clients.create({ name: `Loja Bench ${i + 1}`, email: `bench${i}@example.com`, mlUserId: String(seed.userId) });
			const issued = fake.issueTokens(APP.clientId, seed.userId);
			await warehouse.vault.storeTokens(client.id, 'mercadolivre', {
				accessToken: issued.access_token,
				refreshToken: issued.refresh_token,
				expiresAt: new Date(Date.now() + issued.expires_in * 1000),
				accountId: String(seed.userId),
			});
			ids.push(client.id);
			plainTokens.set(client.id, issued.access_token);
		}
		for (let i = 0; i < ids.length; i += 8) {
			await Promise.all(ids.slice(i, i + 8).map((clientId) => syncClient({ warehouse: warehouse!, app: fastApp, clientId, from, mode: 'full', limiters })));
		}
		for (const clientId of ids) await makeReady(warehouse, clientId);
		// The naive night starts from a copy of this warehouse (CREATE DATABASE … TEMPLATE needs it idle).
		let naiveDbUrl = '';
		if (naive) {
			await warehouse.close();
			naiveDbUrl = await cloneDatabase(pg.url, 'viang_bench', 'viang_bench_naive');
			await prepareNaiveWarehouse(naiveDbUrl, plainTokens);
			warehouse = openWarehouse({ databaseUrl: dbUrl, tokenKey });
		}
		// The day's changes: a few old orders of every seller cancelled.
		for (const seller of fake.sellers.values()) {
			for (const order of seller.orders.filter((o) => o.status === 'paid').slice(0, 3)) fake.mutateOrder(order.id, { status: 'cancelled' });
		}

		// n8n with this package, as a community package, the workflows imported and client-etl published.
		process.stdout.write('installing the package into n8n…\n');
		const userFolder = join(work, 'n8n');
		mkdirSync(userFolder);
		await runtime.installPackage(join(userFolder, '.n8n', 'nodes'), work);
		const port = await freePort();
		const env = (extra: Record<string, string> = {}) =>
			runtime.n8nEnv(userFolder, ENCRYPTION_KEY, { N8N_LOG_LEVEL: 'info', N8N_PORT: String(port), N8N_LISTEN_ADDRESS: '127.0.0.1', ...extra });
		const startServer = async () => {
			let log = '';
			const child = spawn(installed.node, [installed.bin, 'start'], { env: env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()) }), stdio: ['ignore', 'pipe', 'pipe'] });
			child.stdout?.on('data', (d) => (log += d));
			child.stderr?.on('data', (d) => (log += d));
			await runtime.waitReady(`http://127.0.0.1:${port}`, child, () => log);
			return child;
		};
		server = await startServer();
		await runtime.setupOwner(`http://127.0.0.1:${port}`, OWNER);
		await runtime.stopChild(server);
		const cli = async (args: string[]) => {
			const result = await run(installed.node, [installed.bin, ...args], env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()) }));
			if (result.code !== 0) throw new Error(`n8n ${args[0]} failed:\n${result.stdout}\n${result.stderr}`);
			return result;
		};
		const credentials = join(work, 'credentials.json');
		writeFileSync(
			credentials,
			JSON.stringify([
				{ id: 'mercadoLivreApp', name: 'Mercado Livre App', type: 'mercadoLivreAppApi', data: { ...APP, apiUrl: fake.url, authUrl: fake.url } },
				{ id: 'viangWarehouse', name: 'Viang Warehouse', type: 'viangWarehouseApi', data: { transport: 'postgres', databaseUrl: dbUrl, tokenKey } },
				{ id: 'viangWebhookSecret', name: 'Viang Webhook Secret', type: 'httpHeaderAuth', data: { name: 'x-viang-secret', value: randomBytes(12).toString('hex') } },
				...(naive ? [{ id: 'benchNaivePg0001', name: 'Bench Naive Warehouse', type: 'postgres', data: pgCredential(naiveDbUrl) }] : []),
			]),
		);
		await cli(['import:credentials', `--input=${credentials}`]);
		const nightly = JSON.parse(readFileSync(join(__dirname, '..', 'workflows', 'nightly-etl.json'), 'utf8'));
		const runNode = nightly.nodes.find((n: { name: string }) => n.name === 'Run Client ETL');
		runNode.parameters.concurrency = concurrency;
		const nightlyFile = join(work, 'nightly-etl.json');
		writeFileSync(nightlyFile, JSON.stringify(nightly));
		await cli(['import:workflow', `--input=${join(__dirname, '..', 'workflows', 'client-etl.json')}`]);
		await cli(['import:workflow', `--input=${nightlyFile}`]);
		await cli(['publish:workflow', '--id=clientEtl0000001']);
		if (naive) {
			// The naive workflow calls Mercado Livre's real host; here it is the fake's address.
			const naiveFile = join(work, 'naive-nightly.json');
			writeFileSync(naiveFile, readFileSync(join(__dirname, 'naive-nightly.json'), 'utf8').replaceAll('https://api.mercadolibre.com', fake.url));
			await cli(['import:workflow', `--input=${naiveFile}`]);
		}
		server = await startServer();

		// The night: 200 ms per call, 10 requests/s per application.
		fake.server.latencyMs = LATENCY_MS;
		fake.server.rateLimit = { requests: RATE, windowMs: 1000, key: () => 'app' };
		const before = fake.server.requests.length;
		process.stdout.write(`running nightly-etl in n8n (${clients} clients, concurrency ${concurrency})…\n`);
		const started = Date.now();
		const result = await cli(['execute', '--id=nightlyEtl000001', '--rawOutput']);
		const wall = (Date.now() - started) / 1000;
		const { requests, limited } = countCalls(fake.server.requests.slice(before));
		const output = result.stdout;
		if (!output.includes('{')) throw new Error(`n8n execute printed no run:\n${result.stderr.slice(-3000)}`);
		const runData = (lastJsonObject(output) as RunData).data.resultData.runData;
		const summary = runData['Summarize Run'][0].data!.main[0]![0].json as { clients_ok: number; clients_failed: number; duration_ms: number; rows: number };
		const bound = requests / RATE;
		const inner = summary.duration_ms / 1000;
		const rows = [
			['clients (ok / failed)', `${summary.clients_ok} / ${summary.clients_failed}`],
			['API requests (answered) / 429s', `${requests} / ${limited}`],
			['rate-limit bound (requests ÷ 10/s)', `${bound.toFixed(1)} s`],
			['nightly run (List Due Clients → Summarize Run)', `${inner.toFixed(1)} s = ${(inner / bound).toFixed(2)}× the bound`],
			['wall time of `n8n execute` (incl. ~5 s CLI boot)', `${wall.toFixed(1)} s = ${(wall / bound).toFixed(2)}× the bound`],
			['rows written', String(summary.rows)],
		];
		process.stdout.write('\n| nightly-etl, incremental night | result |\n| --- | --- |\n');
		for (const [name, value] of rows) process.stdout.write(`| ${name} | ${value} |\n`);
		if (naive) await runNaive({ cli, fake, bound, ours: { wall, requests, limited }, dbUrl, naiveDbUrl });
	} finally {
		if (server) await runtime.stopChild(server);
		await warehouse?.close();
		await fake.stop();
		await pg.stop();
		if (!process.argv.includes('--keep')) {
			rmSync(work, { recursive: true, force: true });
			rmSync(pgDir, { recursive: true, force: true });
		}
	}
}

/** n8n's Postgres credential for a postgres://user@host:port/db URL (the local server trusts loopback). */
function pgCredential(url: string): Record<string, unknown> {
	const u = new URL(url);
	return { host: u.hostname, port: Number(u.port), database: u.pathname.slice(1), user: decodeURIComponent(u.username), password: decodeURIComponent(u.password), ssl: 'disable' };
}

interface NaiveRun {
	cli: (args: string[]) => Promise<{ stdout: string; stderr: string }>;
	fake: FakeMercadoLivre;
	bound: number;
	ours: { wall: number; requests: number; limited: number };
	dbUrl: string;
	naiveDbUrl: string;
}

/** The same night by bench/naive-nightly.json, on the copy of the warehouse; then both compared. */
async function runNaive({ cli, fake, bound, ours, dbUrl, naiveDbUrl }: NaiveRun): Promise<void> {
	process.stdout.write('\nrunning the naive workflow (HTTP Request + Postgres nodes) in the same n8n…\n');
	const before = fake.server.requests.length;
	const started = Date.now();
	let failure: string | null = null;
	try {
		// Its printed run data is tens of MB (every page of every client): success is read from the
		// warehouse instead, where each client's last node moves its watermark.
		await cli(['execute', '--id=naiveNightly0001']);
	} catch (error) {
		failure = (error as Error).message.split('\n')[0].slice(0, 200);
	}
	const behind = await clientsNotSyncedSince(naiveDbUrl, new Date(started).toISOString());
	if (!failure && behind > 0) failure = `${behind} clients not synced`;
	const wall = (Date.now() - started) / 1000;
	const { requests, limited } = countCalls(fake.server.requests.slice(before));
	const [oursFacts, naiveFacts, oursStaging, naiveStaging] = await Promise.all([
		digestTables(dbUrl, FACT_TABLES),
		digestTables(naiveDbUrl, FACT_TABLES),
		digestTables(dbUrl, STAGING_TABLES),
		digestTables(naiveDbUrl, STAGING_TABLES),
	]);
	const factDiff = differences(oursFacts, naiveFacts);
	const stagingDiff = differences(oursStaging, naiveStaging);
	const factRows = oursFacts.map((t) => `${t.table} ${t.rows}`).join(', ');
	const rows = [
		['naive run', failure ? `**failed**: ${failure}` : 'completed'],
		['API requests (answered) / 429s: ours · naive', `${ours.requests} / ${ours.limited} · ${requests} / ${limited}`],
		['wall time of `n8n execute`: ours', `${ours.wall.toFixed(1)} s = ${(ours.wall / bound).toFixed(2)}× the bound`],
		['wall time of `n8n execute`: naive', `${wall.toFixed(1)} s = ${(wall / bound).toFixed(2)}× the bound (${(wall / (requests / RATE)).toFixed(2)}× its own requests ÷ 10/s)`],
		['naive ÷ ours', `${(wall / ours.wall).toFixed(2)}×`],
		['fact rows, ours vs naive', factDiff.length === 0 ? `equal (${factRows})` : `**differ**: ${factDiff.join('; ')}`],
		['staging rows, ours vs naive', stagingDiff.length === 0 ? 'equal' : `**differ**: ${stagingDiff.join('; ')}`],
	];
	process.stdout.write('\n| same night, same n8n: ours vs naive | result |\n| --- | --- |\n');
	for (const [name, value] of rows) process.stdout.write(`| ${name} | ${value} |\n`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
