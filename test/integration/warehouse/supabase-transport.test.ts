// The supabase-js transport. Contract: the exact requests it sends (method, URL, headers, body).
// Behaviour: the same warehouse flows as over pg, through a PostgREST-style RPC stand-in on the
// real database (run as service_role), giving the same facts.
import { openWarehouse, SupabaseTransport, WarehouseError, type Warehouse } from '../../../domain/warehouse';
import { postgrestRpcStandIn, type CapturedRequest, type RpcStandIn } from './fixtures/postgrest-rpc-standin';
import { migratedWarehouse, type MigratedWarehouse } from './support';

function headersOf(init?: RequestInit): Record<string, string> {
	const headers: Record<string, string> = {};
	new Headers(init?.headers).forEach((value, name) => (headers[name] = value));
	return headers;
}

const URL_BASE = 'http://127.0.0.1:54321';
const KEY = 'service-role-key-for-tests';

function capturing(response: unknown, status = 200): { fetch: typeof fetch; requests: CapturedRequest[] } {
	const requests: CapturedRequest[] = [];
	const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit) => {
		requests.push({
			method: init?.method ?? 'GET',
			url: String(input),
			headers: headersOf(init),
			body: init?.body ? JSON.parse(String(init.body)) : undefined,
		});
		return new Response(JSON.stringify(response), { status, headers: { 'content-type': 'application/json' } });
	};
	return { fetch: fetchImpl as typeof fetch, requests };
}

describe('contract: requests sent by the supabase transport', () => {
	const expectedHeaders = {
		apikey: KEY,
		authorization: `Bearer ${KEY}`,
		'content-profile': 'public',
		'content-type': 'application/json',
		'x-client-info': expect.stringMatching(/^supabase-js\/2\.119\.1; runtime=node; runtime-version=/),
	};

	test('rpc: POST /rest/v1/rpc/<fn>, service-role key, arguments as the JSON body (dates as ISO, undefined dropped)', async () => {
		const { fetch, requests } = capturing([{ claimed: true }]);
		const transport = new SupabaseTransport({ url: URL_BASE, serviceRoleKey: KEY, fetch });
		const rows = await transport.rpc('wh_credentials_claim_refresh', {
			p_client_id: 'c1',
			p_provider: 'mercadolivre',
			p_expected_version: 3,
			p_owner: 'me',
			p_lease_seconds: undefined,
			p_when: new Date('2024-03-01T00:00:00Z'),
		});
		expect(rows).toEqual([{ claimed: true }]);
		expect(requests).toEqual([
			{
				method: 'POST',
				url: `${URL_BASE}/rest/v1/rpc/wh_credentials_claim_refresh`,
				headers: expectedHeaders,
				body: { p_client_id: 'c1', p_provider: 'mercadolivre', p_expected_version: 3, p_owner: 'me', p_when: '2024-03-01T00:00:00.000Z' },
			},
		]);
		await transport.close();
	});

	test('staging loads send rows as JSON arrays (jsonb arguments), in batches of 500', async () => {
		const { fetch, requests } = capturing([{ orders_written: 1, lines_written: 1, affected_days: ['2024-03-01'] }]);
		const warehouse = openWarehouse({ supabase: { url: URL_BASE, serviceRoleKey: KEY, fetch } });
		const orders = Array.from({ length: 501 }, (_, i) => ({
			orderId: String(2000000000000 + i),
			status: 'paid',
			dateCreated: '2024-03-01T12:00:00-03:00',
			dateLastUpdated: '2024-03-01T12:00:00-03:00',
			totalAmount: '10.00',
			currencyId: 'BRL',
		}));
		const lines = orders.map((o) => ({ orderId: o.orderId, lineNo: 0, itemId: 'MLB1', variationId: null, sellerSku: 'S', quantity: 1, unitPrice: '10.00', saleFee: '1.10' }));
		const result = await warehouse.staging.upsertMlOrders('c1', orders, lines);
		expect(result).toEqual({ ordersWritten: 2, linesWritten: 2, rowsWritten: 4, affectedDays: ['2024-03-01'] });
		expect(requests.map((r) => [r.method, r.url])).toEqual([
			['POST', `${URL_BASE}/rest/v1/rpc/wh_ml_upsert_orders`],
			['POST', `${URL_BASE}/rest/v1/rpc/wh_ml_upsert_orders`],
		]);
		const first = requests[0].body as { p_client_id: string; p_orders: unknown[]; p_lines: Array<Record<string, unknown>> };
		expect(first.p_client_id).toBe('c1');
		expect(first.p_orders).toHaveLength(500);
		expect(first.p_lines[0]).toEqual(lines[0]); // money stays a decimal string
		expect((requests[1].body as { p_orders: unknown[] }).p_orders).toEqual([orders[500]]);
		await warehouse.close();
	});

	test('refresh, client creation and vault calls name the same SQL functions as the pg transport', async () => {
		const { fetch, requests } = capturing([{ fact_sku_day_rows: 2, agg_client_day_rows: 1, ads_day_rows: 0 }]);
		// The flat config n8n credentials use builds the same transport.
		const flat = openWarehouse({ supabaseUrl: URL_BASE, serviceRoleKey: KEY, tokenKey: 'ef'.repeat(32) });
		expect(flat.transport).toBeInstanceOf(SupabaseTransport);
		await flat.close();
		const transport = new SupabaseTransport({ url: URL_BASE, serviceRoleKey: KEY, fetch });
		const facts = openWarehouse({ transport });
		expect(await facts.facts.refreshClientFacts('c1', '2024-03-01', '2024-03-31')).toEqual({
			factSkuDayRows: 2,
			aggClientDayRows: 1,
			adsDayRows: 0,
			rowsWritten: 3,
		});
		expect(requests[0]).toMatchObject({
			method: 'POST',
			url: `${URL_BASE}/rest/v1/rpc/wh_refresh_client_facts`,
			body: { p_client_id: 'c1', p_from: '2024-03-01', p_to: '2024-03-31' },
		});
		await facts.close();
	});

	test('PostgREST errors become WarehouseError with the SQLSTATE', async () => {
		const { fetch } = capturing({ code: 'VW002', message: 'client x not found', details: null, hint: null }, 400);
		const transport = new SupabaseTransport({ url: URL_BASE, serviceRoleKey: KEY, fetch });
		const error = await transport.rpc('wh_client_set_status', { p_id: 'x', p_status: 'ready' }).catch((e: Error) => e);
		expect(error).toBeInstanceOf(WarehouseError);
		expect(error).toMatchObject({ code: 'VW002', message: 'client x not found' });
		await transport.close();
	});
});

describe('behaviour: the supabase transport on real PostgreSQL (as service_role)', () => {
	let ctx: MigratedWarehouse;
	let standIn: RpcStandIn;
	let viaApi: Warehouse;

	beforeAll(async () => {
		ctx = await migratedWarehouse();
		standIn = postgrestRpcStandIn(ctx.db.url, KEY);
		viaApi = openWarehouse({ supabase: { url: URL_BASE, serviceRoleKey: KEY, fetch: standIn.fetch }, cipher: ctx.cipher });
	});

	afterAll(async () => {
		await viaApi.close();
		await standIn.close();
		await ctx.close();
	});

	test('clients, lifecycle, invites and runs work through the API', async () => {
		const client = await viaApi.clients.create({ name: 'Via API', email: 'api@example.com', document: '11222333000181', mlRefreshToken: 'TG-api' });
		expect(client).toMatchObject({ status: 'authorized', documentType: 'cnpj' });
		expect(client.createdAt).toBeInstanceOf(Date);
		expect((await viaApi.clients.findByIdOrName('via api'))?.id).toBe(client.id);
		await expect(viaApi.clients.setStatus(client.id, 'ready')).rejects.toThrow(/não permitida/);
		await viaApi.clients.setStatus(client.id, 'backfilling');
		const invite = await viaApi.invites.create(client.id, { pkceVerifier: 'v' });
		expect((await viaApi.invites.consume(invite.token)).pkceVerifier).toBe('v');
		await expect(viaApi.invites.consume(invite.token)).rejects.toMatchObject({ state: 'used' });
		const run = await viaApi.runs.start({ clientId: client.id, source: 'ml_orders', dateFrom: '2024-03-01', dateTo: '2024-03-02' });
		await viaApi.runs.finish(run.id, { status: 'success', rowsRead: 2, rowsWritten: 2 });
		expect((await viaApi.runs.recent(client.id))[0]).toMatchObject({ status: 'success', rowsRead: 2, dateFrom: '2024-03-01' });
		await viaApi.runs.setWatermark(client.id, 'ml_orders', 'w1');
		expect((await viaApi.runs.getWatermark(client.id, 'ml_orders'))?.watermark).toBe('w1');
		const credentials = await viaApi.clients.credentials(client.id);
		expect(credentials[0]).toMatchObject({ provider: 'mercadolivre', version: 1, hasRefreshToken: true });
	});

	test('single-flight refresh holds through the API too', async () => {
		const client = await viaApi.clients.require('Via API');
		let calls = 0;
		const refresher = async (refreshToken: string) => {
			calls++;
			expect(refreshToken).toBe('TG-api');
			await new Promise((resolve) => setTimeout(resolve, 200));
			return { accessToken: 'APP_USR-api-new', refreshToken: 'TG-api-new', expiresAt: new Date(Date.now() + 6 * 3600_000) };
		};
		const others = Array.from({ length: 5 }, () => openWarehouse({ supabase: { url: URL_BASE, serviceRoleKey: KEY, fetch: standIn.fetch }, cipher: ctx.cipher }));
		const tokens = await Promise.all(others.map((w) => w.vault.getFreshAccessToken(client.id, 'mercadolivre', refresher)));
		await Promise.all(others.map((w) => w.close()));
		expect(calls).toBe(1);
		expect(new Set(tokens)).toEqual(new Set(['APP_USR-api-new']));
		expect((await ctx.warehouse.vault.getTokens(client.id, 'mercadolivre'))?.refreshToken).toBe('TG-api-new');
	});

	test('loads and refresh through the API give the same facts as through pg', async () => {
		const viaPg = await ctx.warehouse.clients.create({ name: 'Via PG', email: 'pg@example.com' });
		const viaApiClient = await viaApi.clients.require('Via API');
		const orders = [
			{ orderId: '1', status: 'paid', dateCreated: '2024-03-01T23:59:00-04:00', dateLastUpdated: '2024-03-02T00:00:00Z', totalAmount: '30.00', currencyId: 'BRL' },
			{ orderId: '2', status: 'cancelled', dateCreated: '2024-03-02T02:00:00Z', dateLastUpdated: '2024-03-02T02:00:00Z', totalAmount: '5.00', currencyId: 'BRL' },
		];
		const lines = [
			{ orderId: '1', lineNo: 0, itemId: 'MLB1', variationId: '5', sellerSku: null, quantity: 3, unitPrice: '10.00', saleFee: '1.15' },
			{ orderId: '2', lineNo: 0, itemId: 'MLB1', variationId: null, sellerSku: null, quantity: 1, unitPrice: '5.00', saleFee: null },
		];
		const items = [{ itemId: 'MLB1', title: 't', status: 'active', skuAttribute: 'SKU1', sellerCustomField: null }];
		const visits = [{ itemId: 'MLB1', day: '2024-03-02', visits: 9 }];
		const ads = [{ adGroupId: 'G', campaignId: null, day: '2024-03-02', cost: '2.00', clicks: 1, impressions: 5, directAmount: '3.00', indirectAmount: '0.00' }];
		for (const [w, id] of [[ctx.warehouse, viaPg.id], [viaApi, viaApiClient.id]] as const) {
			await w.staging.upsertMlOrders(id, orders, lines);
			await w.staging.upsertMlItems(id, items, []);
			await w.staging.upsertMlVisits(id, visits);
			await w.staging.upsertMlAdGroupMetrics(id, ads);
			await w.staging.upsertMlAdGroupItems(id, [{ adGroupId: 'G', itemId: 'MLB1' }]);
			await w.facts.refreshDirty(id);
		}
		const facts = async (id: string) => ({
			sku: await ctx.sql(`select day, sku, units_sold, gross_revenue::text, sale_fees::text, cancelled_units, visits, ads_cost::text from fact_sku_day where client_id = $1 order by day, sku`, [id]),
			agg: await ctx.sql(`select day, orders_count, avg_ticket::text, acos::text from agg_client_day where client_id = $1 order by day`, [id]),
		});
		const fromPg = await facts(viaPg.id);
		// Order 1: 23:59 at -04:00 = 00:59 on 03-02 in São Paulo; order 2: 02:00Z = 23:00 on 03-01.
		expect(fromPg.sku).toEqual([
			{ day: '2024-03-01', sku: 'SKU1', units_sold: '0', gross_revenue: '0.00', sale_fees: '0.00', cancelled_units: '1', visits: '0', ads_cost: '0.00' },
			{ day: '2024-03-02', sku: 'SKU1', units_sold: '3', gross_revenue: '30.00', sale_fees: '3.45', cancelled_units: '0', visits: '9', ads_cost: '2.00' },
		]);
		expect(fromPg.agg).toEqual([
			{ day: '2024-03-01', orders_count: 0, avg_ticket: null, acos: null },
			{ day: '2024-03-02', orders_count: 1, avg_ticket: '30.00', acos: '0.6667' },
		]);
		expect(await facts(viaApiClient.id)).toEqual(fromPg);
		expect(standIn.requests.every((r) => r.method === 'POST' && r.url.startsWith(`${URL_BASE}/rest/v1/rpc/wh_`))).toBe(true);
	});
});
