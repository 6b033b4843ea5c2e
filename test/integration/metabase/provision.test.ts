// `provisionMetabase` against the fake Metabase (every request validated against the OpenAPI
// subset) and a real warehouse holding the id mapping: first run, idempotent re-runs, in-place
// updates, removals that touch only our objects, dry runs that change nothing.
import { allQuestions } from '../../../domain/metabase/definitions';
import { viangDefinitions } from '../../../metabase';
import type { StoredDashboard } from '../../fakes/metabase';
import { ADMIN, copyDefinitions, EMBEDDING_SECRET, startHarness, type Harness } from './harness';

const QUESTIONS = allQuestions(viangDefinitions);
let h: Harness;

beforeAll(async () => {
	h = await startHarness();
});

afterAll(async () => {
	await h?.close();
});

afterEach(() => {
	// Whatever a test did, our client never sent a request the OpenAPI subset rejects.
	expect(h.fake.invalidRequests).toEqual([]);
	expect(h.fake.requests.filter((r) => r.status >= 400 && r.status !== 404)).toEqual([]);
});

const live = <T extends { archived: boolean }>(map: Map<number, T>) => [...map.values()].filter((o) => !o.archived);
const storedIds = async () => Object.fromEntries((await h.store.list()).map((o) => [o.key, o.mbId]));

describe('first run', () => {
	it('adds the warehouse, the collection, every question and the five dashboards', async () => {
		const result = await h.provision();
		expect(h.fake.databases.size).toBe(1);
		const database = [...h.fake.databases.values()][0];
		expect(database).toMatchObject({
			engine: 'postgres',
			details: { host: '127.0.0.1', port: 5432, dbname: h.db.name, user: 'analytics', ssl: false, 'schema-filters-patterns': 'analytics' },
		});
		expect(h.fake.syncs).toEqual([database.id]);
		expect(live(h.fake.collections).map((c) => c.name)).toEqual(['Viang']);
		expect(live(h.fake.cards)).toHaveLength(QUESTIONS.length);
		expect(live(h.fake.dashboards).map((d) => d.name)).toEqual(['Visão geral', 'Produtos (SKU)', 'Anúncios', 'Estoque', 'Financeiro']);
		expect(h.fake.settings.get('enable-embedding-static')).toBe(true);
		expect(h.fake.settings.get('embedding-secret-key')).toBe(EMBEDDING_SECRET);
		expect(result.changes.filter((c) => c.kind !== 'setting').every((c) => c.action === 'create')).toBe(true);
		expect(Object.keys(result.cardIds)).toHaveLength(QUESTIONS.length);
		// The mapping is in the warehouse.
		const stored = await h.store.list();
		expect(stored).toHaveLength(1 + 1 + QUESTIONS.length + 5);
		expect(stored.every((o) => o.checksum && (o.kind === 'database' || o.entityId))).toBe(true);
	});

	it('native cards over the warehouse database, inside the collection, with the three template tags', () => {
		const database = [...h.fake.databases.values()][0];
		const collection = live(h.fake.collections)[0];
		for (const card of live(h.fake.cards)) {
			expect(card.collection_id).toBe(collection.id);
			const query = card.dataset_query as { type: string; database: number; native: { query: string; 'template-tags': Record<string, { type: string }> } };
			expect(query.type).toBe('native');
			expect(query.database).toBe(database.id);
			expect(Object.fromEntries(Object.entries(query.native['template-tags']).map(([name, tag]) => [name, tag.type]))).toEqual({
				cliente: 'text',
				data_inicial: 'date',
				data_final: 'date',
			});
			expect(query.native.query).toMatch(/analytics\.v_/);
		}
	});

	it('dashboards: client and date filters wired to every card, client locked for embedding', () => {
		for (const definition of viangDefinitions.dashboards) {
			const dashboard = live(h.fake.dashboards).find((d) => d.name === definition.name) as StoredDashboard;
			expect(dashboard.enable_embedding).toBe(true);
			expect(dashboard.embedding_params).toEqual({ cliente: 'locked', data_inicial: 'enabled', data_final: 'enabled' });
			expect(dashboard.parameters.map((p) => [p.slug, p.type])).toEqual([
				['cliente', 'string/='],
				['data_inicial', 'date/single'],
				['data_final', 'date/single'],
			]);
			expect((dashboard.parameters[0].values_source_config as { values: string[][] }).values).toEqual(h.clients.map((c) => [c.id, c.name]));
			expect(dashboard.dashcards).toHaveLength(definition.cards.length);
			for (const dashcard of dashboard.dashcards) {
				expect(dashcard.parameter_mappings.map((m) => m.parameter_id).sort()).toEqual(['cliente', 'data_final', 'data_inicial']);
				for (const mapping of dashcard.parameter_mappings) {
					expect(mapping.card_id).toBe(dashcard.card_id);
					expect(mapping.target).toEqual(['variable', ['template-tag', mapping.parameter_id]]);
				}
			}
		}
	});
});

describe('later runs', () => {
	it('a second run changes nothing and keeps every id', async () => {
		const before = await storedIds();
		const counts = [h.fake.databases.size, h.fake.collections.size, h.fake.cards.size, h.fake.dashboards.size];
		h.fake.requests.length = 0;
		const result = await h.provision();
		expect(await storedIds()).toEqual(before);
		expect([h.fake.databases.size, h.fake.collections.size, h.fake.cards.size, h.fake.dashboards.size]).toEqual(counts);
		expect(h.fake.calls(/^\/api\/(card|dashboard|collection|database)\/?$/, 'POST')).toEqual([]);
		expect(h.fake.writes().filter((w) => !w.path.startsWith('/api/setting/') && !w.path.endsWith('/sync_schema'))).toEqual([]);
		expect(result.changes.filter((c) => c.kind !== 'setting').map((c) => c.action)).toEqual(
			Array(result.changes.length - 2).fill('unchanged'),
		);
	});

	it('--dry-run reports the changes and writes nothing, in Metabase or in the warehouse', async () => {
		const definitions = copyDefinitions();
		definitions.dashboards[0].cards[0].question.name = 'Receita bruta';
		definitions.dashboards[4].cards.pop();
		const before = await h.store.list();
		h.fake.requests.length = 0;
		const result = await h.provision({ definitions, dryRun: true });
		expect(h.fake.writes()).toEqual([]);
		expect(await h.store.list()).toEqual(before);
		const byKey = Object.fromEntries(result.changes.map((c) => [c.key, c.action]));
		expect(byKey['card:visao-geral.receita']).toBe('update');
		expect(byKey['card:financeiro.por-dia']).toBe('archive');
		expect(byKey['dashboard:financeiro']).toBe('update');
		expect(byKey['dashboard:visao-geral']).toBe('unchanged');
	});

	it('a changed definition updates the same card in place', async () => {
		const id = (await storedIds())['card:visao-geral.receita'];
		const definitions = copyDefinitions();
		definitions.dashboards[0].cards[0].question.name = 'Receita bruta';
		definitions.dashboards[0].cards[0].question.sql += '\n-- v2';
		const cards = h.fake.cards.size;
		h.fake.requests.length = 0;
		const result = await h.provision({ definitions });
		expect(h.fake.cards.size).toBe(cards);
		expect(h.fake.cards.get(id)).toMatchObject({ name: 'Receita bruta', archived: false });
		expect(h.fake.calls(`/api/card/${id}`, 'PUT')).toHaveLength(1);
		expect(h.fake.calls(/^\/api\/card\/\d+$/, 'PUT')).toHaveLength(1);
		expect(result.changes.find((c) => c.key === 'card:visao-geral.receita')).toMatchObject({ action: 'update', id });
	});

	it('a removed definition archives only our card; foreign objects are never touched', async () => {
		const collection = live(h.fake.collections)[0];
		const foreignCard = h.fake.addForeignCard({ name: 'Análise do João', collection_id: collection.id });
		const foreignDashboard = h.fake.addForeignDashboard({ name: 'Painel do João', collection_id: collection.id });
		const ids = await storedIds();
		const removedId = ids['card:financeiro.por-dia'];
		const dashboardId = ids['dashboard:financeiro'];
		const keptDashcards = h.fake.dashboards.get(dashboardId)!.dashcards.filter((d) => d.card_id !== removedId).map((d) => d.id);
		const definitions = copyDefinitions();
		definitions.dashboards[4].cards = definitions.dashboards[4].cards.filter((c) => c.question.key !== 'financeiro.por-dia');
		h.fake.requests.length = 0;
		const result = await h.provision({ definitions });
		expect(h.fake.cards.get(removedId)?.archived).toBe(true);
		expect(result.changes.find((c) => c.key === 'card:financeiro.por-dia')).toMatchObject({ action: 'archive', id: removedId });
		// The dashboard lost that card and kept the others' dashcards (same ids: updated in place).
		const dashboard = h.fake.dashboards.get(dashboardId)!;
		expect(dashboard.dashcards.map((d) => d.id).sort()).toEqual(keptDashcards.sort());
		expect((await storedIds())['card:financeiro.por-dia']).toBeUndefined();
		expect(h.fake.cards.get(foreignCard.id)).toMatchObject({ archived: false, name: 'Análise do João' });
		expect(h.fake.dashboards.get(foreignDashboard.id)).toMatchObject({ archived: false, name: 'Painel do João' });
		expect(h.fake.requests.filter((r) => r.path.endsWith(`/${foreignCard.id}`) && r.path.startsWith('/api/card'))).toEqual([]);
		expect(h.fake.requests.filter((r) => r.path === `/api/dashboard/${foreignDashboard.id}`)).toEqual([]);
	});

	it('back to the full definitions: the question comes back as a new card, the archived one stays archived', async () => {
		const cards = h.fake.cards.size;
		const result = await h.provision();
		expect(h.fake.cards.size).toBe(cards + 1);
		const change = result.changes.find((c) => c.key === 'card:financeiro.por-dia');
		expect(change?.action).toBe('create');
		const dashboard = h.fake.dashboards.get((await storedIds())['dashboard:financeiro'])!;
		expect(dashboard.dashcards.map((d) => d.card_id)).toContain(change?.id);
		expect(live(h.fake.cards)).toHaveLength(QUESTIONS.length + 1); // + the foreign card
	});

	it('repairs objects changed by hand: unarchives ours, recreates deleted ones, rewires dashboards', async () => {
		const ids = await storedIds();
		h.fake.cards.get(ids['card:anuncios.custo'])!.archived = true;
		h.fake.cards.delete(ids['card:anuncios.roas']);
		h.fake.dashboards.get(ids['dashboard:estoque'])!.dashcards.pop();
		const result = await h.provision();
		const actions = Object.fromEntries(result.changes.map((c) => [c.key, c.action]));
		expect(actions['card:anuncios.custo']).toBe('update');
		expect(h.fake.cards.get(ids['card:anuncios.custo'])?.archived).toBe(false);
		expect(actions['card:anuncios.roas']).toBe('recreate');
		const roas = (await storedIds())['card:anuncios.roas'];
		expect(roas).not.toBe(ids['card:anuncios.roas']);
		expect(h.fake.dashboards.get(ids['dashboard:anuncios'])!.dashcards.map((d) => d.card_id)).toContain(roas);
		expect(actions['dashboard:estoque']).toBe('update');
		expect(h.fake.dashboards.get(ids['dashboard:estoque'])!.dashcards).toHaveLength(3);
		// And then it is stable again.
		const again = await h.provision();
		expect(again.changes.filter((c) => c.kind !== 'setting' && c.action !== 'unchanged')).toEqual([]);
	});

	it('never archives an object whose id now belongs to someone else (entity id differs)', async () => {
		const ids = await storedIds();
		const card = h.fake.cards.get(ids['card:financeiro.a-pagar'])!;
		card.entity_id = 'someone-elses-entity-x'; // e.g. the instance was restored and the id reused
		const definitions = copyDefinitions();
		definitions.dashboards[4].cards = definitions.dashboards[4].cards.filter((c) => c.question.key !== 'financeiro.a-pagar');
		const result = await h.provision({ definitions });
		expect(card.archived).toBe(false);
		expect(result.changes.find((c) => c.key === 'card:financeiro.a-pagar')).toMatchObject({ action: 'forget' });
		expect((await storedIds())['card:financeiro.a-pagar']).toBeUndefined();
	});

	it('a new client appears in the client filter on the next run', async () => {
		const extra = await h.warehouse.clients.create({ name: 'Loja Roxa', email: 'roxa@example.com' });
		h.clients.push({ id: extra.id, name: extra.name });
		const result = await h.provision();
		expect(result.changes.filter((c) => c.kind === 'dashboard').every((c) => c.action === 'update')).toBe(true);
		const dashboard = h.fake.dashboards.get(result.dashboardIds['visao-geral'])!;
		expect((dashboard.parameters[0].values_source_config as { values: string[][] }).values).toContainEqual([extra.id, 'Loja Roxa']);
	});
});

describe('session auth', () => {
	it('logs in with username/password, sends X-Metabase-Session, and logs in again when the session expires', async () => {
		h.fake.requests.length = 0;
		await h.provision({ auth: { username: ADMIN.email, password: ADMIN.password } });
		expect(h.fake.calls(/^\/api\/session\/?$/, 'POST')).toHaveLength(1);
		const authed = h.fake.requests.filter((r) => !r.path.startsWith('/api/session'));
		expect(authed.every((r) => typeof r.headers['x-metabase-session'] === 'string' && !r.headers['x-api-key'])).toBe(true);
		h.fake.sessions.clear();
		h.fake.requests.length = 0;
		await h.provision({ auth: { username: ADMIN.email, password: ADMIN.password } });
		expect(h.fake.calls(/^\/api\/session\/?$/, 'POST')).toHaveLength(1);
	});

	it('a wrong password or API key is a clear error without the secret', async () => {
		await expect(h.provision({ auth: { username: ADMIN.email, password: 'errada-123' } })).rejects.toThrow(/HTTP 401/);
		const error = await h.provision({ auth: { apiKey: 'mb_wrong_key_xyz' } }).catch((e: Error) => e);
		expect(String((error as Error).message)).toMatch(/credenciais recusadas/);
		expect(String((error as Error).message)).not.toContain('mb_wrong_key_xyz');
		h.fake.requests.length = 0; // the 401s above were expected
	});
});
