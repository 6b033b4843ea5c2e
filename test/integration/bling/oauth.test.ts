// Bling OAuth against the fake: the authorization redirect carries our state; codes last one
// minute and work once (reuse revokes access); refresh tokens rotate; invalid_grant becomes
// InvalidGrantError; the vault refreshes once for concurrent callers and after a 401.
import { blingClientForViangClient, buildBlingAuthorizationUrl, exchangeBlingCode, refreshBlingTokens, testBlingApp } from '../../../domain/bling';
import { InvalidGrantError } from '../../../domain/warehouse';
import { BLING_APP, BlingHarness, startBlingHarness } from './harness';

jest.setTimeout(120_000);

describe('Bling OAuth', () => {
	let h: BlingHarness;

	beforeAll(async () => {
		h = await startBlingHarness();
		h.fake.addAccount({ id: 8001, products: [{ id: 1, nome: 'A', codigo: 'A', stock: { 1: 1 } }] });
	});
	afterAll(() => h.close());

	it('follows the authorization page back with a code and our state, then exchanges it once', async () => {
		const url = buildBlingAuthorizationUrl({ app: h.app, state: 'invite-state.sig' });
		const response = await fetch(url, { redirect: 'manual' });
		expect(response.status).toBe(302);
		const back = new URL(response.headers.get('location')!);
		expect(back.searchParams.get('state')).toBe('invite-state.sig');
		const tokens = await exchangeBlingCode(h.app, back.searchParams.get('code')!);
		expect(tokens.accessToken).toMatch(/^bling-at-/);
		expect(tokens.refreshToken).toMatch(/^bling-rt-/);
		expect(tokens.expiresAt.getTime()).toBeGreaterThan(Date.now() + 5 * 3_600_000);
		// Token calls use Basic client auth, never the secret in the body.
		const call = h.fake.server.calls(/\/oauth\/token$/).at(-1)!;
		expect(call.headers.authorization).toBe(`Basic ${Buffer.from(`${BLING_APP.clientId}:${BLING_APP.clientSecret}`).toString('base64')}`);
		expect(JSON.stringify(call.body)).not.toContain(BLING_APP.clientSecret);

		// Reusing the code fails and revokes what it gave.
		await expect(exchangeBlingCode(h.app, back.searchParams.get('code')!)).rejects.toBeInstanceOf(InvalidGrantError);
		expect(h.fake.isRefreshTokenLive(tokens.refreshToken!)).toBe(false);
	});

	it('refuses a code older than one minute', async () => {
		const code = h.fake.issueCode(BLING_APP.clientId, 8001);
		h.fake.clockOffsetMs = 61_000;
		try {
			await expect(exchangeBlingCode(h.app, code)).rejects.toThrow(/one minute/);
		} finally {
			h.fake.clockOffsetMs = 0;
		}
	});

	it('rotates the refresh token; the old one is then invalid_grant', async () => {
		const issued = h.fake.issueTokens(BLING_APP.clientId, 8001);
		const fresh = await refreshBlingTokens(h.app, issued.refresh_token);
		expect(fresh.refreshToken).not.toBe(issued.refresh_token);
		const error = await refreshBlingTokens(h.app, issued.refresh_token, 'cliente-x').catch((e) => e);
		expect(error).toBeInstanceOf(InvalidGrantError);
		expect(error.message).not.toContain(issued.refresh_token);
	});

	it('tests the app credentials with one token call', async () => {
		expect(await testBlingApp(h.app)).toEqual({ ok: true, message: 'Bling accepted the client ID and secret' });
		expect(await testBlingApp({ ...h.app, clientSecret: 'wrong' })).toEqual({ ok: false, message: 'Bling refused the client ID or secret (HTTP 401)' });
	});

	it('refreshes once for concurrent calls, stores the rotated pair, and renews after a 401', async () => {
		const client = await h.warehouse.clients.create({ name: 'Loja OAuth', email: 'oauth@example.com' });
		const issued = h.fake.issueTokens(BLING_APP.clientId, 8001);
		await h.warehouse.vault.storeTokens(client.id, 'bling', { accessToken: issued.access_token, refreshToken: issued.refresh_token, expiresAt: new Date(Date.now() - 1000) });
		const before = h.fake.tokenCalls();
		const api = blingClientForViangClient(h.warehouse.vault, h.app, client.id, { limiters: h.limiters });
		await Promise.all(Array.from({ length: 5 }, () => api.getProduct(1)));
		expect(h.fake.tokenCalls() - before).toBe(1);
		const stored = await h.warehouse.vault.getTokens(client.id, 'bling');
		expect(stored?.refreshToken).not.toBe(issued.refresh_token);
		expect(h.fake.isRefreshTokenLive(stored!.refreshToken!)).toBe(true);

		// Bling drops the access token early: one 401, one refresh, and the call succeeds.
		h.fake.expireAccessToken(stored!.accessToken);
		const product = await api.getProduct(1);
		expect(product.codigo).toBe('A');
		expect(h.fake.tokenCalls() - before).toBe(2);
	});
});
