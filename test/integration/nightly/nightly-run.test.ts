// The nightly run's domain pieces over the real ETL: every ready client synced incrementally with
// bounded concurrency while 10% of the fake's calls fail (429, 5xx, timeouts, dropped connections);
// the warehouse ends equal to what the seeded data says, a revoked client fails alone (marked
// needs_reauth, named in the summary with /convite), and every client has its updates_log row.
import { addDays, syncClient, todaySp } from '../../../domain/mercadolivre';
import { listDueClients, runBounded, runOneClient, summarizeNightly, type ClientEtlCall } from '../../../domain/nightly';
import { actualFacts, count, expectedFacts } from '../mercadolivre/expected-facts';
import { startHarness, type MlHarness } from '../mercadolivre/harness';
import { makeReady, sql } from './helpers';

jest.setTimeout(300_000);

describe('nightly run under faults', () => {
	let h: MlHarness;
	const today = todaySp();
	const from = addDays(today, -14);
	const sellers = [9101, 9102, 9103, 9104, 9105];
	const ids = new Map<number, string>();

	beforeAll(async () => {
		h = await startHarness({ appRate: 300, sellerRate: 300 });
		h.fake.server.timeoutHoldMs = 1_000;
		for (const [n, userId] of sellers.entries()) {
			const { clientId } = await h.addClient({ userId, orders: 300 + n * 150, items: 25, days: 14, seed: userId }, `Loja ${n + 1}`);
			ids.set(userId, clientId);
			// The backfill, clean: afterwards the client is ready and has a watermark.
			await syncClient({ warehouse: h.warehouse, app: h.app, clientId, from, mode: 'full', limiters: h.limiters });
			await makeReady(h.warehouse, clientId);
		}
	});
	afterAll(() => h?.close());

	it('completes, equals a clean run, and isolates the revoked client', async () => {
		// Orders change after the backfill (cancellations of old orders): the nightly must pick them up.
		for (const userId of sellers) {
			const seller = h.fake.seller(userId);
			for (const order of seller.orders.filter((o) => o.status === 'paid').slice(0, 5)) h.fake.mutateOrder(order.id, { status: 'cancelled' });
		}
		h.fake.revokeSeller(9105);
		h.fake.server.setFaults({ serverError: 0.04, rateLimited: 0.03, timeout: 0.015, drop: 0.015, seed: 7, exempt: /^\/(__control|oauth)\// });

		const startedAt = Date.now();
		const due = await listDueClients(h.warehouse);
		expect(due.map((d) => d.client_id).sort()).toEqual([...ids.values()].sort());
		expect(due.every((d) => d.mode === 'incremental' && d.last_success_at !== null)).toBe(true);
		const app = { ...h.app, timeoutMs: 800 };
		const call: ClientEtlCall = async (input) => [
			(await syncClient({ warehouse: h.warehouse, app, clientId: input.client_id, from: input.data_inicio, mode: 'incremental', limiters: h.limiters })) as unknown as Record<string, unknown>,
		];
		let running = 0;
		let peak = 0;
		const outcomes = await runBounded(due, 2, async (input) => {
			peak = Math.max(peak, ++running);
			try {
				return await runOneClient(h.warehouse, input, call);
			} finally {
				running -= 1;
			}
		});
		h.fake.server.setFaults({});
		expect(peak).toBe(2);
		const results = outcomes.map((o) => (o.ok ? o.value : null)).filter((r) => r !== null);
		expect(results).toHaveLength(5);

		const failed = results.filter((r) => r.status === 'failed');
		expect(failed.map((r) => r.client_id)).toEqual([ids.get(9105)]);
		expect(failed[0].needs_reauth).toBe(true);
		expect((await h.warehouse.clients.get(ids.get(9105)!))?.status).toBe('needs_reauth');
		const faultStatuses = new Set(h.fake.server.requests.map((r) => r.status));
		expect([429, 503, -1, -2].filter((s) => faultStatuses.has(s)).length).toBeGreaterThanOrEqual(3);

		// Every healthy client's warehouse equals the seeded truth (= a clean full run).
		for (const userId of sellers.slice(0, 4)) {
			const clientId = ids.get(userId)!;
			const seller = h.fake.seller(userId);
			expect(await count(h.db.url, 'select count(*) n from ml_orders where client_id = $1', [clientId])).toBe(seller.orders.length);
			const expected = expectedFacts(seller, from, today, from);
			const actual = await actualFacts(h.db.url, clientId);
			expect(Object.fromEntries(actual.agg)).toEqual(Object.fromEntries(expected.agg));
			expect(Object.fromEntries(actual.sku)).toEqual(Object.fromEntries(expected.sku));
		}

		const summary = summarizeNightly(results, startedAt);
		expect(summary).toMatchObject({ clients_total: 5, clients_ok: 4, clients_failed: 1 });
		expect(summary.rows).toBeGreaterThan(0);
		expect(summary.message).toContain('4 de 5 clientes ok');
		expect(summary.message).toContain('Loja 5');
		expect(summary.message).toContain('/convite Loja 5');

		const rows = await sql(h.db.url, `select client_id::text, status from updates_log where source = 'nightly' and step = 'client'`);
		expect(rows).toHaveLength(5);
		expect(rows.filter((r) => r.status === 'error').map((r) => r.client_id)).toEqual([ids.get(9105)]);
		const perSource = await sql(h.db.url, `select distinct source from updates_log where client_id = $1 and started_at >= to_timestamp($2 / 1000.0)`, [ids.get(9101), startedAt]);
		expect(perSource.map((r) => r.source).sort()).toEqual(['ml_ads', 'ml_facts', 'ml_items', 'ml_orders', 'ml_visits', 'nightly']);
	});
});
