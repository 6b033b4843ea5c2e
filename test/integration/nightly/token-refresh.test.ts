// The hourly token refresh against the fake Mercado Livre and Bling: only tokens expiring within the
// window are refreshed (once, through the vault), Bling's token endpoint is never hammered, and a
// revoked seller ends needs_reauth with the /convite command for staff.
import { refreshExpiringTokens } from '../../../domain/nightly';
import { startHarness, type MlHarness } from '../mercadolivre/harness';
import { BLING_APP } from '../bling/harness';
import { FakeBling } from '../../fakes/bling';
import { makeReady, sql } from './helpers';

describe('refreshExpiringTokens', () => {
	let h: MlHarness;
	const bling = new FakeBling();

	beforeAll(async () => {
		h = await startHarness();
		await bling.start();
		bling.registerApp(BLING_APP);
	});
	afterAll(async () => {
		await bling.stop();
		await h?.close();
	});

	async function setExpiry(clientId: string, provider: 'mercadolivre' | 'bling', minutes: number) {
		const tokens = await h.warehouse.vault.getTokens(clientId, provider);
		await h.warehouse.vault.storeTokens(clientId, provider, { ...tokens!, expiresAt: new Date(Date.now() + minutes * 60_000) });
	}

	it('refreshes what expires within the window, spaced per provider, and reports lost authorizations', async () => {
		const soon = await h.addClient({ userId: 7101, orders: 1, items: 1, days: 1, seed: 1 }, 'Loja Logo');
		const later = await h.addClient({ userId: 7102, orders: 1, items: 1, days: 1, seed: 2 }, 'Loja Depois');
		const revoked = await h.addClient({ userId: 7103, orders: 1, items: 1, days: 1, seed: 3 }, 'Loja Revogada');
		for (const c of [soon, later, revoked]) await makeReady(h.warehouse, c.clientId);
		await setExpiry(soon.clientId, 'mercadolivre', 60);
		await setExpiry(later.clientId, 'mercadolivre', 300);
		await setExpiry(revoked.clientId, 'mercadolivre', 30);
		h.fake.revokeSeller(7103);

		const blingClients: string[] = [];
		for (const id of [1, 2, 3]) {
			bling.addAccount({ id });
			const client = await h.warehouse.clients.create({ name: `Loja Bling ${id}`, email: `b${id}@example.com` });
			const issued = bling.issueTokens(BLING_APP.clientId, id);
			await h.warehouse.vault.storeTokens(client.id, 'bling', {
				accessToken: issued.access_token,
				refreshToken: issued.refresh_token,
				expiresAt: new Date(Date.now() + 45 * 60_000),
			});
			await makeReady(h.warehouse, client.id);
			blingClients.push(client.id);
		}
		const blingApp = { ...BLING_APP, apiUrl: bling.apiUrl, tokenUrl: bling.tokenUrl, authorizeUrl: bling.authorizeUrl, timeoutMs: 5_000 };

		const results = await refreshExpiringTokens({
			warehouse: h.warehouse,
			apps: { mercadolivre: h.app, bling: blingApp },
			withinMinutes: 120,
			spacingMs: { mercadolivre: 50, bling: 400 },
		});

		const byClient = new Map(results.map((r) => [`${r.client_id}:${r.provider}`, r]));
		expect(byClient.get(`${soon.clientId}:mercadolivre`)?.status).toBe('refreshed');
		expect(byClient.has(`${later.clientId}:mercadolivre`)).toBe(false);
		expect(byClient.get(`${revoked.clientId}:mercadolivre`)).toMatchObject({ status: 'needs_reauth', invite_command: '/convite Loja Revogada' });
		for (const id of blingClients) expect(byClient.get(`${id}:bling`)?.status).toBe('refreshed');
		expect(results).toHaveLength(5);

		// New pairs stored: ~6 h of life again, and the old refresh token was rotated away.
		const fresh = (await h.warehouse.clients.credentials(soon.clientId))[0];
		expect(fresh.expiresAt.getTime()).toBeGreaterThan(Date.now() + 5 * 3_600_000);
		expect((await h.warehouse.clients.get(revoked.clientId))?.status).toBe('needs_reauth');
		expect((await h.warehouse.clients.credentials(revoked.clientId))[0].needsReauth).toBe(true);

		// Bling: one token call per client, never two closer than the spacing.
		const stamps = bling.server.calls(/\/oauth\/token$/).map((r) => r.at);
		expect(stamps).toHaveLength(3);
		for (let i = 1; i < stamps.length; i++) expect(stamps[i] - stamps[i - 1]).toBeGreaterThanOrEqual(390);

		// The run is in updates_log, with the failure named and no token anywhere.
		const [run] = await sql(h.db.url, `select status, rows_read::int, rows_written::int, error_message from updates_log where source = 'token_refresh' order by id`);
		expect(run).toMatchObject({ status: 'error', rows_read: 5, rows_written: 4 });
		expect(run.error_message).toContain('Loja Revogada/mercadolivre');
		expect(JSON.stringify(results)).not.toMatch(/TG-|APP_USR-|bling-rt-|bling-at-/);

		// A second run right after has nothing left to do.
		const again = await refreshExpiringTokens({ warehouse: h.warehouse, apps: { mercadolivre: h.app, bling: blingApp }, spacingMs: 0 });
		expect(again).toEqual([]);
	});
});
