// Staging loads of Mercado Livre records (rows as in staging-types.ts). Each call to the SQL
// function is atomic; big loads are split into batches (bigger and a few in parallel on pg, small
// on the Supabase API to keep request bodies reasonable). Every load reports the days whose facts
// it made stale; they are also recorded, see FactsRepository.refreshDirty.
import { chunk, mergeDays, runLimited } from './batches';
import { toNumber, toStringArray } from './row-values';
import type { WarehouseTransport } from './transport';
import type {
	MlAdGroupItemRow,
	MlAdGroupMetricRow,
	MlItemRow,
	MlOrderLineRow,
	MlOrderRow,
	MlVariationRow,
	MlVisitRow,
} from './staging-types';

export interface LoadOptions {
	/** Rows (orders, for order loads) per SQL call. */
	batchSize?: number;
	/** SQL calls in flight at once. */
	concurrency?: number;
}

export interface LoadResult {
	rowsWritten: number;
	affectedDays: string[];
}

export interface OrdersLoadResult extends LoadResult {
	ordersWritten: number;
	linesWritten: number;
}

export interface ItemsLoadResult extends LoadResult {
	itemsWritten: number;
	variationsWritten: number;
}

export class StagingRepository {
	constructor(private readonly transport: WarehouseTransport) {}

	private defaults(options: LoadOptions): Required<LoadOptions> {
		const pg = this.transport.kind === 'pg';
		return { batchSize: options.batchSize ?? (pg ? 5000 : 500), concurrency: options.concurrency ?? (pg ? 2 : 1) };
	}

	/** Orders with all of their lines: a re-synced order replaces its lines. */
	async upsertMlOrders(
		clientId: string,
		orders: readonly MlOrderRow[],
		lines: readonly MlOrderLineRow[],
		options: LoadOptions = {},
	): Promise<OrdersLoadResult> {
		const { batchSize, concurrency } = this.defaults(options);
		const linesByOrder = new Map<string, MlOrderLineRow[]>();
		for (const line of lines) {
			const list = linesByOrder.get(line.orderId);
			if (list) list.push(line);
			else linesByOrder.set(line.orderId, [line]);
		}
		const batches = chunk(orders, batchSize).map((batch) => ({
			orders: batch,
			lines: batch.flatMap((order) => linesByOrder.get(order.orderId) ?? []),
		}));
		const orderIds = new Set(orders.map((order) => order.orderId));
		const orphans = lines.filter((line) => !orderIds.has(line.orderId)).map((line) => line.orderId);
		if (orphans.length > 0) {
			// Same rule the SQL enforces, checked before any batch is written.
			throw new TypeError(`Order lines without their order in this call: ${[...new Set(orphans)].slice(0, 5).join(', ')}`);
		}
		if (batches.length === 0) return { ordersWritten: 0, linesWritten: 0, rowsWritten: 0, affectedDays: [] };
		const results = await runLimited(batches, concurrency, (batch) =>
			this.transport.rpc('wh_ml_upsert_orders', { p_client_id: clientId, p_orders: batch.orders, p_lines: batch.lines }),
		);
		const ordersWritten = results.reduce((sum, rows) => sum + toNumber(rows[0].orders_written), 0);
		const linesWritten = results.reduce((sum, rows) => sum + toNumber(rows[0].lines_written), 0);
		return {
			ordersWritten,
			linesWritten,
			rowsWritten: ordersWritten + linesWritten,
			affectedDays: mergeDays(results.map((rows) => toStringArray(rows[0].affected_days))),
		};
	}

	async upsertMlItems(
		clientId: string,
		items: readonly MlItemRow[],
		variations: readonly MlVariationRow[] = [],
		options: LoadOptions = {},
	): Promise<ItemsLoadResult> {
		const { batchSize } = this.defaults(options);
		const results: Record<string, unknown>[][] = [];
		// Items and variations are independent rows: batch each list on its own, sequentially.
		for (const batch of chunk(items, batchSize)) {
			results.push(await this.transport.rpc('wh_ml_upsert_items', { p_client_id: clientId, p_items: batch, p_variations: [] }));
		}
		for (const batch of chunk(variations, batchSize)) {
			results.push(await this.transport.rpc('wh_ml_upsert_items', { p_client_id: clientId, p_items: [], p_variations: batch }));
		}
		const itemsWritten = results.reduce((sum, rows) => sum + toNumber(rows[0].items_written), 0);
		const variationsWritten = results.reduce((sum, rows) => sum + toNumber(rows[0].variations_written), 0);
		return {
			itemsWritten,
			variationsWritten,
			rowsWritten: itemsWritten + variationsWritten,
			affectedDays: mergeDays(results.map((rows) => toStringArray(rows[0].affected_days))),
		};
	}

	upsertMlVisits(clientId: string, rows: readonly MlVisitRow[], options: LoadOptions = {}): Promise<LoadResult> {
		return this.simpleLoad('wh_ml_upsert_visits', 'p_visits', clientId, rows, options);
	}

	upsertMlAdGroupMetrics(clientId: string, rows: readonly MlAdGroupMetricRow[], options: LoadOptions = {}): Promise<LoadResult> {
		return this.simpleLoad('wh_ml_upsert_ad_group_metrics', 'p_rows', clientId, rows, options);
	}

	/** Membership is additive: an item is never removed from an ad group by a later load. */
	upsertMlAdGroupItems(clientId: string, rows: readonly MlAdGroupItemRow[], options: LoadOptions = {}): Promise<LoadResult> {
		return this.simpleLoad('wh_ml_upsert_ad_group_items', 'p_rows', clientId, rows, options);
	}

	private async simpleLoad(
		fn: string,
		argument: string,
		clientId: string,
		rows: readonly unknown[],
		options: LoadOptions,
	): Promise<LoadResult> {
		const { batchSize } = this.defaults(options);
		const results: Record<string, unknown>[][] = [];
		for (const batch of chunk(rows, batchSize)) {
			results.push(await this.transport.rpc(fn, { p_client_id: clientId, [argument]: batch }));
		}
		return {
			rowsWritten: results.reduce((sum, result) => sum + toNumber(result[0].rows_written), 0),
			affectedDays: mergeDays(results.map((result) => toStringArray(result[0].affected_days))),
		};
	}
}
