// Shared setup of the Bling integration tests: a fresh migrated database, the warehouse, the fake
// Bling with the Viang app registered, and clients whose Bling tokens sit in the vault.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { RateLimiterRegistry } from '../../../domain/http';
import type { BlingApp } from '../../../domain/bling';
import { migrate, openWarehouse, type Warehouse } from '../../../domain/warehouse';
import { FakeBling, type FakeBlingAccount, type FakeBlingOptions } from '../../fakes/bling';
import { createTestDatabase, type TestDatabase } from '../../support/database';

export const BLING_APP = { clientId: 'viang-bling-app', clientSecret: 'bling-app-secret', redirectUri: 'http://127.0.0.1:9/bling/callback' };

export interface BlingHarness {
	db: TestDatabase;
	tokenKey: string;
	warehouse: Warehouse;
	fake: FakeBling;
	app: BlingApp;
	limiters: RateLimiterRegistry;
	addClient(account: Partial<FakeBlingAccount> & { id: number }, options?: { name?: string; expired?: boolean }): Promise<{ clientId: string; accessToken: string; refreshToken: string }>;
	sql<T extends Record<string, unknown> = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
	close(): Promise<void>;
}

export async function startBlingHarness(options: FakeBlingOptions = {}): Promise<BlingHarness> {
	const db = await createTestDatabase('viang_bling');
	await migrate(db.url);
	const tokenKey = randomBytes(32).toString('hex');
	const warehouse = openWarehouse({ databaseUrl: db.url, tokenKey });
	const fake = new FakeBling(options);
	await fake.start();
	fake.registerApp(BLING_APP);
	const app: BlingApp = { ...BLING_APP, apiUrl: fake.apiUrl, tokenUrl: fake.tokenUrl, authorizeUrl: fake.authorizeUrl, timeoutMs: 5_000 };
	const admin = new Client({ connectionString: db.url });
	await admin.connect();
	return {
		db,
		tokenKey,
		warehouse,
		fake,
		app,
		limiters: new RateLimiterRegistry(),
		async addClient(account, extra = {}) {
			fake.addAccount(account);
			const client = await warehouse.clients.create({ name: extra.name ?? `Loja Bling ${account.id}`, email: `bling${account.id}@example.com` });
			const issued = fake.issueTokens(BLING_APP.clientId, account.id);
			await warehouse.vault.storeTokens(client.id, 'bling', {
				accessToken: issued.access_token,
				refreshToken: issued.refresh_token,
				// An expired pair makes the first call refresh.
				expiresAt: new Date(Date.now() + (extra.expired ? -60_000 : issued.expires_in * 1000)),
			});
			return { clientId: client.id, accessToken: issued.access_token, refreshToken: issued.refresh_token };
		},
		async sql(text, values) {
			return (await admin.query(text, values)).rows;
		},
		async close() {
			await fake.stop();
			await admin.end();
			await warehouse.close();
			await db.drop();
		},
	};
}
