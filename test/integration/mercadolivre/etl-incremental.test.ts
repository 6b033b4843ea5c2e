// An incremental run after cancellations and refunds of old orders (and new orders) leaves the same
// staging and fact tables as a full re-sync from scratch into a fresh warehouse.
import { addDays, syncClient, todaySp } from '../../../domain/mercadolivre';
import { snapshot } from './expected-facts';
import { APP_CREDENTIALS, MlHarness, startHarness } from './harness';
import { createTestDatabase } from '../../support/database';
import { migrate, openWarehouse } from '../../../domain/warehouse';
import { randomBytes } from 'node:crypto';

const SELLER = 8201;
jest.setTimeout(300_000);

describe('Mercado Livre ETL: incremental', () => {
	let h: MlHarness;
	let clientId: string;
	const today = todaySp();
	const from = addDays(today, -60);

	beforeAll(async () => {
		h = await startHarness();
		({ clientId } = await h.addClient({ userId: SELLER, orders: 4_000, items: 120, days: 60, seed: 82 }));
	});
	afterAll(() => h?.close());

	it('equals a full re-sync after old orders were cancelled and refunded', async () => {
		const first = await syncClient({ warehouse: h.warehouse, app: h.app, clientId, from, mode: 'full', limiters: h.limiters });
		expect(first.watermark).not.toBeNull();

		// Weeks-old orders change: paid → cancelled, paid → partially_refunded, pending → paid.
		const seller = h.fake.seller(SELLER);
		const old = seller.orders.slice(100, 2000);
		const paid = old.filter((o) => o.status === 'paid');
		const pending = old.filter((o) => o.status === 'payment_required' || o.status === 'payment_in_process');
		for (const order of paid.slice(0, 25)) h.fake.mutateOrder(order.id, { status: 'cancelled' });
		for (const order of paid.slice(25, 40)) h.fake.mutateOrder(order.id, { status: 'partially_refunded' });
		for (const order of pending.slice(0, 5)) h.fake.mutateOrder(order.id, { status: 'paid' });
		const changedDays = new Set([...paid.slice(0, 40), ...pending.slice(0, 5)].map((o) => o.date_created.slice(0, 10)));
		expect(changedDays.size).toBeGreaterThan(3);

		const searchesBefore = h.fake.server.calls('/orders/search').length;
		const incremental = await syncClient({ warehouse: h.warehouse, app: h.app, clientId, from, mode: 'incremental', limiters: h.limiters });
		const searches = h.fake.server.calls('/orders/search').slice(searchesBefore);
		expect(searches.every((r) => 'order.date_last_updated.from' in r.query)).toBe(true);
		expect(incremental.orders).toBeGreaterThanOrEqual(45);
		expect(incremental.orders).toBeLessThan(200);
		const afterIncremental = await snapshot(h.db.url, clientId);

		// A fresh warehouse, same seller, full sync from scratch.
		const db2 = await createTestDatabase('viang_ml_full');
		await migrate(db2.url);
		const warehouse2 = openWarehouse({ databaseUrl: db2.url, tokenKey: randomBytes(32).toString('hex') });
		try {
			const c2 = await warehouse2.clients.create({ name: 'Loja Full', email: 'full@example.com', mlUserId: String(SELLER) });
			const issued = h.fake.issueTokens(APP_CREDENTIALS.clientId, SELLER);
			await warehouse2.vault.storeTokens(c2.id, 'mercadolivre', {
				accessToken: issued.access_token,
				refreshToken: issued.refresh_token,
				expiresAt: new Date(Date.now() + 3_600_000),
			});
			await syncClient({ warehouse: warehouse2, app: h.app, clientId: c2.id, from, mode: 'full', limiters: h.limiters });
			const fresh = await snapshot(db2.url, c2.id);
			for (const table of Object.keys(fresh)) {
				expect({ table, rows: afterIncremental[table].length }).toEqual({ table, rows: fresh[table].length });
				expect(afterIncremental[table]).toEqual(fresh[table]);
			}
		} finally {
			await warehouse2.close();
			await db2.drop();
		}
		const runs = await h.warehouse.runs.recent(clientId, 20);
		expect(runs.filter((r) => r.step === 'incremental').map((r) => r.source).sort()).toEqual(['ml_ads', 'ml_facts', 'ml_items', 'ml_orders', 'ml_visits']);
	});
});
