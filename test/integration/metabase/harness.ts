// A migrated warehouse with two clients, a fake Metabase, and provisioning wired between them.
import { MetabaseClient, type MetabaseAuth } from '../../../domain/metabase/client';
import type { MetabaseDefinitions } from '../../../domain/metabase/definitions';
import { instanceKey, MetabaseObjectStore } from '../../../domain/metabase/object-store';
import { provisionMetabase, type ProvisionResult } from '../../../domain/metabase/provision';
import { migrate, openWarehouse, type Warehouse } from '../../../domain/warehouse';
import { viangDefinitions } from '../../../metabase';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { FakeMetabase } from '../../fakes/metabase';

export const API_KEY = 'mb_test_api_key_0123456789';
export const EMBEDDING_SECRET = 'c0ffee'.repeat(10) + 'beef';
export const ADMIN = { email: 'admin@viang.com.br', password: 'senha-do-admin' };

export interface Harness {
	db: TestDatabase;
	warehouse: Warehouse;
	fake: FakeMetabase;
	store: MetabaseObjectStore;
	clients: Array<{ id: string; name: string }>;
	provision(options?: { definitions?: MetabaseDefinitions; dryRun?: boolean; auth?: MetabaseAuth }): Promise<ProvisionResult>;
	close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
	const db = await createTestDatabase('viang_metabase');
	await migrate(db.url);
	const warehouse = openWarehouse({ databaseUrl: db.url });
	const clients: Array<{ id: string; name: string }> = [];
	for (const name of ['Loja Azul', 'Loja Verde']) {
		const client = await warehouse.clients.create({ name, email: `${name.split(' ')[1].toLowerCase()}@example.com` });
		clients.push({ id: client.id, name: client.name });
	}
	const fake = new FakeMetabase({ apiKey: API_KEY, user: ADMIN });
	await fake.start();
	const store = new MetabaseObjectStore(warehouse.transport, instanceKey(fake.url));
	return {
		db,
		warehouse,
		fake,
		store,
		clients,
		provision(options = {}) {
			return provisionMetabase({
				client: new MetabaseClient({ baseUrl: fake.url, auth: options.auth ?? { apiKey: API_KEY } }),
				store,
				definitions: options.definitions ?? viangDefinitions,
				connection: { host: '127.0.0.1', port: 5432, dbname: db.name, user: 'analytics', password: 'senha-analytics', ssl: false },
				clients,
				embeddingSecret: EMBEDDING_SECRET,
				dryRun: options.dryRun,
			});
		},
		async close() {
			await fake.stop();
			await warehouse.close();
			await db.drop();
		},
	};
}

/** A copy of the definitions with each question copied too, safe to edit in a test. */
export function copyDefinitions(definitions: MetabaseDefinitions = viangDefinitions): MetabaseDefinitions {
	return {
		collection: { ...definitions.collection },
		dashboards: definitions.dashboards.map((dashboard) => ({
			...dashboard,
			cards: dashboard.cards.map((card) => ({ ...card, question: { ...card.question, columns: { ...card.question.columns } } })),
		})),
	};
}
