// Staging loads (natural keys, replaced lines, batches, stale days), updates_log, watermarks,
// stock snapshots and finance days on real PostgreSQL.
import type { MlOrderLineRow, MlOrderRow } from '../../../domain/warehouse';
import { migratedWarehouse, type MigratedWarehouse } from './support';

let ctx: MigratedWarehouse;
let clientId: string;

const order = (orderId: string, dateCreated: string, status = 'paid'): MlOrderRow => ({
	orderId,
	status,
	dateCreated,
	dateLastUpdated: dateCreated,
	totalAmount: '10.00',
	currencyId: 'BRL',
});
const line = (orderId: string, lineNo: number, itemId = 'MLB1', quantity = 1): MlOrderLineRow => ({
	orderId,
	lineNo,
	itemId,
	variationId: null,
	sellerSku: null,
	quantity,
	unitPrice: '10.00',
	saleFee: '1.00',
});

beforeAll(async () => {
	ctx = await migratedWarehouse();
	clientId = (await ctx.warehouse.clients.create({ name: 'Staging', email: 's@example.com' })).id;
});

afterAll(async () => {
	await ctx.close();
});

describe('staging loads', () => {
	test('orders are keyed by id (order ids beyond 2^53 intact); a re-synced order replaces its lines', async () => {
		const bigId = '2000009876543210987';
		const first = await ctx.warehouse.staging.upsertMlOrders(
			clientId,
			[order(bigId, '2024-05-01T10:00:00-03:00')],
			[line(bigId, 0), line(bigId, 1, 'MLB2'), line(bigId, 2, 'MLB3')],
		);
		expect(first).toEqual({ ordersWritten: 1, linesWritten: 3, rowsWritten: 4, affectedDays: ['2024-05-01'] });
		const again = await ctx.warehouse.staging.upsertMlOrders(clientId, [order(bigId, '2024-05-01T10:00:00-03:00')], [line(bigId, 0), line(bigId, 1, 'MLB9', 4)]);
		// Line 1 changed, line 2 deleted; the order row itself unchanged.
		expect(again).toMatchObject({ ordersWritten: 0, linesWritten: 2 });
		const lines = await ctx.sql('select order_id, line_no, item_id, quantity from ml_order_lines where client_id = $1 order by line_no', [clientId]);
		expect(lines).toEqual([
			{ order_id: bigId, line_no: 0, item_id: 'MLB1', quantity: 1 },
			{ order_id: bigId, line_no: 1, item_id: 'MLB9', quantity: 4 },
		]);
	});

	test('an order whose creation day changes makes both days stale', async () => {
		await ctx.warehouse.staging.upsertMlOrders(clientId, [order('M1', '2024-05-02T12:00:00Z')], [line('M1', 0)]);
		const moved = await ctx.warehouse.staging.upsertMlOrders(clientId, [order('M1', '2024-05-04T12:00:00Z')], [line('M1', 0)]);
		expect(moved.affectedDays).toEqual(['2024-05-02', '2024-05-04']);
		const dirty = await ctx.sql(`select day from fact_dirty_days where client_id = $1 order by day`, [clientId]);
		expect(dirty).toEqual([{ day: '2024-05-01' }, { day: '2024-05-02' }, { day: '2024-05-04' }]);
		const refreshed = await ctx.warehouse.facts.refreshDirty(clientId);
		expect(refreshed.ranges).toEqual([
			{ from: '2024-05-01', to: '2024-05-02' },
			{ from: '2024-05-04', to: '2024-05-04' },
		]);
		expect(await ctx.sql(`select * from fact_dirty_days where client_id = $1`, [clientId])).toEqual([]);
		expect(await ctx.sql(`select day, units_sold from agg_client_day where client_id = $1 order by day`, [clientId])).toEqual([
			{ day: '2024-05-01', units_sold: '5' },
			{ day: '2024-05-04', units_sold: '1' },
		]);
	});

	test('lines without their order in the call are refused, nothing written', async () => {
		await expect(ctx.warehouse.staging.upsertMlOrders(clientId, [order('N1', '2024-05-05T12:00:00Z')], [line('N2', 0)])).rejects.toThrow(
			/without their order/,
		);
		await expect(
			ctx.warehouse.transport.rpc('wh_ml_upsert_orders', { p_client_id: clientId, p_orders: [order('N1', '2024-05-05T12:00:00Z')], p_lines: [line('N2', 0)] }),
		).rejects.toMatchObject({ code: 'VW004' });
		expect(await ctx.sql(`select * from ml_orders where order_id = 'N1'`)).toEqual([]);
	});

	test('big loads are split into batches (and run in parallel) with the same result', async () => {
		const orders = Array.from({ length: 250 }, (_, i) => order(`B${i}`, `2024-06-${String((i % 28) + 1).padStart(2, '0')}T15:00:00Z`));
		const lines = orders.flatMap((o, i) => [line(o.orderId, 0), ...(i % 2 === 0 ? [line(o.orderId, 1, 'MLB2', 2)] : [])]);
		const result = await ctx.warehouse.staging.upsertMlOrders(clientId, orders, lines, { batchSize: 40, concurrency: 3 });
		expect(result.ordersWritten).toBe(250);
		expect(result.linesWritten).toBe(375);
		expect(result.affectedDays).toHaveLength(28);
		const again = await ctx.warehouse.staging.upsertMlOrders(clientId, orders, lines, { batchSize: 7 });
		expect(again.rowsWritten).toBe(0);
	});

	test('items, variations, visits, ad groups: upserted by natural key, unchanged rows not rewritten', async () => {
		const { staging } = ctx.warehouse;
		const items = [{ itemId: 'MLB1', title: 'A', status: 'active', skuAttribute: 'S1', sellerCustomField: null }];
		const variations = [{ itemId: 'MLB1', variationId: '10', skuAttribute: 'S1-10', sellerCustomField: null }];
		expect(await staging.upsertMlItems(clientId, items, variations)).toMatchObject({ itemsWritten: 1, variationsWritten: 1 });
		expect(await staging.upsertMlItems(clientId, items, variations)).toMatchObject({ itemsWritten: 0, variationsWritten: 0, affectedDays: [] });
		// A title change is written but makes no day stale; a SKU change does (MLB1 has lines on 05-01, 05-04 and June).
		const retitled = await staging.upsertMlItems(clientId, [{ ...items[0], title: 'B' }]);
		expect(retitled).toMatchObject({ itemsWritten: 1, affectedDays: [] });
		const reskued = await staging.upsertMlItems(clientId, [{ ...items[0], title: 'B', skuAttribute: 'S1-NEW' }]);
		expect(reskued.affectedDays).toContain('2024-05-01');

		const visits = [{ itemId: 'MLB1', day: '2024-05-01', visits: 3 }, { itemId: 'MLB1', day: '2024-05-01', visits: 4 }];
		expect(await staging.upsertMlVisits(clientId, visits)).toEqual({ rowsWritten: 1, affectedDays: ['2024-05-01'] });
		expect(await ctx.sql(`select visits from ml_visits where client_id = $1`, [clientId])).toEqual([{ visits: 3 }]);
		expect(await staging.upsertMlVisits(clientId, [{ itemId: 'MLB1', day: '2024-05-01', visits: 3 }])).toEqual({ rowsWritten: 0, affectedDays: [] });

		const metric = { adGroupId: 'G1', campaignId: 'C1', day: '2024-05-01', cost: '1.10', clicks: 1, impressions: 9, directAmount: '2.00', indirectAmount: '0.50' };
		expect(await staging.upsertMlAdGroupMetrics(clientId, [metric])).toEqual({ rowsWritten: 1, affectedDays: ['2024-05-01'] });
		expect(await staging.upsertMlAdGroupMetrics(clientId, [{ ...metric, cost: '1.20' }])).toEqual({ rowsWritten: 1, affectedDays: ['2024-05-01'] });
		expect(await staging.upsertMlAdGroupItems(clientId, [{ adGroupId: 'G1', itemId: 'MLB1' }])).toEqual({ rowsWritten: 1, affectedDays: ['2024-05-01'] });
		expect(await staging.upsertMlAdGroupItems(clientId, [{ adGroupId: 'G1', itemId: 'MLB1' }])).toEqual({ rowsWritten: 0, affectedDays: [] });
		await ctx.warehouse.facts.refreshDirty(clientId);
		const day = await ctx.sql(`select ads_cost::text, ads_revenue::text, acos::text, visits from agg_client_day where client_id = $1 and day = '2024-05-01'`, [clientId]);
		// 1.20 / 2.50 = 0.48
		expect(day).toEqual([{ ads_cost: '1.20', ads_revenue: '2.50', acos: '0.4800', visits: '3' }]);
	});

	test('refresh rejects bad ranges and unknown clients', async () => {
		await expect(ctx.warehouse.facts.refreshClientFacts(clientId, '2024-05-02', '2024-05-01')).rejects.toMatchObject({ code: 'VW004' });
		await expect(ctx.warehouse.facts.refreshClientFacts(clientId, '05/01/2024', '2024-05-01')).rejects.toThrow(/YYYY-MM-DD/);
		await expect(ctx.warehouse.facts.refreshClientFacts('00000000-0000-0000-0000-000000000000', '2024-05-01', '2024-05-01')).rejects.toThrow(
			/não encontrado/,
		);
	});
});

describe('updates_log and watermarks', () => {
	test('one row per step, with counts, status and an error message without secrets', async () => {
		const run = await ctx.warehouse.runs.start({ clientId, source: 'ml_orders', step: 'fetch', dateFrom: '2024-05-01', dateTo: '2024-05-31' });
		await ctx.warehouse.runs.finish(run.id, { status: 'success', rowsRead: 120, rowsWritten: 118 });
		const failed = await ctx.warehouse.runs.start({ clientId, source: 'ml_orders', step: 'refresh' });
		await ctx.warehouse.runs.finish(failed.id, {
			status: 'error',
			error: new Error('401 from https://api.mercadolibre.com/orders?access_token=APP_USR-1234567890-abcdef with Bearer APP_USR-1234567890-abcdef; refresh TG-secret-refresh-99'),
			secrets: ['TG-secret-refresh-99'],
		});
		const recent = await ctx.warehouse.runs.recent(clientId);
		expect(recent.map((r) => [r.step, r.status, r.rowsRead, r.rowsWritten])).toEqual([
			['refresh', 'error', null, null],
			['fetch', 'success', 120, 118],
		]);
		expect(recent[1]).toMatchObject({ dateFrom: '2024-05-01', dateTo: '2024-05-31', source: 'ml_orders' });
		expect(recent[1].finishedAt).toBeInstanceOf(Date);
		expect(recent[0].errorMessage).toContain('401');
		expect(recent[0].errorMessage).not.toMatch(/APP_USR-1234567890|TG-secret-refresh-99/);
		await expect(ctx.warehouse.runs.finish(run.id, { status: 'running' as never })).rejects.toMatchObject({ code: 'VW004' });
	});

	test('watermark per (client, source): absent, set, moved', async () => {
		expect(await ctx.warehouse.runs.getWatermark(clientId, 'ml_orders')).toBeNull();
		const set = await ctx.warehouse.runs.setWatermark(clientId, 'ml_orders', '2024-05-31T23:00:00.000Z', new Date('2024-06-01T03:00:00Z'));
		expect(set).toEqual({ lastSuccessAt: new Date('2024-06-01T03:00:00Z'), watermark: '2024-05-31T23:00:00.000Z' });
		await ctx.warehouse.runs.setWatermark(clientId, 'ml_orders', '2024-06-01T23:00:00.000Z');
		const moved = await ctx.warehouse.runs.getWatermark(clientId, 'ml_orders');
		expect(moved?.watermark).toBe('2024-06-01T23:00:00.000Z');
		expect(Math.abs((moved?.lastSuccessAt.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
		expect(await ctx.warehouse.runs.getWatermark(clientId, 'ml_visits')).toBeNull();
	});
});

describe('stock snapshots and finance', () => {
	test('the latest snapshot per (sku, source, warehouse) is what dashboards see', async () => {
		const { stock } = ctx.warehouse;
		await stock.insertSnapshots(clientId, [
			{ sku: 'S1', source: 'bling', warehouse: 'SP', takenAt: '2024-06-01T10:00:00Z', quantity: '5', unitCost: '12.3456' },
			{ sku: 'S1', source: 'bling', warehouse: 'SP', takenAt: '2024-06-02T10:00:00Z', quantity: '3', unitCost: '12.5000' },
			{ sku: 'S1', source: 'upseller', takenAt: '2024-06-01T10:00:00Z', quantity: 7, unitCost: null },
		]);
		expect(await stock.insertSnapshots(clientId, [{ sku: 'S1', source: 'upseller', takenAt: '2024-06-01T10:00:00Z', quantity: 7 }])).toEqual({ rowsWritten: 0 });
		const latest = await ctx.sql(
			`select sku, source, warehouse, quantity::text, unit_cost::text from analytics.v_stock_latest where client_id = $1 order by source`,
			[clientId],
		);
		expect(latest).toEqual([
			{ sku: 'S1', source: 'bling', warehouse: 'SP', quantity: '3', unit_cost: '12.5000' },
			{ sku: 'S1', source: 'upseller', warehouse: '', quantity: '7', unit_cost: null },
		]);
	});

	test('fin_client_day is upserted per day, exact decimals', async () => {
		const day = { day: '2024-06-01', receivableDue: '100.10', received: '50.05', payableDue: '30.00', paid: '0.01', receivableOverdue: '0', payableOverdue: '12.34' };
		expect(await ctx.warehouse.finance.upsertDays(clientId, [day])).toEqual({ rowsWritten: 1 });
		expect(await ctx.warehouse.finance.upsertDays(clientId, [{ ...day, paid: '0.02' }])).toEqual({ rowsWritten: 1 });
		const rows = await ctx.sql(`select receivable_due::text, paid::text, payable_overdue::text from analytics.v_fin_day where client_id = $1`, [clientId]);
		expect(rows).toEqual([{ receivable_due: '100.10', paid: '0.02', payable_overdue: '12.34' }]);
	});
});
