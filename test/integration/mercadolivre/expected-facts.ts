// The facts docs/metrics.md asks for, computed straight from the fake's seeded data (in cents, with
// its own SKU resolution), to compare with what the warehouse computed in SQL from our staging rows.
import { Client } from 'pg';
import { adDay, type FakeItem, type FakeSeller, spDayOf, visitsOf } from '../../fakes/mercadolivre';

export interface DayTotals {
	units_sold: number;
	orders_count: number;
	gross_revenue: string;
	sale_fees: string;
	cancelled_units: number;
	cancelled_revenue: string;
	cancelled_orders: number;
	visits: number;
	ads_cost: string;
	ads_clicks: number;
	ads_impressions: number;
	ads_revenue: string;
}

function omit<T extends Record<string, unknown>>(row: T, keys: string[]): Record<string, unknown> {
	return Object.fromEntries(Object.entries(row).filter(([key]) => !keys.includes(key)));
}

const cents = (n: number) => Math.round(n * 100);
const money = (c: number) => (c / 100).toFixed(2);
const blank = (v: string | null | undefined) => (v === null || v === undefined || v.trim() === '' ? null : v.trim());
const skuAttr = (attrs: FakeItem['attributes']) => blank(attrs.find((a) => a.id === 'SELLER_SKU')?.value_name);

function itemSku(item: FakeItem | undefined, itemId: string): string {
	return (item && (skuAttr(item.attributes) ?? blank(item.seller_custom_field))) ?? itemId;
}

function lineSku(seller: FakeSeller, line: FakeSeller['orders'][number]['order_items'][number]): string {
	const fromLine = blank(line.item.seller_sku);
	if (fromLine) return fromLine;
	const item = seller.itemsById.get(line.item.id);
	if (line.item.variation_id !== null) {
		const variation = item?.variations.find((v) => v.id === line.item.variation_id);
		const fromVariation = variation && (skuAttr(variation.attributes) ?? blank(variation.seller_custom_field));
		if (fromVariation) return fromVariation;
		const fromItem = item && (skuAttr(item.attributes) ?? blank(item.seller_custom_field));
		return fromItem ?? `${line.item.id}:${line.item.variation_id}`;
	}
	return itemSku(item, line.item.id);
}

interface Acc {
	units: number;
	orders: Set<number>;
	gross: number;
	fees: number;
	cUnits: number;
	cGross: number;
	cOrders: Set<number>;
	visits: number;
	adsCost: number;
	adsClicks: number;
	adsPrints: number;
	adsRevenue: number;
}
const acc = (): Acc => ({ units: 0, orders: new Set(), gross: 0, fees: 0, cUnits: 0, cGross: 0, cOrders: new Set(), visits: 0, adsCost: 0, adsClicks: 0, adsPrints: 0, adsRevenue: 0 });

function totals(a: Acc): DayTotals {
	return {
		units_sold: a.units,
		orders_count: a.orders.size,
		gross_revenue: money(a.gross),
		sale_fees: money(a.fees),
		cancelled_units: a.cUnits,
		cancelled_revenue: money(a.cGross),
		cancelled_orders: a.cOrders.size,
		visits: a.visits,
		ads_cost: money(a.adsCost),
		ads_clicks: a.adsClicks,
		ads_impressions: a.adsPrints,
		ads_revenue: money(a.adsRevenue),
	};
}

function isZero(t: DayTotals): boolean {
	return Object.values(t).every((v) => Number(v) === 0);
}

/** Expected agg_client_day and fact_sku_day (keys `day` and `day|sku`) for [from, to]; ads only from adsFrom. */
export function expectedFacts(seller: FakeSeller, from: string, to: string, adsFrom: string) {
	const byDay = new Map<string, Acc>();
	const bySku = new Map<string, Acc>();
	const get = (map: Map<string, Acc>, key: string) => map.get(key) ?? map.set(key, acc()).get(key)!;
	for (const order of seller.orders) {
		const day = spDayOf(Date.parse(order.date_created));
		if (day < from || day > to) continue;
		const sale = order.status === 'paid' || order.status === 'partially_refunded';
		const cancelled = order.status === 'cancelled';
		if (!sale && !cancelled) continue;
		for (const line of order.order_items) {
			const value = cents(line.unit_price) * line.quantity;
			for (const a of [get(byDay, day), get(bySku, `${day}|${lineSku(seller, line)}`)]) {
				if (sale) {
					a.units += line.quantity;
					a.orders.add(order.id);
					a.gross += value;
					a.fees += cents(line.sale_fee) * line.quantity;
				} else {
					a.cUnits += line.quantity;
					a.cGross += value;
					a.cOrders.add(order.id);
				}
			}
		}
	}
	for (const day of seller.days) {
		if (day < from || day > to) continue;
		for (const item of seller.items) {
			const v = visitsOf(seller, item.id, day);
			get(byDay, day).visits += v;
			if (v > 0) get(bySku, `${day}|${itemSku(item, item.id)}`).visits += v;
		}
		if (day < adsFrom) continue;
		for (const group of seller.adGroups) {
			const m = adDay(seller, group, day);
			const targets = [get(byDay, day)];
			if (group.itemIds.length === 1) targets.push(get(bySku, `${day}|${itemSku(seller.itemsById.get(group.itemIds[0]), group.itemIds[0])}`));
			for (const a of targets) {
				a.adsCost += m.costCents;
				a.adsClicks += m.clicks;
				a.adsPrints += m.prints;
				a.adsRevenue += m.directAmountCents + m.indirectAmountCents;
			}
		}
	}
	const agg = new Map([...byDay].map(([k, a]) => [k, totals(a)] as const).filter(([, t]) => !isZero(t)));
	const sku = new Map(
		[...bySku].map(([k, a]) => [k, omit(totals(a) as unknown as Record<string, unknown>, ['cancelled_orders'])] as const).filter(([, t]) => !isZero({ ...(t as unknown as DayTotals), cancelled_orders: 0 })),
	);
	return { agg, sku };
}

/** agg_client_day and fact_sku_day of a client as comparable maps. */
export async function actualFacts(databaseUrl: string, clientId: string) {
	const db = new Client({ connectionString: databaseUrl });
	await db.connect();
	try {
		const cols = `units_sold::int, orders_count, gross_revenue::text, sale_fees::text, cancelled_units::int, cancelled_revenue::text,
			visits::int, ads_cost::text, ads_clicks::int, ads_impressions::int, ads_revenue::text`;
		const agg = await db.query(`select day::text, ${cols}, cancelled_orders from agg_client_day where client_id = $1`, [clientId]);
		const sku = await db.query(`select day::text, sku, ${cols} from fact_sku_day where client_id = $1`, [clientId]);
		const norm = (row: Record<string, unknown>) => omit(row, ['day', 'sku']);
		return {
			agg: new Map(agg.rows.map((r) => [r.day as string, norm(r)] as const).filter(([, t]) => !Object.values(t).every((v) => Number(v) === 0))),
			sku: new Map(sku.rows.map((r) => [String(`${r.day}|${r.sku}`), norm(r)] as const).filter(([, t]) => !Object.values(t).every((v) => Number(v) === 0))),
		};
	} finally {
		await db.end();
	}
}

export async function count(databaseUrl: string, sql: string, params: unknown[]): Promise<number> {
	const db = new Client({ connectionString: databaseUrl });
	await db.connect();
	try {
		return Number((await db.query(sql, params)).rows[0].n);
	} finally {
		await db.end();
	}
}

/** Staging and fact tables of a client, without the client id, sorted: for "equal tables" checks. */
export async function snapshot(databaseUrl: string, clientId: string): Promise<Record<string, string[]>> {
	const db = new Client({ connectionString: databaseUrl });
	await db.connect();
	try {
		const out: Record<string, string[]> = {};
		for (const table of ['ml_orders', 'ml_order_lines', 'ml_items', 'ml_item_variations', 'ml_visits', 'ml_ad_group_metrics', 'ml_ad_group_items', 'fact_sku_day', 'agg_client_day', 'fact_ads_day']) {
			const rows = await db.query(`select * from ${table} where client_id = $1`, [clientId]);
			out[table] = rows.rows
				.map((r) => {
					const rest = omit(r as Record<string, unknown>, ['client_id', 'updated_at', 'refreshed_at', 'computed_at']);
					return JSON.stringify(rest, Object.keys(rest).sort());
				})
				.sort();
		}
		return out;
	} finally {
		await db.end();
	}
}
