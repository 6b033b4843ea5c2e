// A small Viang world for the nightly e2e tests: a migrated warehouse, the fake Mercado Livre (and
// Bling) with sellers whose tokens sit in the vault as `ready` clients, the n8n credentials that
// point at them, and the truth to compare the warehouse with.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, todaySp } from '../../../domain/mercadolivre/time';
import { migrate, openWarehouse, type Warehouse } from '../../../domain/warehouse';
import { FakeBling } from '../../fakes/bling';
import { FakeMercadoLivre, type SeedSellerOptions } from '../../fakes/mercadolivre';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { actualFacts, count, expectedFacts } from '../mercadolivre/expected-facts';
import { makeReady } from './helpers';

export const ML_APP = { clientId: '6060606060', clientSecret: 'nightly-app-secret', redirectUri: 'http://127.0.0.1:9/ml/callback' };
export const BLING_APP = { clientId: 'nightly-bling-app', clientSecret: 'nightly-bling-secret', redirectUri: 'http://127.0.0.1:9/bling/callback' };
export const WEBHOOK_SECRET = randomBytes(18).toString('hex');

export function workflow(name: string): { id: string } & Record<string, unknown> {
	return JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'workflows', `${name}.json`), 'utf8'));
}

export interface World {
	db: TestDatabase;
	tokenKey: string;
	warehouse: Warehouse;
	ml: FakeMercadoLivre;
	bling: FakeBling;
	clients: Map<number, { clientId: string; name: string }>;
	addSeller(seed: SeedSellerOptions, name?: string): Promise<string>;
	credentials(): unknown[];
	/** Orders and facts of a client equal the seeded truth (what a clean full run gives). */
	expectComplete(userId: number): Promise<void>;
	close(): Promise<void>;
}

export async function createWorld(dbPrefix = 'viang_nightly'): Promise<World> {
	const db = await createTestDatabase(dbPrefix);
	await migrate(db.url);
	const tokenKey = randomBytes(32).toString('hex');
	const warehouse = openWarehouse({ databaseUrl: db.url, tokenKey });
	const ml = new FakeMercadoLivre();
	await ml.start();
	ml.registerApp(ML_APP);
	const bling = new FakeBling();
	await bling.start();
	bling.registerApp(BLING_APP);
	const clients = new Map<number, { clientId: string; name: string }>();
	const today = todaySp();
	return {
		db,
		tokenKey,
		warehouse,
		ml,
		bling,
		clients,
		async addSeller(seed, name = `Loja ${seed.userId}`) {
			ml.seedSeller(seed);
			const client = await warehouse.clients.create({ name, email: `loja${seed.userId}@example.com`, mlUserId: String(seed.userId) });
			const issued = ml.issueTokens(ML_APP.clientId, seed.userId);
			await warehouse.vault.storeTokens(client.id, 'mercadolivre', {
				accessToken: issued.access_token,
				refreshToken: issued.refresh_token,
				expiresAt: new Date(Date.now() + issued.expires_in * 1000),
				accountId: String(seed.userId),
			});
			await makeReady(warehouse, client.id);
			clients.set(seed.userId, { clientId: client.id, name });
			return client.id;
		},
		credentials() {
			return [
				{ id: 'mercadoLivreApp', name: 'Mercado Livre App', type: 'mercadoLivreAppApi', data: { ...ML_APP, apiUrl: ml.url, authUrl: ml.authUrl } },
				{
					id: 'blingApp',
					name: 'Bling App',
					type: 'blingAppApi',
					data: { ...BLING_APP, apiUrl: bling.apiUrl, tokenUrl: bling.tokenUrl, authorizeUrl: bling.authorizeUrl },
				},
				{ id: 'viangWarehouse', name: 'Viang Warehouse', type: 'viangWarehouseApi', data: { transport: 'postgres', databaseUrl: db.url, tokenKey } },
				{ id: 'viangWebhookSecret', name: 'Viang Webhook Secret', type: 'httpHeaderAuth', data: { name: 'x-viang-secret', value: WEBHOOK_SECRET } },
			];
		},
		async expectComplete(userId) {
			const seller = ml.seller(userId);
			const clientId = clients.get(userId)!.clientId;
			// A first nightly run (no watermark) covers 90 days; the seeds are shorter than that.
			const from = addDays(today, -89);
			expect(await count(db.url, 'select count(*) n from ml_orders where client_id = $1', [clientId])).toBe(seller.orders.length);
			const expected = expectedFacts(seller, from, today, from);
			const actual = await actualFacts(db.url, clientId);
			expect(Object.fromEntries(actual.agg)).toEqual(Object.fromEntries(expected.agg));
			expect(Object.fromEntries(actual.sku)).toEqual(Object.fromEntries(expected.sku));
		},
		async close() {
			await ml.stop();
			await bling.stop();
			await warehouse.close();
			await db.drop();
		},
	};
}
