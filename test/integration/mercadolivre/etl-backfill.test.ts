// A 90-day backfill of a seller with more than 10,000 orders in one window: every order stored
// once, and the facts the warehouse computes equal what docs/metrics.md gives from the seeded data.
import { addDays, ADS_MAX_DAYS_BACK, syncClient, todaySp } from '../../../domain/mercadolivre';
import { InvalidGrantError } from '../../../domain/warehouse';
import { actualFacts, count, expectedFacts } from './expected-facts';
import { MlHarness, startHarness } from './harness';

const SELLER = 8101;
jest.setTimeout(300_000);

describe('Mercado Livre ETL: 90-day backfill', () => {
	let h: MlHarness;
	let clientId: string;
	const today = todaySp();
	const from = addDays(today, -90);

	beforeAll(async () => {
		h = await startHarness();
		({ clientId } = await h.addClient({ userId: SELLER, orders: 12_000, items: 300, days: 90, seed: 81 }));
	});
	afterAll(() => h?.close());

	it('stores every order once and computes the facts of metrics.md', async () => {
		const seller = h.fake.seller(SELLER);
		const summary = await syncClient({
			warehouse: h.warehouse,
			app: h.app,
			clientId,
			from,
			mode: 'full',
			concurrency: 6,
			invalidGrant: (m) => new InvalidGrantError(m),
			limiters: h.limiters,
		});
		expect(summary.orders).toBe(12_000);
		expect(summary.items).toBe(300);
		expect(summary.duplicateOrders).toBeGreaterThan(0);
		expect(summary.orderWindows).toBeGreaterThanOrEqual(2);
		expect(await count(h.db.url, 'select count(*) n from ml_orders where client_id = $1', [clientId])).toBe(12_000);
		const lines = seller.orders.reduce((n, o) => n + o.order_items.length, 0);
		expect(await count(h.db.url, 'select count(*) n from ml_order_lines where client_id = $1', [clientId])).toBe(lines);
		expect(Math.max(...h.fake.server.calls('/orders/search').map((r) => Number(r.query.offset)))).toBeLessThan(10_000);

		const adsFrom = addDays(today, -(ADS_MAX_DAYS_BACK - 1));
		const expected = expectedFacts(seller, from, today, adsFrom);
		const actual = await actualFacts(h.db.url, clientId);
		expect(actual.agg.size).toBe(expected.agg.size);
		for (const [day, totals] of expected.agg) expect({ day, ...actual.agg.get(day) }).toEqual({ day, ...totals });
		expect(actual.sku.size).toBe(expected.sku.size);
		for (const [key, totals] of expected.sku) expect({ key, ...actual.sku.get(key) }).toEqual({ key, ...totals });

		const runs = await h.warehouse.runs.recent(clientId, 20);
		expect(runs.map((r) => r.source).sort()).toEqual(['ml_ads', 'ml_facts', 'ml_items', 'ml_orders', 'ml_visits']);
		expect(runs.every((r) => r.status === 'success')).toBe(true);
	});

	it('is idempotent: a second full run changes nothing', async () => {
		const before = await actualFacts(h.db.url, clientId);
		await syncClient({ warehouse: h.warehouse, app: h.app, clientId, from, mode: 'full', limiters: h.limiters });
		const after = await actualFacts(h.db.url, clientId);
		expect(after).toEqual(before);
		expect(await count(h.db.url, 'select count(*) n from ml_orders where client_id = $1', [clientId])).toBe(12_000);
	});
});
