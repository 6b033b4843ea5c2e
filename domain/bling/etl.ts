// The Bling ETL, shared by `viang etl run --sources bling` and the Bling node's Warehouse Sync:
//  - stock: every product SKU's physical balance per depósito, with the product's cost price, as
//    one snapshot (one instant) in stock_snapshots;
//  - finance: contas a receber / a pagar due in the range → fin_client_day (finance.ts).
// Each part writes its own updates_log row (bling_stock, bling_finance); a failing part does not
// stop the other, and the first failure is rethrown at the end.
import type { RateLimiterRegistry } from '../http';
import { addDays, assertDay, todaySp } from '../mercadolivre/time';
import type { BlingAccountEntry, BlingProduct } from './api-types';
import { BlingClient } from './client';
import { BlingApp } from './config';
import { computeFinanceDays, needsDetail } from './finance';
import { blingClientForViangClient } from './session';
import { buildBlingSnapshots, stockProducts } from './stock';
import { BlingWarehousePort, loggedPart } from './warehouse-port';

export type BlingSyncPart = 'stock' | 'finance';
export const BLING_SYNC_PARTS: readonly BlingSyncPart[] = ['stock', 'finance'];
/** Default finance range: 180 days back (open entries still move) to 90 days ahead (what falls due). */
export const FINANCE_DAYS_BACK = 180;
export const FINANCE_DAYS_AHEAD = 90;
/** Bling refuses date filters longer than a year: ask in windows of this many days. */
export const FINANCE_WINDOW_DAYS = 180;

export interface BlingSyncOptions {
	warehouse: BlingWarehousePort;
	app: BlingApp;
	clientId: string;
	parts?: readonly BlingSyncPart[];
	/** Finance range (due dates, São Paulo days, both included); defaults above. */
	from?: string;
	to?: string;
	/** A ready client (tests); default: one with tokens from the warehouse vault. */
	client?: BlingClient;
	limiters?: RateLimiterRegistry;
	now?: () => number;
	log?: (message: string) => void;
}

export interface BlingSyncSummary {
	clientId: string;
	parts: BlingSyncPart[];
	takenAt: string | null;
	products: number;
	skus: number;
	snapshots: number;
	from: string | null;
	to: string | null;
	receivables: number;
	payables: number;
	financeDays: number;
	rowsWritten: number;
	requests: number;
	retries: number;
	rateLimited: number;
	durationMs: number;
}

/** Due-date windows of at most FINANCE_WINDOW_DAYS days covering [from, to]. */
export function financeWindows(from: string, to: string): Array<{ from: string; to: string }> {
	const windows: Array<{ from: string; to: string }> = [];
	for (let start = from; start <= to; start = addDays(start, FINANCE_WINDOW_DAYS)) {
		const end = addDays(start, FINANCE_WINDOW_DAYS - 1);
		windows.push({ from: start, to: end < to ? end : to });
	}
	return windows;
}

async function withOpenBalances(client: BlingClient, entries: BlingAccountEntry[], kind: 'receivable' | 'payable'): Promise<BlingAccountEntry[]> {
	const out: BlingAccountEntry[] = [];
	for (const entry of entries) {
		if (!needsDetail(entry)) out.push(entry);
		else out.push({ ...entry, ...(kind === 'receivable' ? await client.getReceivable(entry.id) : await client.getPayable(entry.id)) });
	}
	return out;
}

export async function syncBlingClient(options: BlingSyncOptions): Promise<BlingSyncSummary> {
	const started = Date.now();
	const now = options.now ?? Date.now;
	const { warehouse, app, clientId } = options;
	const parts = [...new Set(options.parts ?? BLING_SYNC_PARTS)];
	const log = options.log ?? (() => undefined);
	const today = todaySp(now());
	const summary: BlingSyncSummary = {
		clientId,
		parts,
		takenAt: null,
		products: 0,
		skus: 0,
		snapshots: 0,
		from: null,
		to: null,
		receivables: 0,
		payables: 0,
		financeDays: 0,
		rowsWritten: 0,
		requests: 0,
		retries: 0,
		rateLimited: 0,
		durationMs: 0,
	};
	if (parts.includes('finance')) {
		summary.from = assertDay(options.from ?? addDays(today, -FINANCE_DAYS_BACK), 'from');
		summary.to = assertDay(options.to ?? addDays(today, FINANCE_DAYS_AHEAD), 'to');
		if (summary.to < summary.from) throw new Error(`"to" (${summary.to}) is before "from" (${summary.from})`);
	}
	if (!(await warehouse.clients.get(clientId))) throw new Error(`Viang client ${clientId} not found in the warehouse`);
	const client = options.client ?? blingClientForViangClient(warehouse.vault, app, clientId, { limiters: options.limiters });

	const stock = async () => {
		const takenAt = new Date(now()).toISOString();
		// criterio 5 = every product (active and inactive: an inactive product may still hold stock).
		const products = await client.all<BlingProduct>('produtos.list', '/produtos', { criterio: 5 });
		const skuProducts = stockProducts(products);
		const deposits = await client.listDeposits();
		const balances = await client.getStockBalances(skuProducts.map((p) => p.id));
		const rows = buildBlingSnapshots({ products: skuProducts, balances, deposits, takenAt });
		// One insert at the end: a failed run leaves no half snapshot behind.
		const { rowsWritten } = await warehouse.stock.insertSnapshots(clientId, rows);
		summary.takenAt = takenAt;
		summary.products = products.length;
		summary.skus = new Set(rows.map((r) => r.sku)).size;
		summary.snapshots = rows.length;
		summary.rowsWritten += rowsWritten;
		log(`stock: ${products.length} products, ${rows.length} snapshot rows (${summary.skus} SKUs)`);
		return { rowsRead: products.length, rowsWritten };
	};

	const finance = async () => {
		const from = summary.from!;
		const to = summary.to!;
		const receivables: BlingAccountEntry[] = [];
		const payables: BlingAccountEntry[] = [];
		for (const w of financeWindows(from, to)) {
			receivables.push(
				...(await client.all<BlingAccountEntry>('contasReceber.list', '/contas/receber', { tipoFiltroData: 'V', dataInicial: w.from, dataFinal: w.to })),
			);
			payables.push(
				...(await client.all<BlingAccountEntry>('contasPagar.list', '/contas/pagar', { dataVencimentoInicial: w.from, dataVencimentoFinal: w.to })),
			);
		}
		const rows = computeFinanceDays({
			receivables: await withOpenBalances(client, receivables, 'receivable'),
			payables: await withOpenBalances(client, payables, 'payable'),
			from,
			to,
			asOf: today,
		});
		const { rowsWritten } = await warehouse.finance.upsertDays(clientId, rows);
		summary.receivables = receivables.length;
		summary.payables = payables.length;
		summary.financeDays = rows.length;
		summary.rowsWritten += rowsWritten;
		log(`finance: ${receivables.length} receivables, ${payables.length} payables → ${rows.length} days (${rowsWritten} changed)`);
		return { rowsRead: receivables.length + payables.length, rowsWritten };
	};

	let failure: unknown;
	if (parts.includes('stock')) {
		await loggedPart(warehouse.runs, { clientId, source: 'bling_stock', step: 'snapshot', dateFrom: today, dateTo: today }, stock).catch((e) => (failure ??= e));
	}
	if (parts.includes('finance')) {
		await loggedPart(warehouse.runs, { clientId, source: 'bling_finance', step: 'full', dateFrom: summary.from, dateTo: summary.to }, finance).catch(
			(e) => (failure ??= e),
		);
	}
	summary.requests = client.stats.requests;
	summary.retries = client.stats.retries;
	summary.rateLimited = client.stats.rateLimited;
	summary.durationMs = Date.now() - started;
	if (failure) throw failure;
	return summary;
}

/** Parses `bling` or `bling.stock,bling.finance` (or `stock,finance`) into parts. */
export function parseBlingParts(values: readonly string[]): BlingSyncPart[] {
	const parts = new Set<BlingSyncPart>();
	for (const raw of values) {
		const value = raw.trim().toLowerCase();
		if (value === 'bling') BLING_SYNC_PARTS.forEach((p) => parts.add(p));
		else if (value === 'bling.stock' || value === 'stock') parts.add('stock');
		else if (value === 'bling.finance' || value === 'finance') parts.add('finance');
		else throw new Error(`unknown Bling part "${raw}" (use bling, bling.stock or bling.finance)`);
	}
	return [...parts];
}
