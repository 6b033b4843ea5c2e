// Warehouse load benchmark: 1,000,000 Mercado Livre order lines (with their orders) into staging
// and the facts refreshed, through the pg transport, on a temporary PostgreSQL of its own; beside
// a row-by-row INSERT baseline measured in the same run on a smaller sample (same server, same
// settings, same refresh). The pg transport loads order batches with COPY (staging.ts).
// Usage: npm run bench -- warehouse [--lines 1000000] [--baseline-lines 20000] [--batch 5000] [--concurrency 2]
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { TokenCipher, parseTokenKey } from '../domain/crypto/token-cipher';
import { migrate, openWarehouse, type MlOrderLineRow, type MlOrderRow, type Warehouse } from '../domain/warehouse';
import { startLocalPostgres } from '../domain/warehouse/local-postgres';

const { values } = parseArgs({
	options: {
		lines: { type: 'string', default: '1000000' },
		'baseline-lines': { type: 'string', default: '20000' },
		batch: { type: 'string', default: '5000' },
		concurrency: { type: 'string', default: '2' },
	},
});
const TOTAL_LINES = Number(values.lines);
const BASELINE_LINES = Number(values['baseline-lines']);
const BATCH_ORDERS = Number(values.batch);
const CONCURRENCY = Number(values.concurrency);
// A large seller: 300 listings (a third with 4 variations), so some 500 SKUs a day.
const ITEMS = 300;
// The bench server's own settings, beside the embedded server's (fsync off, synchronous_commit
// off, full_page_writes off): room for the loaded tables in shared buffers, no checkpoint in the
// middle of the load, no WAL kept for replication (there is none). They apply to the baseline too.
const SERVER_SETTINGS = {
	shared_buffers: '1GB',
	max_wal_size: '8GB',
	checkpoint_timeout: '30min',
	wal_level: 'minimal',
	max_wal_senders: '0',
	wal_buffers: '64MB',
};

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
sampler.unref();

/** Deterministic synthetic orders: 1-3 lines each, ITEMS listings (a third with variations), one year of days. */
function* orderBatches(prefix: string, totalLines: number, batchOrders: number): Generator<{ orders: MlOrderRow[]; lines: MlOrderLineRow[] }> {
	const start = Date.parse('2024-01-01T03:00:00Z');
	const statuses = ['paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'partially_refunded', 'cancelled', 'confirmed', 'payment_required'];
	let produced = 0;
	let n = 0;
	while (produced < totalLines) {
		const orders: MlOrderRow[] = [];
		const lines: MlOrderLineRow[] = [];
		while (orders.length < batchOrders && produced < totalLines) {
			const orderId = `${prefix}${2000000000000 + n}`;
			const created = new Date(start + ((n * 7919) % (365 * 86400)) * 1000).toISOString();
			orders.push({ orderId, status: statuses[n % statuses.length], dateCreated: created, dateLastUpdated: created, totalAmount: '0.00', currencyId: 'BRL' });
			const count = Math.min(1 + (n % 3), totalLines - produced);
			for (let lineNo = 0; lineNo < count; lineNo++) {
				const item = (n * 31 + lineNo * 17) % ITEMS;
				lines.push({
					orderId,
					lineNo,
					itemId: `MLB${1000000 + item}`,
					variationId: item % 3 === 0 ? String(item * 10 + (n % 4)) : null,
					sellerSku: item % 5 === 0 ? `SKU-${item}` : null,
					quantity: 1 + (n % 4),
					unitPrice: `${10 + (item % 90)}.${String(n % 100).padStart(2, '0')}`,
					saleFee: `${1 + (item % 9)}.${String(item % 100).padStart(2, '0')}`,
				});
			}
			produced += count;
			n++;
		}
		yield { orders, lines };
	}
}

async function loadItems(warehouse: Warehouse, clientId: string): Promise<void> {
	const items = Array.from({ length: ITEMS }, (_, item) => ({
		itemId: `MLB${1000000 + item}`,
		title: `Item ${item}`,
		status: 'active',
		skuAttribute: item % 2 === 0 ? `ATTR-${item}` : null,
		sellerCustomField: item % 7 === 0 ? `CF-${item}` : null,
	}));
	const variations = items
		.filter((_, item) => item % 3 === 0)
		.flatMap((_, i) => [0, 1, 2, 3].map((v) => ({ itemId: `MLB${1000000 + i * 3}`, variationId: String(i * 30 + v), skuAttribute: v % 2 ? `VAR-${i}-${v}` : null, sellerCustomField: null })));
	await warehouse.staging.upsertMlItems(clientId, items, variations);
}

async function fastLoad(warehouse: Warehouse, clientId: string, totalLines: number): Promise<{ seconds: number; loadSeconds: number; refreshSeconds: number; factRows: number }> {
	const started = process.hrtime.bigint();
	const batches = orderBatches('F', totalLines, BATCH_ORDERS);
	// A few loaders pull batches as the extractor would hand them over.
	await Promise.all(
		Array.from({ length: CONCURRENCY }, async () => {
			for (let next = batches.next(); !next.done; next = batches.next()) {
				await warehouse.staging.upsertMlOrders(clientId, next.value.orders, next.value.lines, { batchSize: BATCH_ORDERS, concurrency: 1 });
			}
		}),
	);
	const loaded = process.hrtime.bigint();
	const refreshed = await warehouse.facts.refreshDirty(clientId, { concurrency: CONCURRENCY });
	const done = process.hrtime.bigint();
	return {
		seconds: Number(done - started) / 1e9,
		loadSeconds: Number(loaded - started) / 1e9,
		refreshSeconds: Number(done - loaded) / 1e9,
		factRows: refreshed.factSkuDayRows,
	};
}

/** The naive way: one INSERT per order and per line, each its own statement, then the same refresh. */
async function rowByRow(databaseUrl: string, warehouse: Warehouse, clientId: string, totalLines: number): Promise<number> {
	const client = new Client({ connectionString: databaseUrl });
	await client.connect();
	const started = process.hrtime.bigint();
	for (const { orders, lines } of orderBatches('B', totalLines, 1000)) {
		for (const o of orders) {
			await client.query(
				`insert into ml_orders (client_id, order_id, status, date_created, date_last_updated, total_amount, currency_id)
				values ($1, $2, $3, $4, $5, $6, $7)
				on conflict (client_id, order_id) do update set status = excluded.status, date_created = excluded.date_created,
					date_last_updated = excluded.date_last_updated, total_amount = excluded.total_amount, currency_id = excluded.currency_id`,
				[clientId, o.orderId, o.status, o.dateCreated, o.dateLastUpdated, o.totalAmount, o.currencyId],
			);
		}
		for (const l of lines) {
			await client.query(
				`insert into ml_order_lines (client_id, order_id, line_no, item_id, variation_id, seller_sku, quantity, unit_price, sale_fee)
				values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
				on conflict (client_id, order_id, line_no) do update set item_id = excluded.item_id, variation_id = excluded.variation_id,
					seller_sku = excluded.seller_sku, quantity = excluded.quantity, unit_price = excluded.unit_price, sale_fee = excluded.sale_fee`,
				[clientId, l.orderId, l.lineNo, l.itemId, l.variationId, l.sellerSku, l.quantity, l.unitPrice, l.saleFee],
			);
		}
	}
	await warehouse.facts.refreshClientFacts(clientId, '2023-12-01', '2025-01-31');
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	await client.end();
	return totalLines / seconds;
}

async function main(): Promise<void> {
	const dataDir = mkdtempSync(join(tmpdir(), 'viang-bench-'));
	chmodSync(dataDir, 0o755);
	const server = await startLocalPostgres(dataDir, undefined, SERVER_SETTINGS);
	try {
		await migrate(server.url);
		const warehouse = openWarehouse({ databaseUrl: server.url, cipher: new TokenCipher(parseTokenKey('00'.repeat(32))), poolSize: CONCURRENCY + 2 });
		const fast = await warehouse.clients.create({ name: 'Bench rápido', email: 'bench@example.com' });
		const slow = await warehouse.clients.create({ name: 'Bench linha a linha', email: 'bench@example.com' });
		await loadItems(warehouse, fast.id);
		await loadItems(warehouse, slow.id);

		console.log(`warehouse bench: ${TOTAL_LINES.toLocaleString('en')} order lines, ${cpus().length} CPU(s), Node ${process.version}, PostgreSQL at ${server.url}`);
		console.log(`server settings: fsync=off synchronous_commit=off full_page_writes=off ${Object.entries(SERVER_SETTINGS).map(([k, v]) => `${k}=${v}`).join(' ')}`);
		const baselineRate = await rowByRow(server.url, warehouse, slow.id, BASELINE_LINES);
		console.log(`baseline row-by-row: ${BASELINE_LINES.toLocaleString('en')} lines → ${Math.round(baselineRate).toLocaleString('en')} lines/s (extrapolated to ${TOTAL_LINES.toLocaleString('en')} lines: ${(TOTAL_LINES / baselineRate).toFixed(0)} s)`);

		const result = await fastLoad(warehouse, fast.id, TOTAL_LINES);
		const rate = TOTAL_LINES / result.seconds;
		console.log(
			`batched (COPY, ${BATCH_ORDERS} orders/batch, ${CONCURRENCY} in flight; refresh in ${CONCURRENCY} pieces): load ${result.loadSeconds.toFixed(2)} s + refresh ${result.refreshSeconds.toFixed(2)} s = ${result.seconds.toFixed(2)} s`,
		);
		console.log(`end to end: ${Math.round(rate).toLocaleString('en')} lines/s, ${(rate / baselineRate).toFixed(1)}× the row-by-row baseline; ${result.factRows.toLocaleString('en')} fact_sku_day rows`);
		console.log(`peak RSS (this process): ${(peakRss / 1024 / 1024).toFixed(0)} MiB`);
		await warehouse.close();
	} finally {
		await server.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
