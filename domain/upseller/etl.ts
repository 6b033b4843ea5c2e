// The UpSeller ETL: every warehouse's SKU stock as one snapshot (one instant) in stock_snapshots
// (source 'upseller', warehouse = UpSeller's warehouse name, no unit cost: UpSeller's API has none).
// Orders are not in UpSeller's API: sales keep coming from the marketplaces. One updates_log row
// per run (upseller_stock).
import type { RateLimiterRegistry } from '../http';
import { addDecimals } from '../mercadolivre/decimal';
import { todaySp } from '../mercadolivre/time';
import type { StockSnapshotRow } from '../warehouse/stock-and-finance';
import { loggedPart, type ClientsPort, type RunsPort, type StockPort } from '../bling/warehouse-port';
import { UpSellerClient } from './client';
import type { UpSellerConfig } from './config';
import { readUpSellerCredentials, type UpSellerVaultPort } from './credentials';
import { normalizeSkuStock, normalizeWarehouse } from './normalize';

export interface UpSellerWarehousePort {
	vault: UpSellerVaultPort;
	stock: StockPort;
	runs: RunsPort;
	clients: ClientsPort;
}

export interface UpSellerSyncOptions {
	warehouse: UpSellerWarehousePort;
	config: UpSellerConfig;
	clientId: string;
	client?: UpSellerClient;
	limiters?: RateLimiterRegistry;
	now?: () => number;
	log?: (message: string) => void;
}

export interface UpSellerSyncSummary {
	clientId: string;
	takenAt: string;
	warehouses: number;
	skus: number;
	snapshots: number;
	rowsWritten: number;
	requests: number;
	durationMs: number;
}

export async function upSellerClientFor(
	warehouse: Pick<UpSellerWarehousePort, 'vault'>,
	config: UpSellerConfig,
	clientId: string,
	limiters?: RateLimiterRegistry,
): Promise<UpSellerClient> {
	return new UpSellerClient({ config, credentials: await readUpSellerCredentials(warehouse.vault, clientId), clientId, limiters });
}

export async function syncUpSellerClient(options: UpSellerSyncOptions): Promise<UpSellerSyncSummary> {
	const started = Date.now();
	const now = options.now ?? Date.now;
	const { warehouse, clientId } = options;
	const log = options.log ?? (() => undefined);
	if (!(await warehouse.clients.get(clientId))) throw new Error(`Viang client ${clientId} not found in the warehouse`);
	const today = todaySp(now());
	const takenAt = new Date(now()).toISOString();
	const summary: UpSellerSyncSummary = { clientId, takenAt, warehouses: 0, skus: 0, snapshots: 0, rowsWritten: 0, requests: 0, durationMs: 0 };
	let client: UpSellerClient | undefined = options.client;
	try {
		await loggedPart(warehouse.runs, { clientId, source: 'upseller_stock', step: 'snapshot', dateFrom: today, dateTo: today }, async () => {
			client ??= await upSellerClientFor(warehouse, options.config, clientId, options.limiters);
			const rows = new Map<string, StockSnapshotRow>();
			let read = 0;
			const warehouses = (await client.allWarehouses()).map(normalizeWarehouse).filter((w) => w !== null);
			for (const w of warehouses) {
				for (const raw of await client.allWarehouseSkus(w.id)) {
					read += 1;
					const stock = normalizeSkuStock(raw);
					if (!stock || !stock.sku) continue;
					const key = `${stock.sku}\u0000${w.name}`;
					const existing = rows.get(key);
					if (existing) existing.quantity = addDecimals(String(existing.quantity), stock.quantity);
					else rows.set(key, { sku: stock.sku, source: 'upseller', warehouse: w.name, takenAt, quantity: stock.quantity, unitCost: null });
				}
			}
			const { rowsWritten } = await warehouse.stock.insertSnapshots(clientId, [...rows.values()]);
			summary.warehouses = warehouses.length;
			summary.snapshots = rows.size;
			summary.skus = new Set([...rows.values()].map((r) => r.sku)).size;
			summary.rowsWritten = rowsWritten;
			log(`stock: ${warehouses.length} warehouses, ${rows.size} snapshot rows (${summary.skus} SKUs)`);
			return { rowsRead: read, rowsWritten };
		});
	} finally {
		summary.requests = client?.stats.requests ?? 0;
		summary.durationMs = Date.now() - started;
	}
	return summary;
}
