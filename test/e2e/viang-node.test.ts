// The Viang node in a real n8n: a staff notification lands in the warehouse outbox, and a client's
// signed dashboard link opens only that client's data (the client parameter is locked in the token).
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { dashboardKey, instanceKey, MetabaseObjectStore, verifyHs256 } from '../../domain/metabase';
import { migrate, openWarehouse, type Warehouse } from '../../domain/warehouse';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { N8nInstance, nodeOutput, type RunData } from '../support/n8n';

const TOKEN_KEY = randomBytes(32).toString('hex');
const EMBEDDING_SECRET = randomBytes(32).toString('hex');
const SITE_URL = 'https://painel.viang.test';

describe('Viang node in n8n', () => {
	let db: TestDatabase;
	let warehouse: Warehouse;
	let n8n: N8nInstance;
	let azul: string;
	let run: RunData;

	beforeAll(async () => {
		db = await createTestDatabase();
		await migrate(db.url);
		warehouse = openWarehouse({ databaseUrl: db.url, tokenKey: TOKEN_KEY });
		azul = (await warehouse.clients.create({ name: 'Loja Azul', email: 'contato@lojaazul.com.br' })).id;
		await warehouse.clients.create({ name: 'Loja Verde', email: 'contato@lojaverde.com.br' });
		// As `viang metabase provision` leaves it: the dashboard's Metabase id is known.
		await new MetabaseObjectStore(warehouse.transport, instanceKey(SITE_URL)).put({
			key: dashboardKey('visao-geral'),
			kind: 'dashboard',
			mbId: 17,
			entityId: null,
			checksum: null,
		});

		n8n = new N8nInstance();
		await n8n.importCredentials([
			{
				id: 'viangWarehouse',
				name: 'Viang Warehouse',
				type: 'viangWarehouseApi',
				data: { transport: 'postgres', databaseUrl: db.url, tokenKey: TOKEN_KEY },
			},
			{
				id: 'viangMetabase',
				name: 'Viang Metabase',
				type: 'viangMetabaseApi',
				data: { siteUrl: SITE_URL, metabaseUrl: '', embeddingSecret: EMBEDDING_SECRET },
			},
		]);
		const warehouseCredential = { viangWarehouseApi: { id: 'viangWarehouse', name: 'Viang Warehouse' } };
		await n8n.importWorkflow({
			id: 'e2eViangNode001',
			name: 'E2E Viang node',
			active: false,
			settings: { executionOrder: 'v1' },
			connections: {
				Start: { main: [[{ node: 'Notify', type: 'main', index: 0 }, { node: 'Link', type: 'main', index: 0 }]] },
			},
			nodes: [
				{ id: 'b1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: 'b2',
					name: 'Notify',
					type: 'n8n-nodes-viang.viang',
					typeVersion: 1,
					position: [220, -100],
					parameters: { resource: 'notification', operation: 'send', event: 'nightly_summary', message: 'Carga noturna: 1 cliente ok', clientId: azul, includeItem: false },
					credentials: warehouseCredential,
				},
				{
					id: 'b3',
					name: 'Link',
					type: 'n8n-nodes-viang.viang',
					typeVersion: 1,
					position: [220, 100],
					parameters: { resource: 'dashboard', operation: 'getClientLink', client: 'Loja Azul', dashboard: 'visao-geral', expiresInMinutes: 30 },
					credentials: { ...warehouseCredential, viangMetabaseApi: { id: 'viangMetabase', name: 'Viang Metabase' } },
				},
			],
		});
		run = await n8n.execute('e2eViangNode001');
	});

	afterAll(async () => {
		await n8n?.dispose();
		await warehouse?.close();
		await db?.drop();
	});

	it('stores the notification in the outbox the bot delivers from', async () => {
		const [output] = nodeOutput(run, 'Notify');
		expect(output.notificationId).toEqual(expect.any(String));
		const sql = new Client({ connectionString: db.url });
		await sql.connect();
		const { rows } = await sql.query('select event, client_id, message from staff_notifications');
		await sql.end();
		expect(rows).toEqual([{ event: 'nightly_summary', client_id: azul, message: 'Carga noturna: 1 cliente ok' }]);
	});

	it("signs a link locked to the client's own data", () => {
		const [link] = nodeOutput(run, 'Link');
		expect(link).toMatchObject({ clientId: azul, clientName: 'Loja Azul', dashboard: 'visao-geral' });
		const url = new URL(String(link.url));
		expect(url.origin).toBe(SITE_URL);
		const token = url.pathname.split('/embed/dashboard/')[1];
		const payload = verifyHs256(token, EMBEDDING_SECRET);
		expect(payload.resource).toEqual({ dashboard: 17 });
		expect(payload.params).toEqual({ cliente: azul });
		const minutes = ((payload.exp as number) * 1000 - Date.now()) / 60_000;
		expect(minutes).toBeGreaterThan(25);
		expect(minutes).toBeLessThanOrEqual(30);
		expect(() => verifyHs256(token, randomBytes(32).toString('hex'))).toThrow();
	});
});
