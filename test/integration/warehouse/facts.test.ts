// The facts of a small dataset, every expected number worked out by hand from docs/metrics.md.
// São Paulo is UTC-3 all year in 2024 (no daylight saving time since 2019).
import type { MlOrderLineRow, MlOrderRow } from '../../../domain/warehouse';
import { migratedWarehouse, type MigratedWarehouse } from './support';

let ctx: MigratedWarehouse;
let clientId: string;

const order = (orderId: string, status: string, dateCreated: string, dateLastUpdated = dateCreated): MlOrderRow => ({
	orderId,
	status,
	dateCreated,
	dateLastUpdated,
	totalAmount: '0.00',
	currencyId: 'BRL',
});

const line = (
	orderId: string,
	lineNo: number,
	itemId: string,
	variationId: string | null,
	sellerSku: string | null,
	quantity: number,
	unitPrice: string,
	saleFee: string | null,
): MlOrderLineRow => ({ orderId, lineNo, itemId, variationId, sellerSku, quantity, unitPrice, saleFee });

const orders: MlOrderRow[] = [
	// 2024-03-11 03:30Z = 00:30 in São Paulo → day 03-11.
	order('O1', 'paid', '2024-03-10T23:30:00.000-04:00'),
	// 2024-03-10 23:59:59 in São Paulo → day 03-10 (a cut string would say 03-11).
	order('O2', 'paid', '2024-03-11T02:59:59Z'),
	// exactly midnight in São Paulo → day 03-11.
	order('O3', 'partially_refunded', '2024-03-11T03:00:00Z'),
	order('O4', 'cancelled', '2024-03-11T12:00:00-03:00'),
	order('O5', 'payment_required', '2024-03-11T13:00:00-03:00'),
	order('O6', 'paid', '2024-03-11T15:00:00.000Z'),
	order('O7', 'paid', '2024-03-11T20:00:00-03:00'),
];

const lines: MlOrderLineRow[] = [
	line('O1', 0, 'MLB1', 'V1', 'RULE1-SKU', 2, '10.50', '1.25'), // rule 1 wins over the variation's SKU
	line('O1', 1, 'MLB1', 'V1', null, 1, '20.00', '2.10'), // rule 2: variation SELLER_SKU → SKU-V1
	line('O2', 0, 'MLB1', 'V2', '  ', 3, '5.00', '0.60'), // blank rule 1; rule 2 via seller_custom_field → CF-V2
	line('O3', 0, 'MLB1', 'V3', null, 1, '100.00', '12.00'), // variation without SKU → rule 3 → SKU-ITEM1
	line('O3', 1, 'MLB2', null, null, 2, '33.33', '4.00'), // rule 3 via the item's seller_custom_field → CF-ITEM2
	line('O4', 0, 'MLB2', null, null, 1, '33.33', '4.00'), // cancelled
	line('O5', 0, 'MLB2', null, null, 5, '33.33', '4.00'), // counts as nothing yet
	line('O6', 0, 'MLB3', null, null, 1, '7.77', null), // rule 4 → MLB3, no sale_fee
	line('O6', 1, 'MLB3', '77', null, 2, '8.00', '0.80'), // rule 4 → MLB3:77
	line('O6', 2, 'MLB4', null, null, 1, '50.00', '5.00'), // item not synced yet → MLB4
	line('O7', 0, 'MLB1', 'V1', null, 1, '20.00', '2.10'), // SKU-V1 again, another order
];

async function loadDataset(): Promise<void> {
	const { staging } = ctx.warehouse;
	await staging.upsertMlOrders(clientId, orders, lines);
	await staging.upsertMlItems(
		clientId,
		[
			{ itemId: 'MLB1', title: 'Item 1', status: 'active', skuAttribute: 'SKU-ITEM1', sellerCustomField: 'CF-IGNORED' },
			{ itemId: 'MLB2', title: 'Item 2', status: 'active', skuAttribute: null, sellerCustomField: 'CF-ITEM2' },
			{ itemId: 'MLB3', title: 'Item 3', status: 'active', skuAttribute: '', sellerCustomField: null },
		],
		[
			{ itemId: 'MLB1', variationId: 'V1', skuAttribute: 'SKU-V1', sellerCustomField: 'CF-V1-IGNORED' },
			{ itemId: 'MLB1', variationId: 'V2', skuAttribute: null, sellerCustomField: 'CF-V2' },
			{ itemId: 'MLB1', variationId: 'V3', skuAttribute: null, sellerCustomField: null },
		],
	);
	await staging.upsertMlVisits(clientId, [
		{ itemId: 'MLB1', day: '2024-03-11', visits: 40 },
		{ itemId: 'MLB2', day: '2024-03-11', visits: 10 },
		{ itemId: 'MLB3', day: '2024-03-11', visits: 5 },
		{ itemId: 'MLB9', day: '2024-03-12', visits: 7 },
	]);
	await staging.upsertMlAdGroupMetrics(clientId, [
		{ adGroupId: 'G1', campaignId: 'C1', day: '2024-03-11', cost: '10.00', clicks: 20, impressions: 1000, directAmount: '30.00', indirectAmount: '12.00' },
		{ adGroupId: 'G2', campaignId: 'C1', day: '2024-03-11', cost: '5.55', clicks: 3, impressions: 300, directAmount: '0', indirectAmount: '0' },
		{ adGroupId: 'G3', campaignId: null, day: '2024-03-12', cost: '1.00', clicks: 1, impressions: 10, directAmount: '0', indirectAmount: '0' },
	]);
	await staging.upsertMlAdGroupItems(clientId, [
		{ adGroupId: 'G1', itemId: 'MLB1' },
		{ adGroupId: 'G2', itemId: 'MLB2' },
		{ adGroupId: 'G2', itemId: 'MLB3' },
		{ adGroupId: 'G3', itemId: 'MLB9' },
	]);
}

const skuColumns = `day, sku, sku_is_fallback, units_sold, orders_count, gross_revenue::text, sale_fees::text,
	cancelled_units, cancelled_revenue::text, visits, ads_cost::text, ads_clicks, ads_impressions, ads_revenue::text`;
const aggColumns = `day, units_sold, orders_count, gross_revenue::text, sale_fees::text, cancelled_units,
	cancelled_revenue::text, cancelled_orders, avg_ticket::text, visits, ads_cost::text, ads_clicks, ads_impressions,
	ads_revenue::text, acos::text`;

async function skuDay(): Promise<Record<string, unknown>[]> {
	return ctx.sql(`select ${skuColumns} from fact_sku_day where client_id = $1 order by day, sku`, [clientId]);
}

async function clientDay(): Promise<Record<string, unknown>[]> {
	return ctx.sql(`select ${aggColumns} from agg_client_day where client_id = $1 order by day`, [clientId]);
}

async function snapshot(): Promise<unknown> {
	return {
		sku: await skuDay(),
		agg: await clientDay(),
		ads: await ctx.sql('select * from fact_ads_day where client_id = $1 order by day, ad_group_id', [clientId]),
	};
}

// Columns: units, orders, gross, fees, cancelled units, cancelled revenue, visits, ads cost, clicks, impressions, ads revenue
function sku(day: string, name: string, fallback: boolean, m: [number, number, string, string, number, string, number, string, number, number, string]) {
	return {
		day, sku: name, sku_is_fallback: fallback, units_sold: String(m[0]), orders_count: m[1], gross_revenue: m[2], sale_fees: m[3],
		cancelled_units: String(m[4]), cancelled_revenue: m[5], visits: String(m[6]), ads_cost: m[7], ads_clicks: String(m[8]),
		ads_impressions: String(m[9]), ads_revenue: m[10],
	};
}

beforeAll(async () => {
	ctx = await migratedWarehouse();
	clientId = (await ctx.warehouse.clients.create({ name: 'Loja Fatos', email: 'fatos@example.com' })).id;
	await loadDataset();
});

afterAll(async () => {
	await ctx.close();
});

describe('facts from the hand-checked dataset', () => {
	test('refresh writes the expected rows', async () => {
		const result = await ctx.warehouse.facts.refreshClientFacts(clientId, '2024-03-01', '2024-03-31');
		expect(result).toEqual({ factSkuDayRows: 9, aggClientDayRows: 3, adsDayRows: 3, rowsWritten: 15 });
	});

	test('fact_sku_day: SKU rules, statuses, time zones, visits, single-item ads', async () => {
		expect(await skuDay()).toEqual([
			sku('2024-03-10', 'CF-V2', false, [3, 1, '15.00', '1.80', 0, '0.00', 0, '0.00', 0, 0, '0.00']),
			sku('2024-03-11', 'CF-ITEM2', false, [2, 1, '66.66', '8.00', 1, '33.33', 10, '0.00', 0, 0, '0.00']),
			sku('2024-03-11', 'MLB3', true, [1, 1, '7.77', '0.00', 0, '0.00', 5, '0.00', 0, 0, '0.00']),
			sku('2024-03-11', 'MLB3:77', true, [2, 1, '16.00', '1.60', 0, '0.00', 0, '0.00', 0, 0, '0.00']),
			sku('2024-03-11', 'MLB4', true, [1, 1, '50.00', '5.00', 0, '0.00', 0, '0.00', 0, 0, '0.00']),
			sku('2024-03-11', 'RULE1-SKU', false, [2, 1, '21.00', '2.50', 0, '0.00', 0, '0.00', 0, 0, '0.00']),
			// SKU-ITEM1: O3's line, MLB1's visits (item-level SKU) and G1, the only single-item ad group that day.
			sku('2024-03-11', 'SKU-ITEM1', false, [1, 1, '100.00', '12.00', 0, '0.00', 40, '10.00', 20, 1000, '42.00']),
			// Two distinct orders (O1, O7).
			sku('2024-03-11', 'SKU-V1', false, [2, 2, '40.00', '4.20', 0, '0.00', 0, '0.00', 0, 0, '0.00']),
			// An item never synced: visits and its single-item ad group on the fallback key.
			sku('2024-03-12', 'MLB9', true, [0, 0, '0.00', '0.00', 0, '0.00', 7, '1.00', 1, 10, '0.00']),
		].sort((a, b) => (a.day + a.sku < b.day + b.sku ? -1 : 1)));
	});

	test('agg_client_day: distinct orders, avg_ticket and acos rounding, nulls on zero denominators', async () => {
		expect(await clientDay()).toEqual([
			{
				day: '2024-03-10', units_sold: '3', orders_count: 1, gross_revenue: '15.00', sale_fees: '1.80', cancelled_units: '0',
				cancelled_revenue: '0.00', cancelled_orders: 0, avg_ticket: '15.00', visits: '0', ads_cost: '0.00', ads_clicks: '0',
				ads_impressions: '0', ads_revenue: '0.00', acos: null,
			},
			{
				// O1, O3, O6, O7 (O1 has two SKUs: counted once); 301.43 / 4 = 75.3575 → 75.36;
				// ads of G1 and G2 (two items, no SKU split) → 15.55 / 42.00 = 0.370238… → 0.3702.
				day: '2024-03-11', units_sold: '11', orders_count: 4, gross_revenue: '301.43', sale_fees: '33.30', cancelled_units: '1',
				cancelled_revenue: '33.33', cancelled_orders: 1, avg_ticket: '75.36', visits: '55', ads_cost: '15.55', ads_clicks: '23',
				ads_impressions: '1300', ads_revenue: '42.00', acos: '0.3702',
			},
			{
				day: '2024-03-12', units_sold: '0', orders_count: 0, gross_revenue: '0.00', sale_fees: '0.00', cancelled_units: '0',
				cancelled_revenue: '0.00', cancelled_orders: 0, avg_ticket: null, visits: '7', ads_cost: '1.00', ads_clicks: '1',
				ads_impressions: '10', ads_revenue: '0.00', acos: null,
			},
		]);
	});

	test('the ads table keeps every ad group, with a SKU only for single-item groups', async () => {
		const rows = await ctx.sql(
			`select day, ad_group_id, item_count, item_id, sku, sku_is_fallback, ads_cost::text, ads_revenue::text
			from fact_ads_day where client_id = $1 order by day, ad_group_id`,
			[clientId],
		);
		expect(rows).toEqual([
			{ day: '2024-03-11', ad_group_id: 'G1', item_count: 1, item_id: 'MLB1', sku: 'SKU-ITEM1', sku_is_fallback: false, ads_cost: '10.00', ads_revenue: '42.00' },
			{ day: '2024-03-11', ad_group_id: 'G2', item_count: 2, item_id: null, sku: null, sku_is_fallback: null, ads_cost: '5.55', ads_revenue: '0.00' },
			{ day: '2024-03-12', ad_group_id: 'G3', item_count: 1, item_id: 'MLB9', sku: 'MLB9', sku_is_fallback: true, ads_cost: '1.00', ads_revenue: '0.00' },
		]);
	});

	test('re-running the refresh, and re-loading the same staging rows, leave identical tables', async () => {
		const before = await snapshot();
		await ctx.warehouse.facts.refreshClientFacts(clientId, '2024-03-01', '2024-03-31');
		expect(await snapshot()).toEqual(before);
		const reload = await ctx.warehouse.staging.upsertMlOrders(clientId, orders, lines);
		expect(reload.ordersWritten).toBe(0);
		expect(reload.linesWritten).toBe(0);
		await ctx.warehouse.facts.refreshDirty(clientId);
		await ctx.warehouse.facts.refreshClientFacts(clientId, '2024-03-11', '2024-03-11');
		expect(await snapshot()).toEqual(before);
	});

	test('an item arriving after its orders fixes the SKU on the next refresh', async () => {
		const loaded = await ctx.warehouse.staging.upsertMlItems(clientId, [
			{ itemId: 'MLB4', title: 'Item 4', status: 'active', skuAttribute: 'SKU-4', sellerCustomField: null },
		]);
		expect(loaded.affectedDays).toEqual(['2024-03-11']);
		const refreshed = await ctx.warehouse.facts.refreshDirty(clientId);
		expect(refreshed.ranges).toEqual([{ from: '2024-03-11', to: '2024-03-11' }]);
		const rows = await ctx.sql(`select sku, sku_is_fallback, units_sold from fact_sku_day where client_id = $1 and sku in ('MLB4', 'SKU-4')`, [
			clientId,
		]);
		expect(rows).toEqual([{ sku: 'SKU-4', sku_is_fallback: false, units_sold: '1' }]);
	});

	test('orders changing status later recompute both of their days', async () => {
		// O2 (paid, day 03-10) is cancelled; O5 (payment_required, day 03-11) is paid; both updated on 03-15.
		const loaded = await ctx.warehouse.staging.upsertMlOrders(
			clientId,
			[order('O2', 'cancelled', '2024-03-11T02:59:59Z', '2024-03-15T10:00:00Z'), order('O5', 'paid', '2024-03-11T13:00:00-03:00', '2024-03-15T10:00:00Z')],
			lines.filter((l) => l.orderId === 'O2' || l.orderId === 'O5'),
		);
		expect(loaded.ordersWritten).toBe(2);
		expect(loaded.affectedDays).toEqual(['2024-03-10', '2024-03-11']);
		await ctx.warehouse.facts.refreshDirty(clientId);

		const cfv2 = await ctx.sql(
			`select units_sold, orders_count, cancelled_units, cancelled_revenue::text from fact_sku_day where client_id = $1 and sku = 'CF-V2'`,
			[clientId],
		);
		expect(cfv2).toEqual([{ units_sold: '0', orders_count: 0, cancelled_units: '3', cancelled_revenue: '15.00' }]);
		const item2 = await ctx.sql(
			`select units_sold, orders_count, gross_revenue::text, sale_fees::text from fact_sku_day where client_id = $1 and day = '2024-03-11' and sku = 'CF-ITEM2'`,
			[clientId],
		);
		// 2 × 33.33 (O3) + 5 × 33.33 (O5) = 233.31; fees 2 × 4 + 5 × 4 = 28.
		expect(item2).toEqual([{ units_sold: '7', orders_count: 2, gross_revenue: '233.31', sale_fees: '28.00' }]);
		const days = await ctx.sql(
			`select day, orders_count, cancelled_orders, gross_revenue::text, avg_ticket::text from agg_client_day where client_id = $1 and day <= '2024-03-11' order by day`,
			[clientId],
		);
		// 03-11: 301.43 + 166.65 = 468.08 over 5 orders = 93.616 → 93.62.
		expect(days).toEqual([
			{ day: '2024-03-10', orders_count: 0, cancelled_orders: 1, gross_revenue: '0.00', avg_ticket: null },
			{ day: '2024-03-11', orders_count: 5, cancelled_orders: 1, gross_revenue: '468.08', avg_ticket: '93.62' },
		]);
	});

	test('after incremental refreshes, every day equals a full refresh from scratch', async () => {
		const incremental = await snapshot();
		await ctx.sql('delete from fact_sku_day; delete from agg_client_day; delete from fact_ads_day');
		await ctx.warehouse.facts.refreshClientFacts(clientId, '2020-01-01', '2030-12-31');
		expect(await snapshot()).toEqual(incremental);
	});

	test('a refresh touches only its client and its days', async () => {
		const other = await ctx.warehouse.clients.create({ name: 'Outra Loja', email: 'outra@example.com' });
		await ctx.warehouse.staging.upsertMlOrders(other.id, [order('O1', 'paid', '2024-03-11T12:00:00Z')], [line('O1', 0, 'MLB1', null, 'X', 1, '1.00', null)]);
		await ctx.warehouse.facts.refreshClientFacts(other.id, '2024-03-11', '2024-03-11');
		const mine = await snapshot();
		await ctx.warehouse.facts.refreshClientFacts(clientId, '2024-03-12', '2024-03-12');
		expect(await snapshot()).toEqual(mine);
		const theirs = await ctx.sql('select sku, units_sold from fact_sku_day where client_id = $1', [other.id]);
		expect(theirs).toEqual([{ sku: 'X', units_sold: '1' }]);
	});

	test('an order with two lines of one SKU counts once for that SKU and its day', async () => {
		const shop = await ctx.warehouse.clients.create({ name: 'Loja Duas Linhas', email: 'duas@example.com' });
		await ctx.warehouse.staging.upsertMlOrders(
			shop.id,
			[order('D1', 'paid', '2024-05-02T12:00:00-03:00'), order('D2', 'cancelled', '2024-05-02T13:00:00-03:00')],
			[
				line('D1', 0, 'MLB1', null, 'KIT', 2, '10.00', '1.00'),
				line('D1', 1, 'MLB2', null, 'KIT', 1, '15.50', '2.00'),
				line('D2', 0, 'MLB1', null, 'KIT', 1, '10.00', '1.00'),
				line('D2', 1, 'MLB1', null, 'KIT', 1, '10.00', '1.00'),
			],
		);
		await ctx.warehouse.facts.refreshClientFacts(shop.id, '2024-05-02', '2024-05-02');
		const rows = await ctx.sql(
			`select sku, units_sold, orders_count, gross_revenue::text, sale_fees::text, cancelled_units, cancelled_revenue::text
			from fact_sku_day where client_id = $1`,
			[shop.id],
		);
		// 2×10.00 + 1×15.50 = 35.50; fees 2×1.00 + 1×2.00 = 4.00; D2 cancelled: 2 units, 20.00.
		expect(rows).toEqual([
			{ sku: 'KIT', units_sold: '3', orders_count: 1, gross_revenue: '35.50', sale_fees: '4.00', cancelled_units: '2', cancelled_revenue: '20.00' },
		]);
		const [day] = await ctx.sql('select orders_count, cancelled_orders from agg_client_day where client_id = $1', [shop.id]);
		expect(day).toEqual({ orders_count: 1, cancelled_orders: 1 });
	});
});
