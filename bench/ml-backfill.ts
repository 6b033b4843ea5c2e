// `npm run bench -- ml-backfill [--scale 0.1] [--skip-baseline]`
// A 90-day Mercado Livre backfill against the fake with 200 ms latency per call and a limit of
// 10 requests/s per application: 30,000 orders, 2,000 items, Product Ads on. Prints wall time,
// requests, the bound (requests ÷ rate limit), their ratio and peak RSS, beside a naive sequential
// baseline (one call at a time, parts one after the other) run in the same process. The fake runs
// in a child process, so the memory figures are those of the ETL (plus the runtime), not of the
// fake's 60,000 seeded orders.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { RateLimiterRegistry } from '../domain/http';
import { addDays, ML_SYNC_PARTS, syncClient, todaySp, type MercadoLivreApp, type SyncSummary } from '../domain/mercadolivre';
import { migrate, openWarehouse, startLocalPostgres, type Warehouse } from '../domain/warehouse';
import { FakeMercadoLivre } from '../test/fakes/mercadolivre';

const RATE = 10;
const LATENCY_MS = 200;
const APP = { clientId: '7070707070', clientSecret: 'bench-secret' };

function arg(name: string): string | undefined {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 ? process.argv[i + 1] : undefined;
}

class PeakRss {
	peak = 0;
	peakHeap = 0;
	private timer = setInterval(() => this.sample(), 50);
	sample(): void {
		const usage = process.memoryUsage();
		this.peak = Math.max(this.peak, usage.rss);
		this.peakHeap = Math.max(this.peakHeap, usage.heapUsed);
	}
	stop(): number {
		clearInterval(this.timer);
		this.sample();
		return this.peak;
	}
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function freshWarehouse(adminUrl: string, name: string): Promise<{ warehouse: Warehouse; url: string }> {
	const admin = new Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${name}`);
	await admin.end();
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	await migrate(url.toString());
	return { warehouse: openWarehouse({ databaseUrl: url.toString(), tokenKey: randomBytes(32).toString('hex') }), url: url.toString() };
}

interface FakeHandle {
	url: string;
	requests(): Promise<number>;
	issueTokens(userId: number): Promise<{ access_token: string; refresh_token: string; expires_in: number }>;
}

async function control<T>(url: string, path: string, body?: unknown): Promise<T> {
	const res = await fetch(`${url}${path}`, {
		method: body === undefined ? 'GET' : 'POST',
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return (await res.json()) as T;
}

/** Child mode: serve the fake until stdin closes. */
async function serveFake(scale: number, sellers: number[]): Promise<void> {
	const fake = new FakeMercadoLivre();
	await fake.start();
	fake.registerApp(APP);
	for (const userId of sellers) {
		fake.seedSeller({ userId, seed: 1, orders: Math.round(30_000 * scale), items: Math.round(2_000 * scale), days: 90, ads: true });
	}
	fake.server.latencyMs = LATENCY_MS;
	fake.server.rateLimit = { requests: RATE, windowMs: 1000 };
	fake.server.setFaults({ exempt: /^\/__control\// });
	process.stdout.write(`${JSON.stringify({ url: fake.url })}\n`);
	process.stdin.resume();
	process.stdin.on('end', () => void fake.stop().then(() => process.exit(0)));
}

async function startFakeChild(scale: number, sellers: number[]): Promise<{ fake: FakeHandle; child: ChildProcess }> {
	const runner = __filename.endsWith('.ts') ? ['-r', 'ts-node/register/transpile-only'] : [];
	const child = spawn(process.execPath, [...runner, __filename, '--serve-fake', String(scale), sellers.join(',')], {
		stdio: ['pipe', 'pipe', 'inherit'],
	});
	const url = await new Promise<string>((resolve, reject) => {
		let buffer = '';
		child.stdout!.on('data', (chunk: Buffer) => {
			buffer += chunk.toString('utf8');
			const line = buffer.split('\n')[0];
			if (buffer.includes('\n')) resolve((JSON.parse(line) as { url: string }).url);
		});
		child.on('exit', (code) => reject(new Error(`fake exited with ${code}`)));
	});
	return {
		child,
		fake: {
			url,
			requests: async () => (await control<{ requests: number }>(url, '/__control/stats')).requests,
			issueTokens: (userId) => control(url, '/__control/tokens', { appId: APP.clientId, userId }),
		},
	};
}

async function prepareClient(warehouse: Warehouse, fake: FakeHandle, userId: number): Promise<string> {
	const client = await warehouse.clients.create({ name: `Bench ${userId}`, email: `bench${userId}@example.com`, mlUserId: String(userId) });
	const issued = await fake.issueTokens(userId);
	await warehouse.vault.storeTokens(client.id, 'mercadolivre', {
		accessToken: issued.access_token,
		refreshToken: issued.refresh_token,
		expiresAt: new Date(Date.now() + issued.expires_in * 1000),
	});
	return client.id;
}

interface RunResult {
	label: string;
	summary: SyncSummary;
	wallMs: number;
	requests: number;
	peakRss: number;
	peakHeap: number;
}

async function run(label: string, fake: FakeHandle, warehouse: Warehouse, clientId: string, app: MercadoLivreApp, naive: boolean, from: string): Promise<RunResult> {
	const seen = await fake.requests();
	const rss = new PeakRss();
	const started = Date.now();
	let summary: SyncSummary;
	const limiters = new RateLimiterRegistry();
	if (naive) {
		// One call at a time, one part after the other: what a straightforward loop would do.
		const parts: SyncSummary[] = [];
		for (const part of ML_SYNC_PARTS) {
			parts.push(await syncClient({ warehouse, app, clientId, from, mode: 'full', sources: [part], concurrency: 1, limiters }));
		}
		summary = parts.reduce((a, b) => ({ ...a, orders: a.orders + b.orders, items: a.items + b.items, visits: a.visits + b.visits, adGroups: a.adGroups + b.adGroups }));
	} else {
		summary = await syncClient({ warehouse, app, clientId, from, mode: 'full', concurrency: 6, limiters });
	}
	const wallMs = Date.now() - started;
	// The fake's request log is the ground truth (it counts retries and token calls too).
	const requests = (await fake.requests()) - seen - 1; // minus our own stats call
	const peakRss = rss.stop();
	return { label, summary, wallMs, requests, peakRss, peakHeap: rss.peakHeap };
}

function report(r: RunResult): void {
	const boundMs = (r.requests / RATE) * 1000;
	console.log(
		`${r.label.padEnd(10)} wall ${(r.wallMs / 1000).toFixed(1).padStart(7)} s | requests ${String(r.requests).padStart(5)} | ` +
			`bound ${(boundMs / 1000).toFixed(1).padStart(7)} s | ratio ${(r.wallMs / boundMs).toFixed(3)} | peak RSS ${mb(r.peakRss)} (heap ${mb(r.peakHeap)}) | ` +
			`orders ${r.summary.orders}, items ${r.summary.items}, visits ${r.summary.visits}, ad groups ${r.summary.adGroups}`,
	);
}

export async function main(): Promise<void> {
	const scale = Number(arg('scale') ?? 1);
	const skipBaseline = process.argv.includes('--skip-baseline');
	const dataDir = mkdtempSync(join(tmpdir(), 'viang-bench-ml-'));
	const pg = await startLocalPostgres(dataDir);
	const sellers = skipBaseline ? [61_001] : [61_001, 61_002];
	const { fake, child } = await startFakeChild(scale, sellers);
	try {
		const seed = { orders: Math.round(30_000 * scale), items: Math.round(2_000 * scale) };
		const app: MercadoLivreApp = { ...APP, apiUrl: fake.url, authUrl: fake.url, appRatePerSecond: RATE * 0.98, sellerRatePerSecond: RATE * 0.98 };
		const naiveApp: MercadoLivreApp = { ...app, appRatePerSecond: 1000, sellerRatePerSecond: 1000 };
		const from = addDays(todaySp(), -90);
		global.gc?.();
		console.log(`RSS before the runs (runtime, pg client; the fake runs in a child process): ${mb(process.memoryUsage().rss)}`);
		console.log(`ml-backfill: ${seed.orders} orders, ${seed.items} items, 90 days, ads on; fake latency ${LATENCY_MS} ms, limit ${RATE} req/s per app`);
		const a = await freshWarehouse(pg.url, 'bench_ml_fast');
		const fast = await run('pipelined', fake, a.warehouse, await prepareClient(a.warehouse, fake, 61_001), app, false, from);
		report(fast);
		await a.warehouse.close();
		if (!skipBaseline) {
			const b = await freshWarehouse(pg.url, 'bench_ml_naive');
			const naive = await run('naive', fake, b.warehouse, await prepareClient(b.warehouse, fake, 61_002), naiveApp, true, from);
			report(naive);
			console.log(`speed-up ${(naive.wallMs / fast.wallMs).toFixed(2)}×`);
			await b.warehouse.close();
		}
		const ratio = fast.wallMs / ((fast.requests / RATE) * 1000);
		console.log(`goal: ratio ≤ 1.2 (${ratio <= 1.2 ? 'met' : 'NOT met'}), peak RSS < 300 MB (${fast.peakRss < 300 * 1024 * 1024 ? 'met' : 'NOT met'})`);
	} finally {
		child.stdin!.end();
		await pg.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
}

if (require.main === module && process.argv.includes('--serve-fake')) {
	const i = process.argv.indexOf('--serve-fake');
	void serveFake(Number(process.argv[i + 1]), process.argv[i + 2].split(',').map(Number));
} else if (require.main === module) {
	main().catch((error) => {
		console.error(error);
		process.exitCode = 1;
	});
}
