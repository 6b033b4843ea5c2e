// Per test file: a migrated warehouse (real PostgreSQL), the fake Google Ads, and a link service
// wired exactly as the node and the CLI wire it. Nothing of ours is mocked.
import { Client } from 'pg';
import {
	AccessTokenCache,
	GoogleAdsClient,
	GoogleAdsLinkService,
	GoogleAdsLinksRepository,
	validateGoogleAdsConfig,
	type GoogleAdsConfig,
} from '../../../domain/googleads';
import { migrate, openWarehouse, type Warehouse } from '../../../domain/warehouse';
import { FakeGoogleAds, type FakeGoogleAdsOptions } from '../../fakes/googleads';
import { createTestDatabase, type TestDatabase } from '../../support/database';

export const ACCOUNTS = {
	acme: { customerId: '1234567890', name: 'Acme Ads' },
	bravo: { customerId: '2223334444', name: 'Bravo Ads' },
	charlie: { customerId: '5556667777', name: 'Charlie Ads' },
};

export interface Harness {
	db: TestDatabase;
	warehouse: Warehouse;
	fake: FakeGoogleAds;
	config: GoogleAdsConfig;
	tokenCache: AccessTokenCache;
	service(actor?: string, options?: { fetchImpl?: typeof fetch }): GoogleAdsLinkService;
	api(options?: { fetchImpl?: typeof fetch }): GoogleAdsClient;
	repo: GoogleAdsLinksRepository;
	createClient(name: string): Promise<string>;
	sql<T extends Record<string, unknown> = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
	close(): Promise<void>;
}

export async function startHarness(options: FakeGoogleAdsOptions = {}): Promise<Harness> {
	const db = await createTestDatabase('viang_gads');
	await migrate(db.url);
	const warehouse = openWarehouse({ databaseUrl: db.url, tokenKey: '0'.repeat(64) });
	const fake = new FakeGoogleAds({ accounts: Object.values(ACCOUNTS), ...options });
	await fake.start();
	const config = validateGoogleAdsConfig(fake.config());
	// A cache per file, so token counts in one file do not depend on another.
	const tokenCache = new AccessTokenCache();
	const admin = new Client({ connectionString: db.url });
	await admin.connect();
	const repo = new GoogleAdsLinksRepository(warehouse.transport);
	const api = (extra: { fetchImpl?: typeof fetch } = {}) =>
		new GoogleAdsClient(config, { tokenCache, retry: { baseDelayMs: 1, maxDelayMs: 5 }, ...extra });
	return {
		db,
		warehouse,
		fake,
		config,
		tokenCache,
		repo,
		api,
		service: (actor = 'test', extra = {}) =>
			new GoogleAdsLinkService({ api: api(extra), links: repo, clients: warehouse.clients, actor }),
		async createClient(name) {
			const client = await warehouse.clients.create({ name, email: `${name.toLowerCase().replace(/\W+/g, '')}@example.com` });
			return client.id;
		},
		async sql<T extends Record<string, unknown>>(text: string, values: unknown[] = []) {
			return (await admin.query(text, values)).rows as T[];
		},
		async close() {
			await fake.stop();
			await warehouse.close();
			await admin.end();
			await db.drop();
		},
	};
}

/** History of a client, oldest first, as plain rows for assertions. */
export async function historyOf(h: Harness, clientId: string) {
	return h.sql(
		`select customer_id, from_status, to_status, cause, actor, outcome, api_request_id, resource_name, manager_link_id,
			error_code, detail
		from google_ads_link_history where client_id = $1 order by id`,
		[clientId],
	);
}

export async function linkOf(h: Harness, clientId: string) {
	return (await h.sql('select customer_id, status, manager_link_id, resource_name from google_ads_links where client_id = $1', [clientId]))[0];
}
