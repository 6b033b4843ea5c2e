// The typed client on its own: first-admin setup, response checking, retries only where safe.
import { MetabaseClient } from '../../../domain/metabase/client';
import { FakeServer } from '../../fakes/base';
import { FakeMetabase } from '../../fakes/metabase';

const noSleep = async () => undefined;

describe('MetabaseClient', () => {
	let fake: FakeMetabase;

	beforeEach(async () => {
		fake = new FakeMetabase({ setupToken: 'setup-token-123' });
		await fake.start();
	});

	afterEach(async () => {
		expect(fake.invalidRequests).toEqual([]);
		await fake.stop();
	});

	it('sets up a brand-new instance and uses the session it returns', async () => {
		const anonymous = new MetabaseClient({ baseUrl: fake.url, auth: { apiKey: 'none' } });
		const properties = await anonymous.sessionProperties();
		expect(properties['setup-token']).toBe('setup-token-123');
		const session = await anonymous.setup({
			token: properties['setup-token'] as string,
			user: { email: 'admin@viang.com.br', password: 'Senha-forte-1', first_name: 'Admin' },
			prefs: { site_name: 'Viang', site_locale: 'pt_BR' },
		});
		expect(session).toMatch(/-/);
		const admin = new MetabaseClient({ baseUrl: fake.url, auth: { username: 'admin@viang.com.br', password: 'Senha-forte-1' } });
		expect(await admin.currentUser()).toMatchObject({ email: 'admin@viang.com.br', is_superuser: true });
		expect(await admin.listCollections()).toEqual([expect.objectContaining({ id: 'root' })]);
		expect(await admin.getCard(999)).toBeNull();
	});

	it('never retries a create (a retried POST could duplicate), but retries reads', async () => {
		fake.apiKey = 'k';
		const client = new MetabaseClient({ baseUrl: fake.url, auth: { apiKey: 'k' }, sleep: noSleep });
		fake.setFaults({ serverError: 1 });
		await expect(client.createCollection({ name: 'X' })).rejects.toThrow(/HTTP 503/);
		expect(fake.calls(/^\/api\/collection\/?$/, 'POST')).toHaveLength(1);
		await expect(client.getCollection(1)).rejects.toThrow(/after 3 attempts/);
		expect(fake.calls('/api/collection/1', 'GET')).toHaveLength(3);
	});
});

describe('MetabaseClient response checks', () => {
	it('an unexpected body is an invalid_response error naming the field', async () => {
		const server = new FakeServer('odd-metabase').route('GET', '/api/card/:id', () => ({ body: { id: 'abc', name: 3 } }));
		await server.start();
		try {
			const client = new MetabaseClient({ baseUrl: server.url, auth: { apiKey: 'k' } });
			await expect(client.getCard(1)).rejects.toMatchObject({ kind: 'invalid_response', message: expect.stringMatching(/card\.get .*id/) });
		} finally {
			await server.stop();
		}
	});

	it('reads dashcards from `ordered_cards` on older versions', async () => {
		const server = new FakeServer('old-metabase').route('GET', '/api/dashboard/:id', () => ({
			body: { id: 4, name: 'Velho', ordered_cards: [{ id: 1, card_id: 2, row: 0, col: 0, size_x: 4, size_y: 3 }] },
		}));
		await server.start();
		try {
			const client = new MetabaseClient({ baseUrl: server.url, auth: { apiKey: 'k' } });
			expect((await client.getDashboard(4))?.dashcards).toEqual([expect.objectContaining({ id: 1, card_id: 2 })]);
		} finally {
			await server.stop();
		}
	});
});
