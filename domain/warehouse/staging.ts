// Staging loads of Mercado Livre records (rows as in staging-types.ts). Each call to the SQL
// function is atomic; big loads are split into batches (bigger and a few in parallel on pg, small
// on the Supabase API to keep request bodies reasonable). Every load reports the days whose facts
// it made stale; they are also recorded, see FactsRepository.refreshDirty.
// On pg, order batches travel by COPY (see copyOrderBatch); the SQL doing the upsert is the same.
import type { PoolClient } from 'pg';
import { chunk, mergeDays, runLimited } from './batches';
import { copyRows } from './pg-copy';
import { PgTransport } from './pg-transport';
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
		const linesByOrder = groupLinesByOrder(orders, lines);
		const batches = chunk(orders, batchSize).map((batch) => ({
			orders: batch,
			lines: batch.flatMap((order) => linesByOrder.get(order.orderId) ?? []),
		}));
		if (batches.length === 0) return { ordersWritten: 0, linesWritten: 0, rowsWritten: 0, affectedDays: [] };
		const transport = this.transport;
		const results = await runLimited(batches, concurrency, (batch) =>
			transport instanceof PgTransport && hasUniqueKeys(batch.orders, linesByOrder)
				? this.copyOrderBatch(transport, clientId, batch.orders, batch.lines)
				: transport.rpc('wh_ml_upsert_orders', { p_client_id: clientId, p_orders: batch.orders, p_lines: batch.lines }),
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

	/**
	 * One batch through COPY, in one transaction: the orders into a temporary table, then
	 * - all orders new (backfills): plain insert of the orders (wh_ml_orders_insert_copied) and
	 *   their lines COPYed straight into ml_order_lines;
	 * - otherwise (a unique violation rolls that back): the lines into a temporary table too and
	 *   the same upsert as wh_ml_upsert_orders (wh_ml_orders_upsert_copied).
	 * Batches with duplicate keys go through wh_ml_upsert_orders, which picks the survivors.
	 */
	private copyOrderBatch(
		transport: PgTransport,
		clientId: string,
		orders: readonly MlOrderRow[],
		lines: readonly MlOrderLineRow[],
	): Promise<Record<string, unknown>[]> {
		return transport.transaction(async (client) => {
			await client.query(
				`create temp table wh_copy_orders (
					order_id text, status text, date_created timestamptz, date_last_updated timestamptz,
					total_amount numeric, currency_id text
				) on commit drop`,
			);
			await copyRows(client, 'pg_temp.wh_copy_orders (order_id, status, date_created, date_last_updated, total_amount, currency_id)', orders, (o) => [
				o.orderId,
				o.status,
				o.dateCreated,
				o.dateLastUpdated,
				o.totalAmount,
				o.currencyId,
			]);
			if (transport.directCopy) {
				const inserted = await insertNewOrders(client, clientId, lines);
				if (inserted) return inserted;
			}
			await client.query(
				`create temp table wh_copy_lines (
					order_id text, line_no integer, item_id text, variation_id text, seller_sku text,
					quantity integer, unit_price numeric, sale_fee numeric
				) on commit drop`,
			);
			await copyRows(client, 'pg_temp.wh_copy_lines (order_id, line_no, item_id, variation_id, seller_sku, quantity, unit_price, sale_fee)', lines, (l) => [
				l.orderId,
				l.lineNo,
				l.itemId,
				l.variationId,
				l.sellerSku,
				l.quantity,
				l.unitPrice,
				l.saleFee,
			]);
			return (await client.query('select * from public.wh_ml_orders_upsert_copied($1::uuid)', [clientId])).rows;
		}).catch((error: unknown) => {
			// Lines COPYed straight in are refused where row level security applies to the role.
			if ((error as { code?: string }).code === 'VW_NO_DIRECT_COPY') {
				transport.directCopy = false;
				return this.copyOrderBatch(transport, clientId, orders, lines);
			}
			throw error;
		});
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

/**
 * The lines of each order, in their order. Lines whose order is not in the call are refused
 * (the rule the SQL enforces) before any batch is written.
 */
function groupLinesByOrder(orders: readonly MlOrderRow[], lines: readonly MlOrderLineRow[]): Map<string, MlOrderLineRow[]> {
	const linesByOrder = new Map<string, MlOrderLineRow[]>();
	for (const order of orders) if (!linesByOrder.has(order.orderId)) linesByOrder.set(order.orderId, []);
	const orphans = new Set<string>();
	for (const line of lines) {
		const list = linesByOrder.get(line.orderId);
		if (list) list.push(line);
		else orphans.add(line.orderId);
	}
	if (orphans.size > 0) throw new TypeError(`Order lines without their order in this call: ${[...orphans].slice(0, 5).join(', ')}`);
	return linesByOrder;
}

/**
 * True when no order id appears twice in the batch and no order has two lines with one line no.
 * Checked per order (a handful of lines each) rather than with one key per line: bulk loads
 * call this for every line.
 */
function hasUniqueKeys(orders: readonly MlOrderRow[], linesByOrder: ReadonlyMap<string, readonly MlOrderLineRow[]>): boolean {
	const orderIds = new Set<string>();
	for (const order of orders) {
		if (orderIds.has(order.orderId)) return false;
		orderIds.add(order.orderId);
		const orderLines = linesByOrder.get(order.orderId) ?? [];
		for (let i = 1; i < orderLines.length; i++) {
			for (let j = 0; j < i; j++) if (orderLines[i].lineNo === orderLines[j].lineNo) return false;
		}
	}
	return true;
}

const UNIQUE_VIOLATION = '23505';
/** feature_not_supported (COPY FROM under row level security), insufficient_privilege. */
const DIRECT_COPY_REFUSED = new Set(['0A000', '42501']);

/**
 * The backfill case: every order of the batch is new. Returns the function's rows, or undefined
 * (everything since the savepoint undone) when some order already exists.
 */
async function insertNewOrders(client: PoolClient, clientId: string, lines: readonly MlOrderLineRow[]): Promise<Record<string, unknown>[] | undefined> {
	await client.query('savepoint wh_copy_new_orders');
	try {
		const result = await client.query('select * from public.wh_ml_orders_insert_copied($1::uuid)', [clientId]);
		const linesWritten = await copyRows(
			client,
			'public.ml_order_lines (client_id, order_id, line_no, item_id, variation_id, seller_sku, quantity, unit_price, sale_fee)',
			lines,
			(l) => [clientId, l.orderId, l.lineNo, l.itemId, l.variationId, l.sellerSku, l.quantity, l.unitPrice, l.saleFee],
		);
		await client.query('release savepoint wh_copy_new_orders');
		return [{ ...result.rows[0], lines_written: linesWritten }];
	} catch (error) {
		const code = (error as { code?: string }).code;
		if (code !== UNIQUE_VIOLATION && !DIRECT_COPY_REFUSED.has(code ?? '')) throw error;
		await client.query('rollback to savepoint wh_copy_new_orders');
		if (code !== UNIQUE_VIOLATION) throw Object.assign(new Error('direct COPY refused'), { code: 'VW_NO_DIRECT_COPY' });
		return undefined;
	}
}
