// The API client against the fake, with tokens from the real vault: users/me, orders (window
// halving past the 10,000-offset cap, duplicates at page borders), items scan + multiget, visits,
// Product Ads (current API; legacy paths 404), OAuth with PKCE, and errors that name client and call.
import { ApiError } from '../../../domain/http';
import {
	buildAuthorizationUrl,
	clientCredentialsToken,
	clientForViangClient,
	createPkce,
	createState,
	exchangeCode,
	fetchOrders,
	findAdvertiser,
	forEachAdGroupPage,
	getItemsById,
	MercadoLivreClient,
	refreshTokens,
	scanItemIds,
	staticToken,
	fetchItemVisits,
	parseInstantSp,
	spDayEndIso,
} from '../../../domain/mercadolivre';
import { InvalidGrantError, NeedsReauthError } from '../../../domain/warehouse';
import { MlHarness, startHarness } from './harness';

const SELLER = 7001;
const END_DAY = '2026-11-10';
jest.setTimeout(60_000);

describe('Mercado Livre client', () => {
	let h: MlHarness;
	let clientId: string;
	let client: MercadoLivreClient;

	beforeAll(async () => {
		h = await startHarness();
		({ clientId } = await h.addClient({ userId: SELLER, orders: 12_500, items: 130, days: 30, seed: 11, endDay: END_DAY }));
		client = clientForViangClient(h.warehouse.vault, h.app, clientId, { limiters: h.limiters, invalidGrant: (m) => new InvalidGrantError(m) });
	});
	afterAll(() => h?.close());

	it('gets the seller with a token from the vault', async () => {
		const me = await client.getMe();
		expect(me).toMatchObject({ id: SELLER, site_id: 'MLB' });
	});

	it('halves windows past the offset cap and hands every order over once', async () => {
		const seller = h.fake.seller(SELLER);
		const seen: string[] = [];
		const summary = await fetchOrders(client, {
			sellerId: String(SELLER),
			field: 'date_created',
			window: { from: parseInstantSp('2026-10-12'), to: Date.parse(spDayEndIso(END_DAY)) },
			concurrency: 6,
			onPage: async (orders) => void seen.push(...orders.map((o) => String(o.id))),
		});
		expect(new Set(seen).size).toBe(seen.length);
		expect(seen.length).toBe(seller.orders.length);
		expect(new Set(seen)).toEqual(new Set(seller.orders.map((o) => String(o.id))));
		expect(summary.splits).toBeGreaterThanOrEqual(1);
		expect(summary.duplicates).toBeGreaterThan(0); // the fake repeats orders at page borders
		const offsets = h.fake.server.calls('/orders/search').map((r) => Number(r.query.offset));
		expect(Math.max(...offsets)).toBeLessThan(10_000);
		expect(h.fake.server.calls('/orders/search').every((r) => r.status === 200)).toBe(true);
	});

	it('gets one order', async () => {
		const order = h.fake.seller(SELLER).orders[3];
		expect((await client.getOrder(String(order.id))).id).toBe(order.id);
	});

	it('scans items and multigets them 20 at a time, with variations', async () => {
		const ids: string[] = [];
		await scanItemIds(client, String(SELLER), (page) => void ids.push(...page));
		expect(ids).toHaveLength(130);
		const before = h.fake.server.calls('/items').length;
		const items = await getItemsById(client, ids);
		expect(items.size).toBe(130);
		expect(h.fake.server.calls('/items').length - before).toBe(7);
		expect([...items.values()].some((i) => (i.variations ?? []).length > 0)).toBe(true);
	});

	it('reads visits per item and day', async () => {
		const item = h.fake.seller(SELLER).items[0];
		const rows = await fetchItemVisits(client, item.id, '2026-11-01', END_DAY);
		expect(rows.map((r) => r.day)).toEqual(['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06', '2026-11-07', '2026-11-08', '2026-11-09', '2026-11-10']);
	});

	it('reads Product Ads through the current API with version headers', async () => {
		const advertiser = await findAdvertiser(client);
		expect(advertiser).not.toBeNull();
		const groups: unknown[] = [];
		const today = new Date().toISOString().slice(0, 10);
		await forEachAdGroupPage(client, advertiser!, END_DAY, END_DAY < today ? END_DAY : today, async (page) => void groups.push(...page));
		expect(groups.length).toBe(h.fake.seller(SELLER).adGroups.length);
		expect(h.fake.server.calls('/advertising/advertisers')[0].headers['api-version']).toBe('1');
		expect(h.fake.server.calls(/ad_groups\/search$/)[0].headers['api-version']).toBe('2');
		const legacy = await fetch(`${h.fake.url}/advertising/product_ads/items/search`);
		expect(legacy.status).toBe(404);
	});

	it('names the client and the call in errors, never the token', async () => {
		const tokens = await h.warehouse.vault.getTokens(clientId, 'mercadolivre');
		const error = await client.getOrder('999').catch((e) => e);
		expect(error).toBeInstanceOf(ApiError);
		expect(error.message).toContain('orders.get');
		expect(error.message).toContain(clientId);
		expect(error.message).toContain('404');
		expect(error.message).not.toContain(tokens!.accessToken);
		expect(JSON.stringify(error)).not.toContain(tokens!.accessToken);
	});

	it('authorizes with state and PKCE through the authorization page', async () => {
		const pkce = createPkce();
		const state = createState();
		const url = new URL(buildAuthorizationUrl(h.app, { state, codeChallenge: pkce.challenge }));
		expect(url.pathname).toBe('/authorization');
		expect(url.searchParams.get('code_challenge_method')).toBe('S256');
		const page = await fetch(url);
		const html = await page.text();
		expect(html).toContain('Autorizar');
		const form = new URLSearchParams({ ...Object.fromEntries(url.searchParams), decision: 'allow' });
		const decision = await fetch(`${h.fake.url}/authorization`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: form,
			redirect: 'manual',
		});
		const back = new URL(decision.headers.get('location')!);
		expect(back.searchParams.get('state')).toBe(state);
		const code = back.searchParams.get('code')!;
		// A wrong verifier is refused; the right one gets tokens for the seller.
		await expect(exchangeCode(h.app, { code, codeVerifier: createPkce().verifier })).rejects.toMatchObject({ code: 'invalid_grant' });
		const denied = await fetch(`${h.fake.url}/authorization`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ ...Object.fromEntries(url.searchParams), decision: 'deny' }),
			redirect: 'manual',
		});
		expect(new URL(denied.headers.get('location')!).searchParams.get('error')).toBe('access_denied');
	});

	it('exchanges a code with the right verifier, and refresh tokens rotate', async () => {
		const pkce = createPkce();
		const url = new URL(buildAuthorizationUrl(h.app, { state: 's', codeChallenge: pkce.challenge }));
		const decision = await fetch(`${h.fake.url}/authorization`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ ...Object.fromEntries(url.searchParams), decision: 'allow' }),
			redirect: 'manual',
		});
		const code = new URL(decision.headers.get('location')!).searchParams.get('code')!;
		const tokens = await exchangeCode(h.app, { code, codeVerifier: pkce.verifier });
		expect(tokens.accountId).toBe(String(SELLER));
		expect(tokens.expiresAt.getTime() - Date.now()).toBeGreaterThan(5.9 * 3600_000);
		const me = await new MercadoLivreClient({ app: h.app, tokens: staticToken(tokens.accessToken), limiters: h.limiters }).getMe();
		expect(me.id).toBe(SELLER);
		const rotated = await refreshTokens(h.app, tokens.refreshToken!);
		expect(rotated.refreshToken).not.toBe(tokens.refreshToken);
		const reuse = await refreshTokens(h.app, tokens.refreshToken!).catch((e) => e);
		expect(reuse).toMatchObject({ code: 'invalid_grant', status: 400 });
		expect(reuse.message).not.toContain(tokens.refreshToken!);
	});

	it('tests app credentials with client_credentials', async () => {
		await expect(clientCredentialsToken(h.app)).resolves.toMatchObject({ refreshToken: null });
		await expect(clientCredentialsToken({ ...h.app, clientSecret: 'wrong' })).rejects.toMatchObject({ code: 'invalid_client' });
	});

	it('marks the client needs_reauth when the refresh token was revoked', async () => {
		const { clientId: other } = await h.addClient({ userId: 7002, orders: 3, items: 2, days: 2, seed: 3, endDay: END_DAY }, 'Loja Revogada');
		h.fake.revokeSeller(7002);
		const revoked = clientForViangClient(h.warehouse.vault, h.app, other, { limiters: h.limiters, invalidGrant: (m) => new InvalidGrantError(m) });
		await expect(revoked.getMe()).rejects.toBeInstanceOf(NeedsReauthError);
		const summary = await h.warehouse.clients.credentials(other);
		expect(summary.find((c) => c.provider === 'mercadolivre')?.needsReauth).toBe(true);
	});
});
