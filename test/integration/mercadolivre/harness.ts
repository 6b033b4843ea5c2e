// Shared setup of the Mercado Livre integration tests: a fresh migrated database, the warehouse,
// the fake Mercado Livre with the Viang app registered, and clients whose tokens sit in the vault.
import { randomBytes } from 'node:crypto';
import { RateLimiterRegistry } from '../../../domain/http';
import type { MercadoLivreApp } from '../../../domain/mercadolivre';
import { migrate, openWarehouse, type Warehouse } from '../../../domain/warehouse';
import { FakeMercadoLivre, type FakeMercadoLivreOptions, type SeedSellerOptions } from '../../fakes/mercadolivre';
import { createTestDatabase, type TestDatabase } from '../../support/database';

export const APP_CREDENTIALS = { clientId: '8080808080', clientSecret: 'test-app-secret', redirectUri: 'http://127.0.0.1:9/ml/callback' };

export interface MlHarness {
	db: TestDatabase;
	tokenKey: string;
	warehouse: Warehouse;
	fake: FakeMercadoLivre;
	app: MercadoLivreApp;
	/** Fresh limiters per test file, so files do not share buckets. */
	limiters: RateLimiterRegistry;
	addClient(seed: SeedSellerOptions, name?: string): Promise<{ clientId: string; refreshToken: string; accessToken: string }>;
	close(): Promise<void>;
}

export async function startHarness(options: FakeMercadoLivreOptions & { appRate?: number; sellerRate?: number } = {}): Promise<MlHarness> {
	const db = await createTestDatabase('viang_ml');
	await migrate(db.url);
	const tokenKey = randomBytes(32).toString('hex');
	const warehouse = openWarehouse({ databaseUrl: db.url, tokenKey });
	const fake = new FakeMercadoLivre(options);
	await fake.start();
	fake.registerApp(APP_CREDENTIALS);
	const app: MercadoLivreApp = {
		...APP_CREDENTIALS,
		apiUrl: fake.url,
		authUrl: fake.authUrl,
		appRatePerSecond: options.appRate ?? 500,
		sellerRatePerSecond: options.sellerRate ?? 500,
		timeoutMs: 5_000,
	};
	return {
		db,
		tokenKey,
		warehouse,
		fake,
		app,
		limiters: new RateLimiterRegistry(),
		async addClient(seed, name) {
			fake.seedSeller(seed);
			const client = await warehouse.clients.create({
				name: name ?? `Loja ${seed.userId}`,
				email: `loja${seed.userId}@example.com`,
				mlUserId: String(seed.userId),
			});
			const issued = fake.issueTokens(APP_CREDENTIALS.clientId, seed.userId);
			await warehouse.vault.storeTokens(client.id, 'mercadolivre', {
				accessToken: issued.access_token,
				refreshToken: issued.refresh_token,
				expiresAt: new Date(Date.now() + issued.expires_in * 1000),
				accountId: String(seed.userId),
			});
			return { clientId: client.id, refreshToken: issued.refresh_token, accessToken: issued.access_token };
		},
		async close() {
			await fake.stop();
			await warehouse.close();
			await db.drop();
		},
	};
}
