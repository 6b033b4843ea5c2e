// Nothing is lost under 429 storms, 5xx answers, timeouts and dropped connections; and when every
// access token expires mid-run, concurrent callers share one refresh through the vault.
import { addDays, syncClient, todaySp } from '../../../domain/mercadolivre';
import { actualFacts, count, expectedFacts } from './expected-facts';
import { MlHarness, startHarness } from './harness';

jest.setTimeout(300_000);

describe('Mercado Livre ETL under faults', () => {
	let h: MlHarness;
	const today = todaySp();
	const from = addDays(today, -20);

	beforeAll(async () => {
		h = await startHarness({ appRate: 200, sellerRate: 200 });
		h.fake.server.timeoutHoldMs = 1_500;
	});
	afterAll(() => h?.close());

	it('loses nothing through 429 storms, 5xx, timeouts and dropped connections', async () => {
		const { clientId } = await h.addClient({ userId: 8301, orders: 3_000, items: 80, days: 20, seed: 83 });
		// The fake's own limit is below our pace (429 storms with Retry-After), plus random faults.
		h.fake.server.rateLimit = { requests: 40, windowMs: 1000 };
		h.fake.server.setFaults({ serverError: 0.06, rateLimited: 0.05, timeout: 0.01, drop: 0.01, seed: 42, exempt: /^\/(__control|oauth)\// });
		const app = { ...h.app, timeoutMs: 700 };
		try {
			const summary = await syncClient({ warehouse: h.warehouse, app, clientId, from, mode: 'full', concurrency: 6, limiters: h.limiters });
			expect(summary.retries).toBeGreaterThan(10);
			expect(summary.rateLimited).toBeGreaterThan(0);
		} finally {
			h.fake.server.rateLimit = undefined;
			h.fake.server.setFaults({});
		}
		const statuses = new Set(h.fake.server.requests.map((r) => r.status));
		expect(statuses.has(429) && statuses.has(503) && statuses.has(-1) && statuses.has(-2)).toBe(true);
		const seller = h.fake.seller(8301);
		expect(await count(h.db.url, 'select count(*) n from ml_orders where client_id = $1', [clientId])).toBe(seller.orders.length);
		const expected = expectedFacts(seller, from, today, from);
		const actual = await actualFacts(h.db.url, clientId);
		expect(Object.fromEntries(actual.agg)).toEqual(Object.fromEntries(expected.agg));
		expect(Object.fromEntries(actual.sku)).toEqual(Object.fromEntries(expected.sku));
	});

	it('refreshes once per expiry when tokens expire mid-run, and keeps going', async () => {
		const { clientId } = await h.addClient({ userId: 8302, orders: 2_500, items: 60, days: 20, seed: 84 });
		const refreshesBefore = h.fake.server.calls('/oauth/token').length;
		let expiries = 0;
		const timer = setInterval(() => {
			h.fake.expireAccessTokens();
			expiries += 1;
		}, 400);
		try {
			// A slow pace so the run spans several expiries.
			const app = { ...h.app, appRatePerSecond: 150, sellerRatePerSecond: 150 };
			await syncClient({ warehouse: h.warehouse, app, clientId, from, mode: 'full', concurrency: 8, limiters: h.limiters });
		} finally {
			clearInterval(timer);
		}
		const refreshes = h.fake.server.calls('/oauth/token').slice(refreshesBefore);
		expect(expiries).toBeGreaterThan(2);
		expect(refreshes.length).toBeGreaterThan(0);
		expect(refreshes.length).toBeLessThanOrEqual(expiries + 1);
		expect(refreshes.every((r) => r.status === 200)).toBe(true); // no refresh token was used twice
		const seller = h.fake.seller(8302);
		expect(await count(h.db.url, 'select count(*) n from ml_orders where client_id = $1', [clientId])).toBe(seller.orders.length);
		const credentials = await h.warehouse.clients.credentials(clientId);
		expect(credentials.find((c) => c.provider === 'mercadolivre')?.needsReauth).toBe(false);
	});
});
