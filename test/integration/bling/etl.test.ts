// The Bling ETL against the fake Bling and a real PostgreSQL: stock snapshots with unit cost,
// fin_client_day figures checked by hand, updates_log, re-sync after changes, and SKUs present in
// Bling only or on Mercado Livre only in the stock views.
import { refreshBlingTokens, syncBlingClient } from '../../../domain/bling';
import { BlingHarness, startBlingHarness } from './harness';
import { day, seedAccount } from './seed';

jest.setTimeout(120_000);

describe('Bling ETL', () => {
	let h: BlingHarness;
	let clientId: string;

	beforeAll(async () => {
		h = await startBlingHarness();
		({ clientId } = await h.addClient(seedAccount(7001), { name: 'Loja Estoque' }));
	});
	afterAll(() => h.close());

	const finRows = async () =>
		h.sql<Record<string, string>>(
			`select day::text, receivable_due::text, received::text, receivable_overdue::text, payable_due::text, paid::text, payable_overdue::text
			 from fin_client_day where client_id = $1 order by day`,
			[clientId],
		);
	const zero = { receivable_due: '0.00', received: '0.00', receivable_overdue: '0.00', payable_due: '0.00', paid: '0.00', payable_overdue: '0.00' };

	it('stores one snapshot per SKU and depósito with the cost price, and daily finance', async () => {
		const summary = await syncBlingClient({ warehouse: h.warehouse, app: h.app, clientId, from: day(-15), to: day(10), limiters: h.limiters });
		expect(summary).toMatchObject({ products: 156, skus: 154, snapshots: 155, receivables: 6, payables: 3, financeDays: 26 });

		const stock = await h.sql<Record<string, string>>(
			`select sku, warehouse, quantity::text, unit_cost::text from stock_snapshots
			 where client_id = $1 and sku not like 'F-%' order by sku, warehouse`,
			[clientId],
		);
		expect(stock).toEqual([
			{ sku: 'SKU-A', warehouse: 'Full ML', quantity: '3.00', unit_cost: '12.5000' },
			{ sku: 'SKU-A', warehouse: 'Geral', quantity: '10.00', unit_cost: '12.5000' },
			{ sku: 'SKU-B', warehouse: 'Geral', quantity: '7.00', unit_cost: null },
			{ sku: 'SKU-BLING-ONLY', warehouse: 'Geral', quantity: '4.00', unit_cost: '20.0000' },
			{ sku: 'SKU-INATIVO', warehouse: 'Geral', quantity: '2.00', unit_cost: '5.0000' },
		]);
		const takenAt = await h.sql('select count(distinct taken_at)::int n from stock_snapshots where client_id = $1', [clientId]);
		expect(takenAt[0].n).toBe(1);

		// By hand (seed.ts): r1 open 100 + r2 settled 250.50 on day −10; r3 partial 300 (saldo 120, read
		// from the detail) on day −1, r4 cancelled; r5 75.25 due today (not overdue); r6 40 in 5 days;
		// r7 outside the range. Payables: p1 paid 80 (−10), p2 open 60.10 (−1), p3 partial 200/saldo 50 (today).
		const rows = await finRows();
		expect(rows).toHaveLength(26);
		const byDay = Object.fromEntries(rows.map(({ day: d, ...rest }) => [d, rest]));
		expect(byDay[day(-10)]).toEqual({ receivable_due: '350.50', received: '250.50', receivable_overdue: '100.00', payable_due: '80.00', paid: '80.00', payable_overdue: '0.00' });
		expect(byDay[day(-1)]).toEqual({ receivable_due: '300.00', received: '180.00', receivable_overdue: '120.00', payable_due: '60.10', paid: '0.00', payable_overdue: '60.10' });
		expect(byDay[day(0)]).toEqual({ receivable_due: '75.25', received: '0.00', receivable_overdue: '0.00', payable_due: '200.00', paid: '150.00', payable_overdue: '0.00' });
		expect(byDay[day(5)]).toEqual({ ...zero, receivable_due: '40.00' });
		expect(byDay[day(-2)]).toEqual(zero);
		// Partial entries were read one by one for their open balance.
		expect(h.fake.server.calls(/\/contas\/receber\/3$/)).toHaveLength(1);
		expect(h.fake.server.calls(/\/contas\/pagar\/3$/)).toHaveLength(1);

		const log = await h.sql(`select source, status, rows_read::int, date_from::text from updates_log where client_id = $1 order by id`, [clientId]);
		expect(log).toEqual([
			{ source: 'bling_stock', status: 'success', rows_read: 156, date_from: day(0) },
			{ source: 'bling_finance', status: 'success', rows_read: 9, date_from: day(-15) },
		]);
	});

	it('a re-sync recomputes the days whose entries changed', async () => {
		const account = h.fake.accounts.get(7001)!;
		account.receivables.find((r) => r.id === 1)!.situacao = 2; // received late
		account.receivables.find((r) => r.id === 1)!.saldo = 0;
		account.receivables.find((r) => r.id === 5)!.situacao = 5; // cancelled
		await syncBlingClient({ warehouse: h.warehouse, app: h.app, clientId, parts: ['finance'], from: day(-15), to: day(10), limiters: h.limiters });
		const byDay = Object.fromEntries((await finRows()).map(({ day: d, ...rest }) => [d, rest]));
		expect(byDay[day(-10)]).toMatchObject({ receivable_due: '350.50', received: '350.50', receivable_overdue: '0.00' });
		expect(byDay[day(0)]).toMatchObject({ receivable_due: '0.00', payable_due: '200.00' });
	});

	it('shows SKUs found only in Bling or only on Mercado Livre in the stock views', async () => {
		await h.warehouse.staging.upsertMlItems(
			clientId,
			[
				{ itemId: 'MLB1', title: 'Camiseta A', status: 'active', skuAttribute: 'SKU-A', sellerCustomField: null },
				{ itemId: 'MLB2', title: 'Só no ML', status: 'active', skuAttribute: null, sellerCustomField: 'SKU-ML-ONLY' },
				{ itemId: 'MLB3', title: 'Sem SKU', status: 'active', skuAttribute: null, sellerCustomField: null },
			],
			[],
		);
		const view = async (skus: string[]) =>
			h.sql<Record<string, unknown>>(
				`select sku, bling_quantity::text, unit_cost::text, bling_stock_value::text, has_stock_source, on_mercadolivre
				 from analytics.v_stock_sku where client_id = $1 and sku = any($2) order by sku`,
				[clientId, skus],
			);
		expect(await view(['SKU-A', 'SKU-BLING-ONLY', 'SKU-ML-ONLY', 'MLB3'])).toEqual([
			{ sku: 'SKU-A', bling_quantity: '13.00', unit_cost: '12.5000', bling_stock_value: '162.50', has_stock_source: true, on_mercadolivre: true },
			{ sku: 'SKU-BLING-ONLY', bling_quantity: '4.00', unit_cost: '20.0000', bling_stock_value: '80.00', has_stock_source: true, on_mercadolivre: false },
			{ sku: 'SKU-ML-ONLY', bling_quantity: null, unit_cost: null, bling_stock_value: null, has_stock_source: false, on_mercadolivre: true },
		]);
		const latest = await h.sql(`select sku from analytics.v_stock_latest where client_id = $1 and sku in ('SKU-BLING-ONLY', 'SKU-ML-ONLY')`, [clientId]);
		expect(latest).toEqual([{ sku: 'SKU-BLING-ONLY' }]);

		// A product removed from Bling drops out of v_stock_sku at the next sync; v_stock_latest keeps its last word.
		const account = h.fake.accounts.get(7001)!;
		account.products = account.products.filter((p) => p.codigo !== 'SKU-BLING-ONLY');
		account.products.find((p) => p.codigo === 'SKU-A')!.stock = { 1: 1 };
		await syncBlingClient({ warehouse: h.warehouse, app: h.app, clientId, parts: ['stock'], limiters: h.limiters });
		expect(await view(['SKU-A', 'SKU-BLING-ONLY'])).toEqual([
			{ sku: 'SKU-A', bling_quantity: '1.00', unit_cost: '12.5000', bling_stock_value: '12.50', has_stock_source: true, on_mercadolivre: true },
		]);
		expect(await h.sql(`select quantity::text from analytics.v_stock_latest where client_id = $1 and sku = 'SKU-BLING-ONLY'`, [clientId])).toEqual([
			{ quantity: '4.00' },
		]);
	});

	it('logs a failed part as error without a token, and still runs the other part', async () => {
		const { clientId: other, refreshToken } = await h.addClient({ id: 7002 }, { name: 'Loja Revogada', expired: true });
		// Someone else used the stored refresh token (it rotated away): Bling answers invalid_grant.
		await refreshBlingTokens(h.app, refreshToken);
		await expect(syncBlingClient({ warehouse: h.warehouse, app: h.app, clientId: other, limiters: h.limiters })).rejects.toThrow(/needs_reauth/);
		expect((await h.warehouse.vault.getTokens(other, 'bling'))?.needsReauth).toBe(true);
		const log = await h.sql<{ source: string; status: string; error_message: string }>(
			'select source, status, error_message from updates_log where client_id = $1 order by id',
			[other],
		);
		expect(log.map((r) => [r.source, r.status])).toEqual([
			['bling_stock', 'error'],
			['bling_finance', 'error'],
		]);
		expect(JSON.stringify(log)).not.toContain(refreshToken);
	});
});
