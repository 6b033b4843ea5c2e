// Fake Mercado Livre on loopback, built on FakeServer: OAuth (authorization page with PKCE, code
// exchange, rotating refresh tokens, client_credentials), /users/me, order search with the real
// limits (offset < 10,000, limit ≤ 51, date filters with offsets), items scan + multiget with
// variations, visits, the current Product Ads API (api-version headers; legacy paths answer 404),
// and test controls (mutate orders, expire or revoke tokens). The authorization page is served by
// the same server; point the client's auth base URL at `fake.authUrl`.
import { createHash, randomBytes } from 'node:crypto';
import { FakeRequest, FakeResponse, FakeServer } from './base';
import {
	adDay,
	addDays,
	FakeItem,
	FakeOrder,
	FakeSeller,
	formatWithOffset,
	SeedSellerOptions,
	seedSeller,
	spDayOf,
	visitsOf,
} from './mercadolivre-seed';

export * from './mercadolivre-seed';

export const ML_INVALID_GRANT = {
	cause: [],
	error: 'invalid_grant',
	error_description: 'Error validating grant. Your authorization code or refresh token may be expired or it was already used',
	status: 400,
};

interface FakeApp {
	clientId: string;
	clientSecret: string;
	redirectUri?: string;
}

interface AccessGrant {
	appId: string;
	userId: number | null;
	expiresAt: number;
}

interface RefreshGrant {
	appId: string;
	userId: number;
	used: boolean;
}

interface CodeGrant {
	appId: string;
	userId: number;
	redirectUri: string;
	challenge: string | null;
	method: string | null;
	used: boolean;
}

export interface FakeMercadoLivreOptions {
	/** Access-token lifetime; 6 h like the real API. */
	accessTokenTtlMs?: number;
	/** Repeat the last order of the previous page at the top of the next one (ML does this at page borders). */
	repeatBorderOrders?: boolean;
	/** Max `limit` on /orders/search. */
	maxOrderPageSize?: number;
}

const unauthorized = (message = 'invalid access token'): FakeResponse => ({
	status: 401,
	body: { message, error: 'unauthorized', status: 401, cause: [] },
});
const badRequest = (message: string, error = 'bad_request'): FakeResponse => ({
	status: 400,
	body: { message, error, status: 400, cause: [] },
});
const forbidden = (message: string): FakeResponse => ({ status: 403, body: { message, error: 'forbidden', status: 403, cause: [] } });
const notFound = (message: string): FakeResponse => ({ status: 404, body: { message, error: 'not_found', status: 404, cause: [] } });

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

export class FakeMercadoLivre {
	readonly server = new FakeServer('mercadolivre');
	readonly sellers = new Map<number, FakeSeller>();
	readonly apps = new Map<string, FakeApp>();
	readonly options: Required<FakeMercadoLivreOptions>;
	/** The seller "logged in" on the authorization page. */
	loggedInUserId: number | null = null;
	/** Clock for token expiry and order mutations; tests may move it. */
	clockOffsetMs = 0;

	private readonly accessTokens = new Map<string, AccessGrant>();
	private readonly refreshTokens = new Map<string, RefreshGrant>();
	private readonly codes = new Map<string, CodeGrant>();
	private readonly scrolls = new Map<string, { userId: number; position: number; ids: string[] }>();

	constructor(options: FakeMercadoLivreOptions = {}) {
		this.options = {
			accessTokenTtlMs: options.accessTokenTtlMs ?? 6 * 3_600_000,
			repeatBorderOrders: options.repeatBorderOrders ?? true,
			maxOrderPageSize: options.maxOrderPageSize ?? 51,
		};
		this.routes();
		// Test controls are never faulted.
		this.server.setFaults({ exempt: /^\/__control\// });
	}

	get url(): string {
		return this.server.url;
	}

	/** Base URL of the authorization page (same server; configurable separately in the client). */
	get authUrl(): string {
		return this.server.url;
	}

	now(): number {
		return Date.now() + this.clockOffsetMs;
	}

	start(port = 0): Promise<string> {
		return this.server.start(port);
	}

	stop(): Promise<void> {
		return this.server.stop();
	}

	// ---- test controls -------------------------------------------------------------------------

	registerApp(app: FakeApp): this {
		this.apps.set(app.clientId, app);
		return this;
	}

	seedSeller(options: SeedSellerOptions): FakeSeller {
		const seller = seedSeller(options);
		this.sellers.set(seller.user.id, seller);
		this.loggedInUserId ??= seller.user.id;
		return seller;
	}

	seller(userId: number): FakeSeller {
		const seller = this.sellers.get(userId);
		if (!seller) throw new Error(`fake ML: no seller ${userId}`);
		return seller;
	}

	/** Issues a token pair directly, as if the seller had authorized `appId` (skips the browser flow). */
	issueTokens(appId: string, userId: number): { access_token: string; refresh_token: string; expires_in: number; user_id: number } {
		const body = this.tokenResponse(appId, userId);
		return body as { access_token: string; refresh_token: string; expires_in: number; user_id: number };
	}

	/** Every access token expires now (refresh tokens stay valid). */
	expireAccessTokens(): void {
		for (const grant of this.accessTokens.values()) grant.expiresAt = 0;
	}

	/** The seller revoked the app: every refresh and access token of that seller stops working. */
	revokeSeller(userId: number): void {
		for (const grant of this.refreshTokens.values()) if (grant.userId === userId) grant.used = true;
		for (const [token, grant] of this.accessTokens) if (grant.userId === userId) this.accessTokens.delete(token);
	}

	/** Changes an order as ML would after a cancellation/refund: status and date_last_updated move. */
	mutateOrder(orderId: string | number, change: { status: 'cancelled' | 'partially_refunded' | 'paid' | string; at?: number }): FakeOrder {
		for (const seller of this.sellers.values()) {
			const order = seller.ordersById.get(String(orderId));
			if (!order) continue;
			order.status = change.status;
			const at = formatWithOffset(change.at ?? this.now(), -180);
			order.date_last_updated = at;
			order.last_updated = at;
			if (change.status === 'partially_refunded') order.paid_amount = Math.round(order.total_amount * 50) / 100;
			if (change.status === 'cancelled') order.paid_amount = 0;
			return order;
		}
		throw new Error(`fake ML: no order ${orderId}`);
	}

	// ---- routes --------------------------------------------------------------------------------

	private routes(): void {
		const s = this.server;
		s.route('GET', '/authorization', (r) => this.authorizationPage(r));
		s.route('POST', '/authorization', (r) => this.authorizationDecision(r));
		s.route('POST', '/oauth/token', (r) => this.token(r));
		s.route('GET', '/users/me', (r) => this.withUser(r, (seller) => ({ body: seller.user })));
		s.route('GET', '/users/:id', (r) =>
			this.withToken(r, () => {
				const seller = this.sellers.get(Number(r.params.id));
				if (!seller) return notFound(`user ${r.params.id} not found`);
				const { id, nickname, country_id, site_id, permalink, seller_reputation, user_type, tags } = seller.user;
				return { body: { id, nickname, country_id, site_id, permalink, seller_reputation, user_type, tags } };
			}),
		);
		s.route('GET', '/orders/search', (r) => this.withUser(r, (seller) => this.searchOrders(r, seller)));
		s.route('GET', '/orders/:id', (r) =>
			this.withUser(r, (seller) => {
				const order = seller.ordersById.get(r.params.id);
				if (!order) return notFound(`Order ${r.params.id} not found`);
				return { body: order };
			}),
		);
		s.route('GET', '/users/:id/items/search', (r) => this.withUser(r, (seller) => this.searchItems(r, seller)));
		s.route('GET', '/items', (r) => this.withUser(r, (seller) => this.multiget(r, seller)));
		s.route('GET', '/items/:id/visits/time_window', (r) => this.withUser(r, (seller) => this.visits(r, seller)));
		s.route('GET', '/items/:id', (r) =>
			this.withUser(r, (seller) => {
				const item = seller.itemsById.get(r.params.id);
				return item ? { body: item } : notFound(`Item with id ${r.params.id} not found`);
			}),
		);
		s.route('GET', '/advertising/advertisers', (r) => this.withUser(r, (seller) => this.advertisers(r, seller)));
		s.route('GET', '/advertising/:site/advertisers/:adv/product_ads/ad_groups/search', (r) =>
			this.withUser(r, (seller) => this.adGroupSearch(r, seller)),
		);
		s.route('GET', '/advertising/:site/product_ads/ad_groups/:id/ads', (r) => this.withUser(r, (seller) => this.adGroupAds(r, seller)));
		s.route('GET', '/advertising/:site/product_ads/ad_groups/:id', (r) => this.withUser(r, (seller) => this.adGroupDetail(r, seller)));
		// Legacy Product Ads paths were switched off (26/02/2026): they answer 404 like everything unknown.
		s.route('POST', '/__control/orders/:id', (r) => {
			const body = (r.body ?? {}) as { status?: string };
			if (!body.status) return badRequest('status required');
			return { body: this.mutateOrder(r.params.id, { status: body.status }) };
		});
		s.route('POST', '/__control/tokens', (r) => {
			const body = (r.body ?? {}) as { appId?: string; userId?: number };
			if (!body.appId || !body.userId) return badRequest('appId and userId required');
			return { body: this.issueTokens(body.appId, Number(body.userId)) };
		});
		s.route('GET', '/__control/stats', () => ({ body: { requests: this.server.requests.length } }));
		s.route('POST', '/__control/expire-access-tokens', () => {
			this.expireAccessTokens();
			return { body: { ok: true } };
		});
		s.route('POST', '/__control/sellers/:id/revoke', (r) => {
			this.revokeSeller(Number(r.params.id));
			return { body: { ok: true } };
		});
		s.route('POST', '/__control/notify', async (r) => {
			// Sends a notification like ML does: POST the JSON to the given URL.
			const { url, ...notification } = (r.body ?? {}) as { url: string } & Record<string, unknown>;
			const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(notification) });
			return { body: { status: res.status } };
		});
	}

	// ---- OAuth ---------------------------------------------------------------------------------

	private authorizationPage(r: FakeRequest): FakeResponse {
		const q = r.query;
		const app = this.apps.get(q.get('client_id') ?? '');
		if (q.get('response_type') !== 'code') return { status: 400, body: 'response_type must be code' };
		if (!app) return { status: 400, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<p>Aplicação inválida (client_id)</p>' };
		const redirectUri = q.get('redirect_uri') ?? '';
		if (app.redirectUri && app.redirectUri !== redirectUri) {
			return { status: 400, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<p>redirect_uri não confere</p>' };
		}
		const method = q.get('code_challenge_method');
		if (method && method !== 'S256' && method !== 'plain') return { status: 400, body: 'invalid code_challenge_method' };
		const user = this.loggedInUserId === null ? undefined : this.sellers.get(this.loggedInUserId);
		const hidden = ['client_id', 'redirect_uri', 'state', 'code_challenge', 'code_challenge_method']
			.map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(q.get(name) ?? '')}">`)
			.join('');
		const html = `<!doctype html><html lang="pt-BR"><head><meta charset="utf-8"><title>Mercado Livre - Autorização</title></head>
<body><h1>Autorizar aplicação</h1><p>A aplicação <b>${escapeHtml(app.clientId)}</b> quer acessar a conta
<b id="nickname">${escapeHtml(user?.user.nickname ?? 'desconhecida')}</b>.</p>
<form method="post" action="/authorization">${hidden}
<button type="submit" name="decision" value="allow" id="allow">Autorizar</button>
<button type="submit" name="decision" value="deny" id="deny">Cancelar</button></form></body></html>`;
		return { headers: { 'content-type': 'text/html; charset=utf-8' }, body: html };
	}

	private authorizationDecision(r: FakeRequest): FakeResponse {
		const form = (r.body ?? {}) as Record<string, string>;
		const app = this.apps.get(form.client_id ?? '');
		if (!app) return { status: 400, body: 'invalid client_id' };
		const target = new URL(form.redirect_uri);
		if (form.state) target.searchParams.set('state', form.state);
		if (form.decision !== 'allow' || this.loggedInUserId === null) {
			target.searchParams.set('error', 'access_denied');
			target.searchParams.set('error_description', 'The user denied the authorization');
			return { status: 302, headers: { location: target.toString() } };
		}
		const code = `TG-${randomBytes(12).toString('hex')}-${this.loggedInUserId}`;
		this.codes.set(code, {
			appId: app.clientId,
			userId: this.loggedInUserId,
			redirectUri: form.redirect_uri,
			challenge: form.code_challenge || null,
			method: form.code_challenge_method || (form.code_challenge ? 'plain' : null),
			used: false,
		});
		target.searchParams.set('code', code);
		return { status: 302, headers: { location: target.toString() } };
	}

	private tokenResponse(appId: string, userId: number | null): Record<string, unknown> {
		const access = `APP_USR-${appId}-${randomBytes(10).toString('hex')}-${userId ?? 0}`;
		this.accessTokens.set(access, { appId, userId, expiresAt: this.now() + this.options.accessTokenTtlMs });
		const body: Record<string, unknown> = {
			access_token: access,
			token_type: 'Bearer',
			expires_in: Math.floor(this.options.accessTokenTtlMs / 1000),
			scope: 'offline_access read write',
			user_id: userId,
		};
		if (userId !== null) {
			const refresh = `TG-${randomBytes(12).toString('hex')}-${userId}`;
			this.refreshTokens.set(refresh, { appId, userId, used: false });
			body.refresh_token = refresh;
		}
		return body;
	}

	private token(r: FakeRequest): FakeResponse {
		if (!String(r.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
			return badRequest('Content-Type must be application/x-www-form-urlencoded', 'invalid_request');
		}
		if ([...r.query.keys()].some((k) => k === 'client_secret' || k === 'refresh_token' || k === 'code')) {
			return badRequest('credentials must be sent in the body', 'invalid_request');
		}
		const form = (r.body ?? {}) as Record<string, string>;
		const app = this.apps.get(form.client_id ?? '');
		if (!app || app.clientSecret !== form.client_secret) {
			return { status: 401, body: { message: 'invalid client_id or client_secret', error: 'invalid_client', status: 401, cause: [] } };
		}
		switch (form.grant_type) {
			case 'client_credentials':
				return { body: this.tokenResponse(app.clientId, null) };
			case 'authorization_code': {
				const grant = this.codes.get(form.code ?? '');
				if (!grant || grant.used || grant.appId !== app.clientId || grant.redirectUri !== form.redirect_uri) {
					return { status: 400, body: ML_INVALID_GRANT };
				}
				if (grant.challenge) {
					const verifier = form.code_verifier ?? '';
					const computed = grant.method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
					if (computed !== grant.challenge) {
						return { status: 400, body: { ...ML_INVALID_GRANT, error_description: 'invalid code_verifier' } };
					}
				}
				grant.used = true;
				return { body: this.tokenResponse(app.clientId, grant.userId) };
			}
			case 'refresh_token': {
				const grant = this.refreshTokens.get(form.refresh_token ?? '');
				if (!grant || grant.used || grant.appId !== app.clientId) return { status: 400, body: ML_INVALID_GRANT };
				grant.used = true; // rotation: each refresh token works once
				return { body: this.tokenResponse(app.clientId, grant.userId) };
			}
			default:
				return badRequest(`unsupported grant_type ${form.grant_type}`, 'unsupported_grant_type');
		}
	}

	private withToken(r: FakeRequest, fn: (grant: AccessGrant) => FakeResponse): FakeResponse {
		const header = String(r.headers.authorization ?? '');
		if (r.query.has('access_token')) return badRequest('access_token in the query string is not accepted');
		const token = header.startsWith('Bearer ') ? header.slice(7) : '';
		const grant = this.accessTokens.get(token);
		if (!grant) return unauthorized();
		if (grant.expiresAt <= this.now()) return unauthorized('expired_token');
		return fn(grant);
	}

	private withUser(r: FakeRequest, fn: (seller: FakeSeller) => FakeResponse): FakeResponse {
		return this.withToken(r, (grant) => {
			if (grant.userId === null) return forbidden('This endpoint needs a user token');
			const seller = this.sellers.get(grant.userId);
			if (!seller) return notFound(`user ${grant.userId} not found`);
			return fn(seller);
		});
	}

	// ---- orders --------------------------------------------------------------------------------

	private searchOrders(r: FakeRequest, seller: FakeSeller): FakeResponse {
		const q = r.query;
		if (q.get('seller') !== String(seller.user.id)) return forbidden('caller.id does not match seller');
		const limit = Number(q.get('limit') ?? 50);
		const offset = Number(q.get('offset') ?? 0);
		if (!Number.isInteger(limit) || limit < 1 || limit > this.options.maxOrderPageSize) {
			return badRequest(`Invalid limit ${q.get('limit')}: the maximum is ${this.options.maxOrderPageSize}`);
		}
		if (!Number.isInteger(offset) || offset < 0) return badRequest('Invalid offset');
		if (offset >= 10_000) return badRequest('Invalid offset: offset must be lower than 10000. Use date filters to narrow the search.');
		const range = (name: string): [number, number] | FakeResponse => {
			const from = q.get(`${name}.from`);
			const to = q.get(`${name}.to`);
			const a = from ? Date.parse(from) : -Infinity;
			const b = to ? Date.parse(to) : Infinity;
			if (Number.isNaN(a) || Number.isNaN(b)) return badRequest(`Invalid date in ${name}`);
			return [a, b];
		};
		const created = range('order.date_created');
		if (!Array.isArray(created)) return created;
		const updated = range('order.date_last_updated');
		if (!Array.isArray(updated)) return updated;
		// Binary search the created range (orders are sorted by creation), then filter the rest.
		const lower = (x: number) => {
			let lo = 0;
			let hi = seller.createdAt.length;
			while (lo < hi) {
				const mid = (lo + hi) >> 1;
				if (seller.createdAt[mid] < x) lo = mid + 1;
				else hi = mid;
			}
			return lo;
		};
		const start = lower(created[0]);
		const end = created[1] === Infinity ? seller.orders.length : lower(created[1] + 1);
		const status = q.get('order.status');
		let matches = seller.orders.slice(start, end);
		if (updated[0] !== -Infinity || updated[1] !== Infinity) {
			matches = matches.filter((o) => {
				const t = Date.parse(o.date_last_updated);
				return t >= updated[0] && t <= updated[1];
			});
		}
		if (status) matches = matches.filter((o) => o.status === status);
		const sort = q.get('sort') ?? 'date_asc';
		if (sort === 'date_desc') matches = matches.slice().reverse();
		let page = matches.slice(offset, offset + limit);
		if (this.options.repeatBorderOrders && offset > 0 && offset <= matches.length && page.length > 0) {
			page = [matches[offset - 1], ...page]; // a duplicate, nothing lost
		}
		return {
			body: {
				query: q.get('q') ?? '',
				results: page,
				sort: { id: sort, name: sort === 'date_desc' ? 'Date descending' : 'Date ascending' },
				available_sorts: [],
				filters: [],
				paging: { total: matches.length, offset, limit },
				display: 'complete',
			},
		};
	}

	// ---- items ---------------------------------------------------------------------------------

	private searchItems(r: FakeRequest, seller: FakeSeller): FakeResponse {
		if (r.params.id !== String(seller.user.id)) return forbidden('caller.id does not match user_id');
		const q = r.query;
		const limit = Number(q.get('limit') ?? 50);
		if (limit > 100) return badRequest('limit must be lower or equal to 100');
		const status = q.get('status');
		const ids = seller.items.filter((i) => !status || i.status === status).map((i) => i.id);
		if (q.get('search_type') === 'scan') {
			const scrollId = q.get('scroll_id');
			let scroll: { userId: number; position: number; ids: string[] };
			if (scrollId) {
				const found = this.scrolls.get(scrollId);
				if (!found || found.userId !== seller.user.id) return notFound('scroll_id not found or expired');
				scroll = found;
			} else {
				scroll = { userId: seller.user.id, position: 0, ids };
			}
			const results = scroll.ids.slice(scroll.position, scroll.position + limit);
			const next = `${randomBytes(8).toString('hex')}`;
			this.scrolls.set(next, { ...scroll, position: scroll.position + results.length });
			return { body: { seller_id: String(seller.user.id), scroll_id: next, results, paging: { total: ids.length, limit } } };
		}
		const offset = Number(q.get('offset') ?? 0);
		if (offset + limit > 1000) return badRequest('Offset + limit must be lower than 1000. Use search_type=scan.');
		return { body: { seller_id: String(seller.user.id), results: ids.slice(offset, offset + limit), paging: { total: ids.length, offset, limit } } };
	}

	private multiget(r: FakeRequest, seller: FakeSeller): FakeResponse {
		const ids = (r.query.get('ids') ?? '').split(',').filter(Boolean);
		if (ids.length === 0) return badRequest('ids required');
		if (ids.length > 20) return badRequest('The maximum number of ids is 20');
		const attributes = r.query.get('attributes')?.split(',').filter(Boolean);
		return {
			body: ids.map((id) => {
				const item = seller.itemsById.get(id);
				if (!item) return { code: 404, body: { message: `Item with id ${id} not found`, error: 'not_found', status: 404, cause: [] } };
				const body: Partial<FakeItem> = attributes
					? Object.fromEntries(attributes.filter((a) => a in item).map((a) => [a, item[a as keyof FakeItem]]))
					: item;
				return { code: 200, body };
			}),
		};
	}

	private visits(r: FakeRequest, seller: FakeSeller): FakeResponse {
		const item = seller.itemsById.get(r.params.id);
		if (!item) return notFound(`Item ${r.params.id} not found`);
		const last = Number(r.query.get('last') ?? 30);
		if (r.query.get('unit') !== 'day') return badRequest('unit must be day');
		if (!Number.isInteger(last) || last < 1 || last > 150) return badRequest('last must be between 1 and 150');
		const ending = r.query.get('ending') ?? spDayOf(this.now());
		if (!/^\d{4}-\d{2}-\d{2}$/.test(ending)) return badRequest('ending must be YYYY-MM-DD');
		const results: Array<{ date: string; total: number; visits_detail: unknown[] }> = [];
		let total = 0;
		for (let i = last - 1; i >= 0; i--) {
			const day = addDays(ending, -i);
			const inSeed = day >= seller.days[0] && day <= seller.days[seller.days.length - 1];
			const visits = inSeed ? visitsOf(seller, item.id, day) : 0;
			total += visits;
			results.push({ date: `${day}T00:00:00Z`, total: visits, visits_detail: [{ company: 'mercadolibre', quantity: visits }] });
		}
		return {
			body: { item_id: item.id, date_from: `${addDays(ending, -(last - 1))}T00:00:00Z`, date_to: `${ending}T00:00:00Z`, total_visits: total, last, unit: 'day', results },
		};
	}

	// ---- Product Ads ---------------------------------------------------------------------------

	private requireVersion(r: FakeRequest, version: string): FakeResponse | undefined {
		const header = r.headers['api-version'];
		if (header !== version) return badRequest(`api-version header must be ${version}`, 'invalid_api_version');
		return undefined;
	}

	private advertisers(r: FakeRequest, seller: FakeSeller): FakeResponse {
		const wrong = this.requireVersion(r, '1');
		if (wrong) return wrong;
		if (r.query.get('product_id') !== 'PADS') return badRequest('product_id must be PADS');
		if (seller.advertiserId === null) return notFound('No permissions found for user_id');
		return {
			body: {
				advertisers: [{ advertiser_id: seller.advertiserId, site_id: 'MLB', advertiser_name: seller.user.nickname, account_name: `MLB - ${seller.user.nickname}` }],
			},
		};
	}

	private dateRange(r: FakeRequest): [string, string] | FakeResponse {
		const from = r.query.get('date_from');
		const to = r.query.get('date_to');
		if (!from || !to || !/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to) || from > to) {
			return badRequest('date_from and date_to (YYYY-MM-DD) are required');
		}
		if (from < addDays(spDayOf(this.now()), -90)) return badRequest('date_from cannot exceed 90 days back from today');
		return [from, to];
	}

	private metricsOf(seller: FakeSeller, groupId: string, from: string, to: string): Array<Record<string, unknown>> {
		const group = seller.adGroups.find((g) => g.id === groupId);
		if (!group) return [];
		const rows: Array<Record<string, unknown>> = [];
		for (let day = from; day <= to; day = addDays(day, 1)) {
			if (day < seller.days[0] || day > seller.days[seller.days.length - 1]) continue;
			const m = adDay(seller, group, day);
			rows.push({
				date: day,
				clicks: m.clicks,
				prints: m.prints,
				cost: m.costCents / 100,
				cpc: m.clicks ? Math.round(m.costCents / m.clicks) / 100 : 0,
				direct_amount: m.directAmountCents / 100,
				indirect_amount: m.indirectAmountCents / 100,
				total_amount: (m.directAmountCents + m.indirectAmountCents) / 100,
				direct_units_quantity: m.directUnits,
				indirect_units_quantity: m.indirectUnits,
				units_quantity: m.directUnits + m.indirectUnits,
			});
		}
		return rows;
	}

	private adGroupSearch(r: FakeRequest, seller: FakeSeller): FakeResponse {
		const wrong = this.requireVersion(r, '2');
		if (wrong) return wrong;
		if (r.params.adv !== String(seller.advertiserId)) return forbidden('advertiser does not belong to the caller');
		const range = this.dateRange(r);
		if (!Array.isArray(range)) return range;
		if (r.query.has('filters[item_id]')) return badRequest('filters[item_id] is no longer supported: use filters[item_ids]');
		const limit = Number(r.query.get('limit') ?? 50);
		const offset = Number(r.query.get('offset') ?? 0);
		if (limit > 50) return badRequest('limit must be lower or equal to 50');
		const daily = (r.query.get('aggregation_type') ?? '').toLowerCase() === 'daily';
		const page = seller.adGroups.slice(offset, offset + limit);
		return {
			body: {
				paging: { total: seller.adGroups.length, offset, limit },
				results: page.map((g) => {
					const days = this.metricsOf(seller, g.id, range[0], range[1]);
					const sum = (k: string) => days.reduce((acc, d) => acc + Math.round(Number(d[k]) * 100), 0) / 100;
					return {
						id: g.id,
						campaign_id: g.campaign_id,
						name: g.name,
						status: g.status,
						type: g.type,
						metrics: daily
							? days
							: { clicks: sum('clicks'), prints: sum('prints'), cost: sum('cost'), direct_amount: sum('direct_amount'), indirect_amount: sum('indirect_amount') },
					};
				}),
			},
		};
	}

	private adGroupDetail(r: FakeRequest, seller: FakeSeller): FakeResponse {
		const wrong = this.requireVersion(r, '2');
		if (wrong) return wrong;
		const group = seller.adGroups.find((g) => g.id === r.params.id);
		if (!group) return notFound(`Ad group ${r.params.id} not found`);
		const range = this.dateRange(r);
		if (!Array.isArray(range)) return range;
		return { body: { id: group.id, campaign_id: group.campaign_id, name: group.name, status: group.status, type: group.type, metrics: this.metricsOf(seller, group.id, range[0], range[1]) } };
	}

	private adGroupAds(r: FakeRequest, seller: FakeSeller): FakeResponse {
		const wrong = this.requireVersion(r, '2');
		if (wrong) return wrong;
		const group = seller.adGroups.find((g) => g.id === r.params.id);
		if (!group) return notFound(`Ad group ${r.params.id} not found`);
		const limit = Number(r.query.get('limit') ?? 50);
		const offset = Number(r.query.get('offset') ?? 0);
		return {
			body: {
				paging: { total: group.itemIds.length, offset, limit },
				results: group.itemIds.slice(offset, offset + limit).map((id) => ({ item_id: id, ad_group_id: group.id, status: 'active', channel: 'marketplace' })),
			},
		};
	}
}
