// UpSeller against its fake (with non-default header names, as the real ones are unconfirmed) and
// a real PostgreSQL: credentials in the vault, the stock ETL with paging and updates_log, the node.
import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { probeUpSeller, readUpSellerCredentials, storeUpSellerCredentials, syncUpSellerClient, type UpSellerConfig } from '../../../domain/upseller';
import { migrate, openWarehouse, type Warehouse } from '../../../domain/warehouse';
import { UpSeller } from '../../../nodes/UpSeller/UpSeller.node';
import { getWarehouse } from '../../../nodes/shared/warehouse';
import { FakeUpSeller } from '../../fakes/upseller';
import { createTestDatabase, type TestDatabase } from '../../support/database';

jest.setTimeout(120_000);

describe('UpSeller', () => {
	let db: TestDatabase;
	let warehouse: Warehouse;
	let fake: FakeUpSeller;
	let config: UpSellerConfig;
	let clientId: string;
	let sql: Client;
	const tokenKey = randomBytes(32).toString('hex');

	beforeAll(async () => {
		db = await createTestDatabase('viang_upseller');
		await migrate(db.url);
		warehouse = openWarehouse({ databaseUrl: db.url, tokenKey });
		sql = new Client({ connectionString: db.url });
		await sql.connect();
		fake = new FakeUpSeller({ clientIdHeader: 'X-UpSeller-Client', apiTokenHeader: 'X-UpSeller-Token' });
		await fake.start();
		config = { baseUrl: fake.url, clientIdHeader: 'X-UpSeller-Client', apiTokenHeader: 'X-UpSeller-Token', ratePerSecond: 50 };
		fake.addAccount({
			clientId: 'ups-1',
			apiToken: 'ups-token-secret',
			warehouses: [
				{ warehouseId: 'w1', warehouseName: 'CD São Paulo', skus: Array.from({ length: 130 }, (_, i) => ({ sku: `U-${i}`, availableStock: i })) },
				{ warehouseId: 'w2', warehouseName: 'Full', skus: [{ sku: 'U-1', availableStock: 5 }, { sku: 'ONLY-UPS', availableStock: 2.5 }] },
			],
		});
		clientId = (await warehouse.clients.create({ name: 'Loja UpSeller', email: 'ups@example.com' })).id;
		await storeUpSellerCredentials(warehouse.vault, clientId, { clientId: 'ups-1', apiToken: 'ups-token-secret' });
	});

	afterAll(async () => {
		await fake.stop();
		await sql.end();
		await warehouse.close();
		await db.drop();
	});

	it('keeps the client\'s Client ID and API Token encrypted in the vault', async () => {
		expect(await readUpSellerCredentials(warehouse.vault, clientId)).toEqual({ clientId: 'ups-1', apiToken: 'ups-token-secret' });
		const stored = await sql.query(`select access_token_enc from provider_credentials where client_id = $1 and provider = 'upseller'`, [clientId]);
		expect(JSON.stringify(stored.rows)).not.toContain('ups-token-secret');
	});

	it('stores one snapshot per SKU and warehouse, over pages, and logs the run', async () => {
		const summary = await syncUpSellerClient({ warehouse, config, clientId });
		expect(summary).toMatchObject({ warehouses: 2, snapshots: 132, skus: 131 });
		const rows = (
			await sql.query(
				`select sku, warehouse, quantity::text, unit_cost from stock_snapshots where client_id = $1 and sku in ('U-1', 'U-129', 'ONLY-UPS') order by sku, warehouse`,
				[clientId],
			)
		).rows;
		expect(rows).toEqual([
			{ sku: 'ONLY-UPS', warehouse: 'Full', quantity: '2.50', unit_cost: null },
			{ sku: 'U-1', warehouse: 'CD São Paulo', quantity: '1.00', unit_cost: null },
			{ sku: 'U-1', warehouse: 'Full', quantity: '5.00', unit_cost: null },
			{ sku: 'U-129', warehouse: 'CD São Paulo', quantity: '129.00', unit_cost: null },
		]);
		// The SKU appears in the per-SKU view although Mercado Livre has never heard of it.
		const view = (await sql.query(`select upseller_quantity::text, on_mercadolivre from analytics.v_stock_sku where client_id = $1 and sku = 'U-1'`, [clientId])).rows;
		expect(view).toEqual([{ upseller_quantity: '6.00', on_mercadolivre: false }]);
		const log = (await sql.query(`select source, status, rows_read::int from updates_log where client_id = $1`, [clientId])).rows;
		expect(log).toEqual([{ source: 'upseller_stock', status: 'success', rows_read: 132 }]);
		// Auth went in the configured headers.
		const call = fake.server.requests[0];
		expect(call.headers['x-upseller-client']).toBe('ups-1');
		expect(call.headers['x-upseller-token']).toBe('ups-token-secret');
	});

	it('turns UpSeller\'s error envelope into a clear error (wrong header names) and logs it', async () => {
		const error = await syncUpSellerClient({ warehouse, config: { ...config, apiTokenHeader: 'api-token' }, clientId }).catch((e) => e);
		expect(error.message).toMatch(/UpSeller warehouses.list for client .* \[401\]: Invalid client id or api token/);
		expect(error.message).not.toContain('ups-token-secret');
		expect((await sql.query(`select status from updates_log where client_id = $1 order by id desc limit 1`, [clientId])).rows).toEqual([{ status: 'error' }]);
	});

	it('probes the base URL for the credential test', async () => {
		expect((await probeUpSeller(config)).ok).toBe(true);
		expect((await probeUpSeller({ baseUrl: `${fake.server.url}/nothing` })).ok).toBe(false);
	});

	it('runs as an n8n node: warehouses, SKU stock with a limit, sync', async () => {
		const credentials: Record<string, ICredentialDataDecryptedObject> = {
			upSellerApi: { baseUrl: fake.url, clientIdHeader: 'X-UpSeller-Client', keyHeader: 'X-UpSeller-Token' },
			viangWarehouseApi: { transport: 'postgres', databaseUrl: db.url, tokenKey },
		};
		const context = (params: Array<Record<string, unknown>>) =>
			({
				getInputData: () => params.map((_, i) => ({ json: { i } })),
				getNodeParameter: (name: string, i: number, fallback?: unknown) => params[i]?.[name] ?? fallback,
				getCredentials: async (name: string) => credentials[name],
				continueOnFail: () => true,
				getNode: () => ({ id: 'n1', name: 'UpSeller', type: 'n8n-nodes-viang.upSeller', typeVersion: 1, position: [0, 0], parameters: {} }),
				helpers: {
					returnJsonArray: (data: IDataObject | IDataObject[]) => (Array.isArray(data) ? data : [data]).map((json) => ({ json })),
					constructExecutionMetaData: (items: INodeExecutionData[], { itemData }: { itemData: { item: number } }) => items.map((item) => ({ ...item, pairedItem: itemData })),
				},
			}) as unknown as IExecuteFunctions;
		const node = new UpSeller();
		try {
			const [warehouses] = await node.execute.call(context([{ resource: 'warehouse', operation: 'getMany', clientId, returnAll: true }]));
			expect(warehouses.map((w) => w.json.warehouseName)).toEqual(['CD São Paulo', 'Full']);
			const [stock] = await node.execute.call(context([{ resource: 'stock', operation: 'getMany', clientId, warehouseId: 'w1', returnAll: false, limit: 120 }]));
			expect(stock).toHaveLength(120);
			const [sync] = await node.execute.call(
				context([
					{ resource: 'warehouseSync', operation: 'syncClient', clientId },
					{ resource: 'warehouseSync', operation: 'syncClient', clientId: '00000000-0000-0000-0000-000000000000' },
				]),
			);
			expect(sync[0]).toMatchObject({ json: { snapshots: 132 }, pairedItem: { item: 0 } });
			expect(sync[1]).toMatchObject({ json: { error: expect.stringMatching(/no UpSeller credentials|not found/) }, pairedItem: { item: 1 } });
		} finally {
			await (await getWarehouse(context([{}]))).close();
		}
	});
});
