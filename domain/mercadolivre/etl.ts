// The Mercado Livre ETL, shared by `viang etl run` and the node's Warehouse Sync: pages stream
// from the API straight into staging (fetch → convert → upsert → next), with a shared limiter and
// a few calls in flight; facts are refreshed for the touched days at the end. Loads are idempotent
// (natural keys), and an incremental run (orders updated since the last successful run) leaves the
// same tables as a full re-sync. Every part writes an updates_log row.
import { RateLimiterRegistry, TaskPool } from '../http';
import { findAdvertiser, forEachAdGroupPage } from './ads';
import { MercadoLivreClient } from './client';
import { MercadoLivreApp } from './config';
import { extractAdGroupItems, extractAdGroupMetrics, extractItem, extractOrder } from './extract';
import { multigetOnPool, scanItemIds } from './items';
import { fetchOrders } from './orders';
import { clientForViangClient, InvalidGrantFactory } from './session';
import { addDays, assertDay, parseInstantSp, spDay, spDayEndIso, todaySp } from './time';
import { fetchItemVisits } from './visits';
import type { MlWarehousePort } from './warehouse-port';
import type { MlVisitRow } from '../warehouse/staging-types';
import { BufferedWriter } from './buffered-writer';

export type MlSyncPart = 'orders' | 'items' | 'visits' | 'ads';
export const ML_SYNC_PARTS: readonly MlSyncPart[] = ['orders', 'items', 'visits', 'ads'];
export const ORDERS_WATERMARK_SOURCE = 'ml_orders';

/** Ads metrics of a day close at 10:00 (Brasília) the next day: always re-pull the last 3 days. */
export const ADS_REPULL_DAYS = 3;
/** Product Ads answers at most 90 days back from today. */
export const ADS_MAX_DAYS_BACK = 90;
/** Incremental order windows start a little before the watermark (clock skew, late indexing). */
export const WATERMARK_OVERLAP_MS = 10 * 60_000;

export interface SyncClientOptions {
	warehouse: MlWarehousePort;
	app: MercadoLivreApp;
	clientId: string;
	/** 'YYYY-MM-DD' (São Paulo); for incremental runs only used when there is no watermark yet. */
	from: string;
	/** 'YYYY-MM-DD', included; default today. */
	to?: string;
	sources?: readonly MlSyncPart[];
	mode?: 'full' | 'incremental';
	/** Calls in flight per part (the limiter sets the pace). */
	concurrency?: number;
	invalidGrant?: InvalidGrantFactory;
	/** A ready client (tests, benchmark); default: one with tokens from the warehouse vault. */
	client?: MercadoLivreClient;
	/** Limiter registry for the default client (default: the process-wide one). */
	limiters?: RateLimiterRegistry;
	now?: () => number;
	log?: (message: string) => void;
}

export interface SyncSummary {
	clientId: string;
	mode: 'full' | 'incremental';
	from: string;
	to: string;
	sources: MlSyncPart[];
	orders: number;
	lines: number;
	items: number;
	variations: number;
	visits: number;
	adGroups: number;
	adGroupDays: number;
	rowsWritten: number;
	factRowsWritten: number;
	requests: number;
	retries: number;
	rateLimited: number;
	duplicateOrders: number;
	orderWindows: number;
	durationMs: number;
	/** The orders watermark after the run (ISO), when it moved. */
	watermark: string | null;
}

interface PartResult {
	rowsRead: number;
	rowsWritten: number;
}

export async function syncClient(options: SyncClientOptions): Promise<SyncSummary> {
	const started = Date.now();
	const now = options.now ?? Date.now;
	const runStartedAt = now();
	const { warehouse, app, clientId } = options;
	const mode = options.mode ?? 'full';
	const today = todaySp(runStartedAt);
	const to = assertDay(options.to ?? today, 'to');
	const from = assertDay(options.from, 'from');
	if (to < from) throw new Error(`"to" (${to}) is before "from" (${from})`);
	const sources = [...new Set(options.sources ?? ML_SYNC_PARTS)];
	const concurrency = options.concurrency ?? 4;
	const log = options.log ?? (() => undefined);

	const client = options.client ?? clientForViangClient(warehouse.vault, app, clientId, { invalidGrant: options.invalidGrant, limiters: options.limiters });
	const summary: SyncSummary = {
		clientId,
		mode,
		from,
		to,
		sources,
		orders: 0,
		lines: 0,
		items: 0,
		variations: 0,
		visits: 0,
		adGroups: 0,
		adGroupDays: 0,
		rowsWritten: 0,
		factRowsWritten: 0,
		requests: 0,
		retries: 0,
		rateLimited: 0,
		duplicateOrders: 0,
		orderWindows: 0,
		durationMs: 0,
		watermark: null,
	};

	const stored = await warehouse.clients.get(clientId);
	if (!stored) throw new Error(`Viang client ${clientId} not found in the warehouse`);
	const sellerId = stored.mlUserId ?? String((await client.getMe()).id);

	// Incremental: orders updated since the watermark; visits and ads re-pull recent days.
	let ordersWindow: { field: 'date_created' | 'date_last_updated'; from: number; to: number } = {
		field: 'date_created',
		from: parseInstantSp(from),
		to: Date.parse(spDayEndIso(to)),
	};
	let recentFrom = from;
	if (mode === 'incremental') {
		const mark = await warehouse.runs.getWatermark(clientId, ORDERS_WATERMARK_SOURCE);
		const since = mark?.watermark ? Date.parse(mark.watermark) : NaN;
		if (!Number.isNaN(since)) {
			const sinceMs = since - WATERMARK_OVERLAP_MS;
			ordersWindow = { field: 'date_last_updated', from: sinceMs, to: runStartedAt };
			const repull = addDays(to, -(ADS_REPULL_DAYS - 1));
			recentFrom = spDay(sinceMs) < repull ? spDay(sinceMs) : repull;
			log(`incremental: orders updated since ${new Date(sinceMs).toISOString()}`);
		} else {
			log('incremental: no watermark yet, syncing the whole range');
		}
	}

	const runPart = async (part: MlSyncPart, source: string, dateFrom: string, work: () => Promise<PartResult>): Promise<void> => {
		const run = await warehouse.runs.start({ clientId, source, step: mode, dateFrom, dateTo: to });
		try {
			const result = await work();
			summary.rowsWritten += result.rowsWritten;
			await warehouse.runs.finish(run.id, { status: 'success', rowsRead: result.rowsRead, rowsWritten: result.rowsWritten });
			log(`${part}: ${result.rowsRead} read, ${result.rowsWritten} rows written`);
		} catch (error) {
			await warehouse.runs.finish(run.id, { status: 'error', error }).catch(() => undefined);
			throw error;
		}
	};

	// Item ids found by the scan feed the visits part as they arrive.
	const itemIdWaiters: Array<(ids: string[] | null) => void> = [];
	const itemIdQueue: string[][] = [];
	let itemScanDone = false;
	const publishItemIds = (ids: string[] | null) => {
		if (ids) itemIdQueue.push(ids);
		else itemScanDone = true;
		for (const waiter of itemIdWaiters.splice(0)) waiter(ids);
	};
	const nextItemIds = async (): Promise<string[] | null> => {
		if (itemIdQueue.length > 0) return itemIdQueue.shift()!;
		if (itemScanDone) return null;
		await new Promise<string[] | null>((resolve) => itemIdWaiters.push(resolve));
		return nextItemIds();
	};

	const orders = async (): Promise<PartResult> => {
		let rowsWritten = 0;
		const result = await fetchOrders(client, {
			sellerId,
			field: ordersWindow.field,
			window: { from: ordersWindow.from, to: ordersWindow.to },
			concurrency,
			onPage: async (page) => {
				const rows = page.map(extractOrder);
				const lines = rows.flatMap((r) => r.lines);
				const load = await warehouse.staging.upsertMlOrders(clientId, rows.map((r) => r.order), lines);
				rowsWritten += load.rowsWritten;
				summary.orders += rows.length;
				summary.lines += lines.length;
			},
			onWarning: log,
		});
		summary.duplicateOrders += result.duplicates;
		summary.orderWindows += result.windows;
		return { rowsRead: result.orders, rowsWritten };
	};

	const items = async (): Promise<PartResult> => {
		let rowsWritten = 0;
		const pool = new TaskPool(concurrency);
		try {
			await scanItemIds(client, sellerId, (ids) => {
				publishItemIds(ids);
				multigetOnPool(client, pool, ids, async (found) => {
					const rows = found.map(extractItem);
					const variations = rows.flatMap((r) => r.variations);
					const load = await warehouse.staging.upsertMlItems(clientId, rows.map((r) => r.item), variations);
					rowsWritten += load.rowsWritten;
					summary.items += rows.length;
					summary.variations += variations.length;
				});
			});
		} finally {
			publishItemIds(null);
		}
		await pool.drain();
		return { rowsRead: summary.items, rowsWritten };
	};

	const visitsFrom = mode === 'incremental' ? recentFrom : from;
	const visits = async (): Promise<PartResult> => {
		const writer = new BufferedWriter<MlVisitRow>(async (rows) => (await warehouse.staging.upsertMlVisits(clientId, rows)).rowsWritten, 5000);
		const pool = new TaskPool(concurrency);
		let rowsRead = 0;
		// Without the items part in this run, list the ids here.
		if (!sources.includes('items')) {
			await scanItemIds(client, sellerId, (ids) => void itemIdQueue.push(ids));
			itemScanDone = true;
		}
		for (let ids = await nextItemIds(); ids; ids = await nextItemIds()) {
			for (const itemId of ids) {
				pool.add(async () => {
					const rows = await fetchItemVisits(client, itemId, visitsFrom, to);
					rowsRead += rows.length;
					summary.visits += rows.length;
					await writer.add(rows);
				});
			}
			// Keep the backlog small: memory stays flat however many items the seller has.
			while (pool.pending > concurrency * 4) await new Promise((r) => setTimeout(r, 20));
		}
		await pool.drain();
		await writer.flush();
		return { rowsRead, rowsWritten: writer.written };
	};

	const adsFloor = addDays(today, -(ADS_MAX_DAYS_BACK - 1));
	const adsFrom = (mode === 'incremental' ? recentFrom : from) < adsFloor ? adsFloor : mode === 'incremental' ? recentFrom : from;
	const ads = async (): Promise<PartResult> => {
		if (adsFrom > to) return { rowsRead: 0, rowsWritten: 0 };
		const advertiser = await findAdvertiser(client);
		if (!advertiser) {
			log('ads: the seller has no Product Ads advertiser');
			return { rowsRead: 0, rowsWritten: 0 };
		}
		let rowsWritten = 0;
		const pool = new TaskPool(concurrency);
		await forEachAdGroupPage(client, advertiser, adsFrom, to, async (groups) => {
			const metrics = groups.flatMap((g) => extractAdGroupMetrics(g, adsFrom, to));
			summary.adGroups += groups.length;
			summary.adGroupDays += metrics.length;
			rowsWritten += (await warehouse.staging.upsertMlAdGroupMetrics(clientId, metrics)).rowsWritten;
			for (const group of groups) {
				pool.add(async () => {
					const ids = await client.getAdGroupItemIds({ siteId: advertiser.site_id, adGroupId: String(group.id) });
					rowsWritten += (await warehouse.staging.upsertMlAdGroupItems(clientId, extractAdGroupItems(String(group.id), ids))).rowsWritten;
				});
			}
		});
		await pool.drain();
		return { rowsRead: summary.adGroupDays, rowsWritten };
	};

	const parts: Array<Promise<void>> = [];
	if (sources.includes('orders')) parts.push(runPart('orders', 'ml_orders', ordersWindow.field === 'date_created' ? from : spDay(ordersWindow.from), orders));
	if (sources.includes('items')) parts.push(runPart('items', 'ml_items', from, items));
	if (sources.includes('visits')) parts.push(runPart('visits', 'ml_visits', visitsFrom, visits));
	if (sources.includes('ads')) parts.push(runPart('ads', 'ml_ads', adsFrom, ads));
	const settled = await Promise.allSettled(parts);
	const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');

	// Facts: the whole range of a full run, plus every day staging marked stale (an updated order's
	// own day, days of lines whose item SKU changed, re-pulled visits and ads).
	const factsRun = await warehouse.runs.start({ clientId, source: 'ml_facts', step: mode, dateFrom: from, dateTo: to });
	try {
		if (mode === 'full') summary.factRowsWritten += (await warehouse.facts.refreshClientFacts(clientId, from, to)).rowsWritten;
		summary.factRowsWritten += (await warehouse.facts.refreshDirty(clientId)).rowsWritten;
		await warehouse.runs.finish(factsRun.id, { status: failure ? 'error' : 'success', rowsWritten: summary.factRowsWritten, error: failure?.reason });
	} catch (error) {
		await warehouse.runs.finish(factsRun.id, { status: 'error', error }).catch(() => undefined);
		throw failure?.reason ?? error;
	}
	if (failure) throw failure.reason;

	// The watermark moves only when the orders part covered everything up to now.
	if (sources.includes('orders') && (ordersWindow.field === 'date_last_updated' || to >= today)) {
		const mark = new Date(runStartedAt).toISOString();
		await warehouse.runs.setWatermark(clientId, ORDERS_WATERMARK_SOURCE, mark);
		summary.watermark = mark;
	}

	summary.requests = client.stats.requests;
	summary.retries = client.stats.retries;
	summary.rateLimited = client.stats.rateLimited;
	summary.durationMs = Date.now() - started;
	return summary;
}

/** Parses a sources list: 'mercadolivre' (all parts) or parts separated by commas. */
export function parseSyncSources(value: string | undefined): MlSyncPart[] {
	if (!value) return [...ML_SYNC_PARTS];
	const parts = new Set<MlSyncPart>();
	for (const raw of value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)) {
		if (raw === 'mercadolivre' || raw === 'ml' || raw === 'all') ML_SYNC_PARTS.forEach((p) => parts.add(p));
		else if ((ML_SYNC_PARTS as readonly string[]).includes(raw)) parts.add(raw as MlSyncPart);
		else if (raw.startsWith('mercadolivre.') && (ML_SYNC_PARTS as readonly string[]).includes(raw.slice(13))) parts.add(raw.slice(13) as MlSyncPart);
		else throw new Error(`unknown source "${raw}" (use mercadolivre, or orders,items,visits,ads)`);
	}
	return [...parts];
}
