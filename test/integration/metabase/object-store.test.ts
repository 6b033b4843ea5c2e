// public.metabase_objects through its SQL functions, over both warehouse transports: pg (table
// owner) and the Supabase API (run as service_role through a PostgREST stand-in), same results.
import { instanceKey, MetabaseObjectStore } from '../../../domain/metabase/object-store';
import { migrate, PgTransport, SupabaseTransport, type WarehouseTransport } from '../../../domain/warehouse';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { postgrestRpcStandIn, type RpcStandIn } from '../warehouse/fixtures/postgrest-rpc-standin';

const KEY = 'service-role-key-for-tests';
let db: TestDatabase;
let standIn: RpcStandIn;
const transports: Record<string, WarehouseTransport> = {};

beforeAll(async () => {
	db = await createTestDatabase('viang_metabase');
	await migrate(db.url);
	standIn = postgrestRpcStandIn(db.url, KEY);
	transports.pg = new PgTransport(db.url);
	transports.supabase = new SupabaseTransport({ url: 'http://127.0.0.1:54321', serviceRoleKey: KEY, fetch: standIn.fetch });
});

afterAll(async () => {
	for (const transport of Object.values(transports)) await transport.close();
	await standIn?.close();
	await db?.drop();
});

describe.each(['pg', 'supabase'])('MetabaseObjectStore over %s', (kind) => {
	const instance = `https://bi-${kind}.example.com`;
	const store = () => new MetabaseObjectStore(transports[kind], instance);

	it('puts, updates in place, lists per instance and deletes', async () => {
		const put = await store().put({ key: 'card:visao-geral.receita', kind: 'card', mbId: 7, entityId: 'AbCdEfGhIjKlMnOpQrStU', checksum: 'c1' });
		expect(put).toMatchObject({ key: 'card:visao-geral.receita', kind: 'card', mbId: 7, entityId: 'AbCdEfGhIjKlMnOpQrStU', checksum: 'c1' });
		expect(put.updatedAt).toBeInstanceOf(Date);
		// Same id, no entity id given: the known entity id is kept.
		await store().put({ key: 'card:visao-geral.receita', kind: 'card', mbId: 7, entityId: null, checksum: 'c2' });
		expect(await store().get('card:visao-geral.receita')).toMatchObject({ mbId: 7, entityId: 'AbCdEfGhIjKlMnOpQrStU', checksum: 'c2' });
		await store().put({ key: 'dashboard:estoque', kind: 'dashboard', mbId: 3, entityId: null, checksum: null });
		expect((await store().list()).map((o) => o.key)).toEqual(['card:visao-geral.receita', 'dashboard:estoque']);
		expect(await new MetabaseObjectStore(transports[kind], 'https://other.example.com').list()).toEqual([]);
		expect(await store().delete('dashboard:estoque')).toBe(true);
		expect(await store().delete('dashboard:estoque')).toBe(false);
		expect(await store().get('dashboard:estoque')).toBeNull();
	});

	it('refuses malformed keys and ids', async () => {
		await expect(store().put({ key: 'Card With Spaces', kind: 'card', mbId: 1, entityId: null, checksum: null })).rejects.toThrow(/check constraint/);
		await expect(store().put({ key: 'card:x', kind: 'card', mbId: 0, entityId: null, checksum: null })).rejects.toThrow(/check constraint/);
	});
});

it('the instance key is the origin of METABASE_URL', () => {
	expect(instanceKey('https://bi.viang.com.br/metabase/')).toBe('https://bi.viang.com.br');
});
