// Mercado Livre in a real n8n, the two ways data arrives: the node's Warehouse Sync → Sync Client
// streaming a client's month into the warehouse (one summary item out), and the Mercado Livre
// Trigger receiving a notification, re-reading the order and handing it on with the Viang client.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { FakeMercadoLivre, type FakeSeller } from '../fakes/mercadolivre';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { N8nInstance, nodeOutput, type RunData } from '../support/n8n';
import { migrate, openWarehouse, type Warehouse } from '../../domain/warehouse';

const TOKEN_KEY = randomBytes(32).toString('hex');
const APP = { clientId: '7070707070', clientSecret: 'fake-sync-secret', redirectUri: 'http://127.0.0.1:9/callback' };
const SELLER_ID = 6001;
const SALE = new Set(['paid', 'partially_refunded']);

const cents = (value: number | string) => Math.round(Number(value) * 100);

describe('Mercado Livre sync and trigger inside n8n', () => {
	const fake = new FakeMercadoLivre();
	let seller: FakeSeller;
	let db: TestDatabase;
	let warehouse: Warehouse;
	let n8n: N8nInstance;
	let clientId: string;
	let run: RunData;
	const credentials = { mercadoLivreAppApi: { id: 'mercadoLivreApp', name: 'Mercado Livre App' }, viangWarehouseApi: { id: 'viangWarehouse', name: 'Viang Warehouse' } };

	beforeAll(async () => {
		await fake.start();
		fake.registerApp(APP);
		seller = fake.seedSeller({ userId: SELLER_ID, orders: 400, items: 30, days: 30, seed: 11 });
		db = await createTestDatabase();
		await migrate(db.url);
		warehouse = openWarehouse({ databaseUrl: db.url, tokenKey: TOKEN_KEY });
		clientId = (await warehouse.clients.create({ name: 'Loja Sync', email: 'sync@lojasync.com.br', mlUserId: String(SELLER_ID) })).id;
		const issued = fake.issueTokens(APP.clientId, SELLER_ID);
		await warehouse.vault.storeTokens(clientId, 'mercadolivre', {
			accessToken: issued.access_token,
			refreshToken: issued.refresh_token,
			expiresAt: new Date(Date.now() + issued.expires_in * 1000),
			accountId: String(SELLER_ID),
		});

		n8n = new N8nInstance();
		await n8n.importCredentials([
			{ id: 'mercadoLivreApp', name: 'Mercado Livre App', type: 'mercadoLivreAppApi', data: { ...APP, apiUrl: fake.url, authUrl: fake.authUrl } },
			{ id: 'viangWarehouse', name: 'Viang Warehouse', type: 'viangWarehouseApi', data: { transport: 'postgres', databaseUrl: db.url, tokenKey: TOKEN_KEY } },
		]);
		await n8n.importWorkflow({
			id: 'e2eMlSync000001',
			name: 'E2E Mercado Livre sync',
			active: false,
			settings: { executionOrder: 'v1' },
			connections: { Start: { main: [[{ node: 'Sync', type: 'main', index: 0 }]] } },
			nodes: [
				{ id: 'c1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: 'c2',
					name: 'Sync',
					type: 'n8n-nodes-viang.mercadoLivre',
					typeVersion: 1,
					position: [220, 0],
					parameters: {
						resource: 'warehouseSync',
						operation: 'syncClient',
						clientId,
						sources: ['orders', 'items', 'visits', 'ads'],
						mode: 'full',
						from: seller.days[0],
						to: seller.days[seller.days.length - 1],
					},
					credentials,
				},
			],
		});
		run = await n8n.execute('e2eMlSync000001');
	});

	afterAll(async () => {
		await n8n?.dispose();
		await warehouse?.close();
		await db?.drop();
		await fake.stop();
	});

	it('outputs one summary item, not the orders', () => {
		const output = nodeOutput(run, 'Sync');
		expect(output).toHaveLength(1);
		expect(output[0]).toMatchObject({ orders: seller.orders.length });
		expect(JSON.stringify(run).length).toBeLessThan(50_000);
	});

	it('fills the warehouse with the month, to the cent', async () => {
		const sales = seller.orders.filter((order) => SALE.has(order.status));
		const expectedRevenue = sales.reduce(
			(sum, order) => sum + order.order_items.reduce((s, line) => s + line.quantity * cents(line.unit_price), 0),
			0,
		);
		const sql = new Client({ connectionString: db.url });
		await sql.connect();
		const { rows } = await sql.query(
			'select coalesce(sum(orders_count), 0)::int as orders, coalesce(sum(gross_revenue), 0)::text as revenue from agg_client_day where client_id = $1',
			[clientId],
		);
		const log = await sql.query("select status from updates_log where client_id = $1", [clientId]);
		await sql.end();
		expect(rows[0].orders).toBe(sales.length);
		expect(cents(rows[0].revenue)).toBe(expectedRevenue);
		expect(log.rows.length).toBeGreaterThan(0);
		expect(log.rows.every((row) => row.status === 'success')).toBe(true);
	});

	it('re-reads a notified order and emits it with the Viang client id', async () => {
		const order = seller.orders[seller.orders.length - 1];
		await n8n.importWorkflow({
			id: 'e2eMlTrigger001',
			// publish:workflow activates a version: a workflow without versionId has none.
			versionId: '3f9e8d7c-6b5a-4f3e-9d2c-1b0a9f8e7d6c',
			name: 'E2E Mercado Livre trigger',
			active: false,
			settings: { executionOrder: 'v1' },
			connections: { 'Mercado Livre Trigger': { main: [[{ node: 'Record', type: 'main', index: 0 }]] } },
			nodes: [
				{
					id: 'd1',
					name: 'Mercado Livre Trigger',
					type: 'n8n-nodes-viang.mercadoLivreTrigger',
					typeVersion: 1,
					position: [0, 0],
					webhookId: '7d2a4c1e-5b3f-4e6a-9c8d-0f1e2d3c4b5a',
					parameters: { topics: ['orders_v2'] },
					credentials,
				},
				{
					id: 'd2',
					name: 'Record',
					type: 'n8n-nodes-viang.viang',
					typeVersion: 1,
					position: [220, 0],
					// The outbox is a convenient place to see what the trigger emitted.
					parameters: { resource: 'notification', operation: 'send', event: 'ml_order', message: '={{ "Pedido " + $json.data.id }}', clientId: '={{ $json.clientId }}', includeItem: true },
					credentials: { viangWarehouseApi: credentials.viangWarehouseApi },
				},
			],
		});
		await n8n.publish('e2eMlTrigger001');
		await n8n.start();
		const notification = { _id: 'n-1', resource: `/orders/${order.id}`, user_id: SELLER_ID, topic: 'orders_v2', application_id: Number(APP.clientId), attempts: 1, sent: new Date().toISOString() };
		const response = await n8n.postWebhook('7d2a4c1e-5b3f-4e6a-9c8d-0f1e2d3c4b5a/webhook', notification);
		expect(response.status).toBe(200);
		const ignored = await n8n.postWebhook('7d2a4c1e-5b3f-4e6a-9c8d-0f1e2d3c4b5a/webhook', {
			...notification,
			_id: 'n-2',
			topic: 'questions',
			resource: '/questions/1',
		});
		expect(ignored.status).toBe(200);

		const sql = new Client({ connectionString: db.url });
		await sql.connect();
		let rows: Array<{ client_id: string; message: string; payload: { data: { id: number; status: string }; topic: string } }> = [];
		for (let attempt = 0; attempt < 60 && rows.length === 0; attempt++) {
			await new Promise((r) => setTimeout(r, 500));
			rows = (await sql.query("select client_id, message, payload from staff_notifications where event = 'ml_order'")).rows;
		}
		await new Promise((r) => setTimeout(r, 1500));
		rows = (await sql.query("select client_id, message, payload from staff_notifications where event = 'ml_order'")).rows;
		await sql.end();
		expect(rows).toHaveLength(1);
		expect(rows[0].client_id).toBe(clientId);
		expect(rows[0].message).toBe(`Pedido ${order.id}`);
		expect(rows[0].payload.data).toMatchObject({ id: order.id, status: order.status });
		expect(fake.server.calls(`/orders/${order.id}`, 'GET').length).toBeGreaterThanOrEqual(1);
	});
});
