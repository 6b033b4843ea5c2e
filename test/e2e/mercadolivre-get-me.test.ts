// The whole chain in a real n8n 2.41: our package installed as a community package, credentials and
// a workflow imported with n8n's CLI, and the Mercado Livre node's User → Get Me run by
// `n8n execute`, acting for a Viang client whose (expired) tokens live encrypted in the warehouse.
import { randomBytes } from 'node:crypto';
import { FakeMercadoLivre } from '../fakes/mercadolivre';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { N8nInstance, nodeOutput, type RunData } from '../support/n8n';
import { migrate, openWarehouse, type Warehouse } from '../../domain/warehouse';

const TOKEN_KEY = randomBytes(32).toString('base64');
const APP = { clientId: '4242424242', clientSecret: 'fake-app-secret', redirectUri: 'http://127.0.0.1:9/callback' };
const SELLER_ID = 5001;

describe('Mercado Livre node inside n8n', () => {
	const fake = new FakeMercadoLivre();
	let db: TestDatabase;
	let warehouse: Warehouse;
	let n8n: N8nInstance;
	let clientId: string;
	let issued: { access_token: string; refresh_token: string };
	let run: RunData;

	beforeAll(async () => {
		await fake.start();
		fake.registerApp(APP);
		fake.seedSeller({ userId: SELLER_ID, nickname: 'LOJA_TESTE', orders: 5, items: 3, days: 3, seed: 7 });
		db = await createTestDatabase();
		await migrate(db.url);
		warehouse = openWarehouse({ databaseUrl: db.url, tokenKey: TOKEN_KEY });
		const client = await warehouse.clients.create({ name: 'Loja Teste', email: 'contato@lojateste.com.br' });
		clientId = client.id;
		issued = fake.issueTokens(APP.clientId, SELLER_ID);
		// Expired on purpose: the node must refresh through the vault before calling the API.
		await warehouse.vault.storeTokens(clientId, 'mercadolivre', {
			accessToken: issued.access_token,
			refreshToken: issued.refresh_token,
			expiresAt: new Date(Date.now() - 60_000),
			accountId: String(SELLER_ID),
		});
		fake.expireAccessTokens();

		n8n = new N8nInstance();
		await n8n.importCredentials([
			{
				id: 'mercadoLivreApp',
				name: 'Mercado Livre App',
				type: 'mercadoLivreAppApi',
				data: { ...APP, apiUrl: fake.url, authUrl: fake.authUrl },
			},
			{
				id: 'viangWarehouse',
				name: 'Viang Warehouse',
				type: 'viangWarehouseApi',
				data: { transport: 'postgres', databaseUrl: db.url, tokenKey: TOKEN_KEY },
			},
		]);
		await n8n.importWorkflow({
			id: 'e2eMlGetMe00001',
			name: 'E2E Mercado Livre Get Me',
			active: false,
			settings: { executionOrder: 'v1' },
			connections: { Start: { main: [[{ node: 'Get Me', type: 'main', index: 0 }]] } },
			nodes: [
				{ id: 'a1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: 'a2',
					name: 'Get Me',
					type: 'n8n-nodes-viang.mercadoLivre',
					typeVersion: 1,
					position: [220, 0],
					parameters: { resource: 'user', operation: 'getMe', clientId },
					credentials: {
						mercadoLivreAppApi: { id: 'mercadoLivreApp', name: 'Mercado Livre App' },
						viangWarehouseApi: { id: 'viangWarehouse', name: 'Viang Warehouse' },
					},
				},
			],
		});
		run = await n8n.execute('e2eMlGetMe00001');
	});

	afterAll(async () => {
		await n8n?.dispose();
		await warehouse?.close();
		await db?.drop();
		await fake.stop();
	});

	it('outputs the seller of the client', () => {
		const [me] = nodeOutput(run, 'Get Me');
		expect(me).toMatchObject({ id: SELLER_ID, nickname: 'LOJA_TESTE', site_id: 'MLB' });
	});

	it('refreshed the expired token once and used the new one', async () => {
		expect(fake.server.calls('/oauth/token', 'POST')).toHaveLength(1);
		const me = fake.server.calls('/users/me', 'GET');
		expect(me.length).toBeGreaterThanOrEqual(1);
		expect(me[me.length - 1].headers.authorization).not.toBe(`Bearer ${issued.access_token}`);
		// The rotated refresh token was stored: reusing the old one is refused by Mercado Livre.
		const reuse = await fetch(`${fake.url}/oauth/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'refresh_token',
				client_id: APP.clientId,
				client_secret: APP.clientSecret,
				refresh_token: issued.refresh_token,
			}),
		});
		expect(reuse.status).toBe(400);
		expect((await reuse.json()).error).toBe('invalid_grant');
	});

	it('keeps tokens out of the saved execution data', () => {
		const saved = JSON.stringify(run);
		expect(saved).not.toContain(issued.access_token);
		expect(saved).not.toContain(issued.refresh_token);
		const newToken = fake.server.calls('/users/me', 'GET').pop()!.headers.authorization!.replace('Bearer ', '');
		expect(saved).not.toContain(newToken);
	});
});
