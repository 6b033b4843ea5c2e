// Fake Bling (API v3) on loopback, built on FakeServer. Everything under /Api/v3 like the real
// host: OAuth (authorization page — a redirect at once, or with `consentPage` a page with
// Autorizar/Cancelar like the real one — one-minute single-use codes — reuse revokes the account's
// access — Basic client auth, rotating refresh tokens), products, depósitos, stock balances, sales
// orders, the company (/empresas/me/dados-basicos), contas a receber/pagar with pagina/limite pagination and the one-year date-filter cap,
// Bling's error bodies, the 3 req/s per-account limit (429 TOO_MANY_REQUESTS) and the address
// block: 20 token calls in 60 s, 600 requests or 300 errors in 10 s → every call refused (403)
// until the block ends.
import { randomBytes } from 'node:crypto';
import { FakeHandler, FakeRequest, FakeResponse, FakeServer } from './base';

export const BLING_PREFIX = '/Api/v3';

export interface FakeBlingProduct {
	id: number;
	nome: string;
	codigo: string;
	preco?: number;
	precoCusto?: number | null;
	tipo?: string;
	situacao?: string;
	formato?: string;
	/** depositId → physical balance (virtual = physical − reserved). */
	stock?: Record<number, number>;
	reserved?: Record<number, number>;
}

export interface FakeBlingAccountEntry {
	id: number;
	situacao: number;
	vencimento: string;
	valor: number;
	/** Open balance; lists omit it (the detail has it) unless `listSaldo` is set. */
	saldo: number;
	dataEmissao?: string;
	contato?: { id: number; nome?: string };
}

export interface FakeBlingSalesOrder {
	id: number;
	numero: number;
	data: string;
	total: number;
	situacao: { id: number; valor: number };
	contato?: { id: number; nome?: string };
	itens?: Array<{ codigo: string; quantidade: number; valor: number }>;
}

export interface FakeBlingAccount {
	id: number;
	/** The company (/empresas/me/dados-basicos). */
	companyName?: string;
	cnpj?: string;
	products: FakeBlingProduct[];
	deposits: Array<{ id: number; descricao: string; situacao?: number; padrao?: boolean; desconsiderarSaldo?: boolean }>;
	receivables: FakeBlingAccountEntry[];
	payables: FakeBlingAccountEntry[];
	salesOrders: FakeBlingSalesOrder[];
}

export interface FakeBlingOptions {
	accessTokenTtlMs?: number;
	codeTtlMs?: number;
	/** Per-account requests per second (real: 3). */
	accountRate?: number;
	/** Address-block thresholds (real: 20 token calls / 60 s, 600 requests / 10 s, 300 errors / 10 s). */
	tokenCallsPerMinute?: number;
	requestsPer10s?: number;
	errorsPer10s?: number;
	/** Whether lists carry each conta's `saldo` (default false: only the detail has it). */
	listSaldo?: boolean;
}

interface App {
	clientId: string;
	clientSecret: string;
	redirectUri?: string;
}

const escapeHtml = (value: string): string =>
	value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const blingError = (status: number, type: string, message: string, description = message): FakeResponse => ({
	status,
	body: { error: { type, message, description } },
});

export const BLING_429_BODY = { error: { type: 'TOO_MANY_REQUESTS', message: 'Limite de requisições atingido.', description: 'Limite de requisições atingido.' } };

export class FakeBling {
	readonly server = new FakeServer('bling');
	readonly apps = new Map<string, App>();
	readonly accounts = new Map<number, FakeBlingAccount>();
	readonly options: Required<FakeBlingOptions>;
	/** Test clock offset for token and code expiry. */
	clockOffsetMs = 0;
	/** The account "logged in" on the authorization page. */
	loggedInAccountId: number | null = null;
	/** Serve a page with Autorizar/Cancelar (ids #allow, #deny) instead of redirecting at once. */
	consentPage = false;
	blockedUntil = 0;
	readonly blocks: Array<{ at: number; reason: string }> = [];
	/** Request instants per account (for rate assertions). */
	readonly hits = new Map<number, number[]>();

	private readonly access = new Map<string, { appId: string; accountId: number; expiresAt: number }>();
	private readonly refresh = new Map<string, { appId: string; accountId: number; used: boolean }>();
	private readonly codes = new Map<string, { appId: string; accountId: number; issuedAt: number; used: boolean }>();
	private tokenBucket = 0;

	constructor(options: FakeBlingOptions = {}) {
		this.options = {
			accessTokenTtlMs: options.accessTokenTtlMs ?? 6 * 3_600_000,
			codeTtlMs: options.codeTtlMs ?? 60_000,
			accountRate: options.accountRate ?? 3,
			tokenCallsPerMinute: options.tokenCallsPerMinute ?? 20,
			requestsPer10s: options.requestsPer10s ?? 600,
			errorsPer10s: options.errorsPer10s ?? 300,
			listSaldo: options.listSaldo ?? false,
		};
		this.server.rateLimit = {
			requests: this.options.accountRate,
			windowMs: 1000,
			// Per account (from the bearer token); token calls are app-level, each in its own bucket.
			key: (request) => (request.path.endsWith('/oauth/token') ? `token:${this.tokenBucket++}` : `account:${this.accountOf(request) ?? 'none'}`),
			body: BLING_429_BODY,
		};
		this.routes();
	}

	get url(): string {
		return this.server.url;
	}

	get apiUrl(): string {
		return `${this.server.url}${BLING_PREFIX}`;
	}

	get tokenUrl(): string {
		return `${this.apiUrl}/oauth/token`;
	}

	get authorizeUrl(): string {
		return `${this.apiUrl}/oauth/authorize`;
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

	registerApp(app: App): this {
		this.apps.set(app.clientId, app);
		return this;
	}

	addAccount(account: Partial<FakeBlingAccount> & { id: number }): FakeBlingAccount {
		const full: FakeBlingAccount = {
			products: [],
			deposits: [{ id: 1, descricao: 'Geral', situacao: 1, padrao: true, desconsiderarSaldo: false }],
			receivables: [],
			payables: [],
			salesOrders: [],
			...account,
		};
		this.accounts.set(full.id, full);
		this.loggedInAccountId ??= full.id;
		return full;
	}

	/** Tokens as the code exchange would give them (skips the browser step). */
	issueTokens(appId: string, accountId: number, ttlMs = this.options.accessTokenTtlMs): { access_token: string; refresh_token: string; expires_in: number } {
		const access_token = `bling-at-${randomBytes(16).toString('hex')}`;
		const refresh_token = `bling-rt-${randomBytes(16).toString('hex')}`;
		this.access.set(access_token, { appId, accountId, expiresAt: this.now() + ttlMs });
		this.refresh.set(refresh_token, { appId, accountId, used: false });
		return { access_token, refresh_token, expires_in: Math.round(ttlMs / 1000) };
	}

	issueCode(appId: string, accountId: number): string {
		const code = randomBytes(20).toString('hex');
		this.codes.set(code, { appId, accountId, issuedAt: this.now(), used: false });
		return code;
	}

	expireAccessToken(token: string): void {
		const grant = this.access.get(token);
		if (grant) grant.expiresAt = 0;
	}

	isRefreshTokenLive(token: string): boolean {
		const grant = this.refresh.get(token);
		return !!grant && !grant.used;
	}

	/** Highest number of requests of an account inside any 1-second window. */
	maxPerSecond(accountId: number): number {
		const stamps = this.hits.get(accountId) ?? [];
		let max = 0;
		for (let i = 0, j = 0; i < stamps.length; i++) {
			while (stamps[i] - stamps[j] >= 1000) j++;
			max = Math.max(max, i - j + 1);
		}
		return max;
	}

	tokenCalls(): number {
		return this.server.calls(/\/oauth\/token$/).length;
	}

	/** Highest number of token calls inside any 60-second window. */
	maxTokenCallsPerMinute(): number {
		const stamps = this.server.calls(/\/oauth\/token$/).map((r) => r.at);
		let max = 0;
		for (let i = 0, j = 0; i < stamps.length; i++) {
			while (stamps[i] - stamps[j] >= 60_000) j++;
			max = Math.max(max, i - j + 1);
		}
		return max;
	}

	rateLimitedCount(): number {
		return this.server.requests.filter((r) => r.status === 429).length;
	}

	// ---- internals -----------------------------------------------------------------------------

	private accountOf(request: FakeRequest): number | null {
		const auth = String(request.headers.authorization ?? '');
		const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
		return this.access.get(token)?.accountId ?? null;
	}

	/** The address block: checked before every handler, tripped by the traffic of the last window. */
	private guard(handler: FakeHandler): FakeHandler {
		return async (request) => {
			const now = Date.now();
			if (now < this.blockedUntil) return blingError(403, 'FORBIDDEN', 'Endereço IP bloqueado temporariamente', 'Too many requests from this address');
			const recent = this.server.requests.filter((r) => now - r.at < 10_000);
			const tokenCalls = this.server.requests.filter((r) => now - r.at < 60_000 && r.path.endsWith('/oauth/token')).length;
			const errors = recent.filter((r) => r.status >= 400).length;
			let reason: string | null = null;
			let blockMs = 10 * 60_000;
			if (tokenCalls >= this.options.tokenCallsPerMinute) {
				reason = `${tokenCalls} token calls in 60 s`;
				blockMs = 60 * 60_000;
			} else if (recent.length >= this.options.requestsPer10s) reason = `${recent.length} requests in 10 s`;
			else if (errors >= this.options.errorsPer10s) reason = `${errors} errors in 10 s`;
			if (reason) {
				this.blockedUntil = now + blockMs;
				this.blocks.push({ at: now, reason });
				return blingError(403, 'FORBIDDEN', 'Endereço IP bloqueado temporariamente', reason);
			}
			return handler(request);
		};
	}

	private authed(handler: (request: FakeRequest, account: FakeBlingAccount) => FakeResponse | Promise<FakeResponse>): FakeHandler {
		return this.guard(async (request) => {
			const auth = String(request.headers.authorization ?? '');
			if (!auth.startsWith('Bearer ')) return blingError(401, 'UNAUTHORIZED', 'invalid_token', 'Token não informado');
			const grant = this.access.get(auth.slice(7));
			if (!grant || grant.expiresAt <= this.now()) return blingError(401, 'invalid_token', 'invalid_token', 'Token inválido ou expirado');
			const account = this.accounts.get(grant.accountId);
			if (!account) return blingError(401, 'UNAUTHORIZED', 'invalid_token', 'Conta desconhecida');
			const list = this.hits.get(account.id) ?? [];
			list.push(Date.now());
			this.hits.set(account.id, list);
			return handler(request, account);
		});
	}

	private paged<T>(request: FakeRequest, rows: T[]): FakeResponse {
		const pagina = Number(request.query.get('pagina') ?? 1);
		const limite = Number(request.query.get('limite') ?? 100);
		if (!(limite >= 1 && limite <= 100) || !(pagina >= 1)) return blingError(400, 'VALIDATION_ERROR', 'Parâmetros de paginação inválidos', 'limite deve estar entre 1 e 100');
		return { body: { data: rows.slice((pagina - 1) * limite, pagina * limite) } };
	}

	private dateRange(request: FakeRequest, fromKey: string, toKey: string): { from: string; to: string; error?: undefined } | { error: FakeResponse } {
		const from = request.query.get(fromKey) ?? '0000-01-01';
		const to = request.query.get(toKey) ?? '9999-12-31';
		const span = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
		if (request.query.has(fromKey) && request.query.has(toKey) && span > 366) {
			return { error: blingError(400, 'VALIDATION_ERROR', 'O intervalo de datas não pode ser maior que 1 ano', 'Intervalo de datas inválido') };
		}
		return { from, to };
	}

	private entryBody(entry: FakeBlingAccountEntry, withSaldo: boolean): Record<string, unknown> {
		const { saldo, ...rest } = entry;
		return withSaldo ? { ...rest, saldo } : rest;
	}

	private token(request: FakeRequest): FakeResponse {
		const auth = String(request.headers.authorization ?? '');
		const decoded = auth.startsWith('Basic ') ? Buffer.from(auth.slice(6), 'base64').toString('utf8') : '';
		const [id, secret] = [decoded.slice(0, decoded.indexOf(':')), decoded.slice(decoded.indexOf(':') + 1)];
		const app = this.apps.get(id);
		if (!app || app.clientSecret !== secret) return blingError(401, 'invalid_client', 'invalid_client', 'Credenciais do aplicativo inválidas');
		const form = (request.body ?? {}) as Record<string, string>;
		const grantError = (description: string) => blingError(400, 'invalid_grant', 'invalid_grant', description);
		let accountId: number;
		if (form.grant_type === 'authorization_code') {
			const code = this.codes.get(form.code ?? '');
			if (!code || code.appId !== id) return grantError('Código de autorização inválido');
			if (code.used) {
				// Reusing a code revokes the user's access to the app.
				for (const [token, grant] of this.access) if (grant.accountId === code.accountId && grant.appId === id) this.access.delete(token);
				for (const grant of this.refresh.values()) if (grant.accountId === code.accountId && grant.appId === id) grant.used = true;
				return grantError('Código de autorização já utilizado');
			}
			code.used = true;
			if (this.now() - code.issuedAt > this.options.codeTtlMs) return grantError('Código de autorização expirado');
			accountId = code.accountId;
		} else if (form.grant_type === 'refresh_token') {
			const grant = this.refresh.get(form.refresh_token ?? '');
			if (!grant || grant.used || grant.appId !== id) return grantError('Refresh token inválido');
			grant.used = true;
			accountId = grant.accountId;
		} else {
			return blingError(400, 'unsupported_grant_type', 'unsupported_grant_type', 'grant_type inválido');
		}
		const issued = this.issueTokens(id, accountId);
		return { body: { ...issued, token_type: 'Bearer', scope: '98309 318257570' } };
	}

	private routes(): void {
		const p = BLING_PREFIX;
		const redirectBack = (app: App, redirectUri: string | null | undefined, state: string, decision: 'allow' | 'deny'): FakeResponse => {
			const target = new URL(redirectUri || app.redirectUri || 'http://127.0.0.1:9/callback');
			if (decision === 'allow' && this.loggedInAccountId !== null) target.searchParams.set('code', this.issueCode(app.clientId, this.loggedInAccountId));
			else target.searchParams.set('error', 'access_denied');
			target.searchParams.set('state', state);
			return { status: 302, headers: { location: target.toString() } };
		};
		this.server.route('GET', `${p}/oauth/authorize`, (request) => {
			const app = this.apps.get(request.query.get('client_id') ?? '');
			if (!app || request.query.get('response_type') !== 'code') return blingError(400, 'invalid_request', 'invalid_request');
			if (this.loggedInAccountId === null) return { status: 200, headers: { 'content-type': 'text/html' }, body: '<p>Entre no Bling</p>' };
			if (!this.consentPage) return redirectBack(app, request.query.get('redirect_uri'), request.query.get('state') ?? '', 'allow');
			const hidden = ['client_id', 'redirect_uri', 'state']
				.map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(request.query.get(name) ?? '')}">`)
				.join('');
			const company = this.accounts.get(this.loggedInAccountId)?.companyName ?? `Conta ${this.loggedInAccountId}`;
			const html = `<!doctype html><html lang="pt-BR"><head><meta charset="utf-8"><title>Bling - Autorizar aplicativo</title></head>
<body><h1>Autorizar aplicativo</h1><p>O aplicativo <b>${escapeHtml(app.clientId)}</b> quer acessar a empresa <b id="company">${escapeHtml(company)}</b>.</p>
<form method="post" action="${p}/oauth/authorize">${hidden}
<button type="submit" name="decision" value="allow" id="allow">Autorizar</button>
<button type="submit" name="decision" value="deny" id="deny">Cancelar</button></form></body></html>`;
			return { headers: { 'content-type': 'text/html; charset=utf-8' }, body: html };
		});
		this.server.route('POST', `${p}/oauth/authorize`, (request) => {
			const form = (request.body ?? {}) as Record<string, string>;
			const app = this.apps.get(form.client_id ?? '');
			if (!app) return blingError(400, 'invalid_request', 'invalid_request');
			return redirectBack(app, form.redirect_uri, form.state ?? '', form.decision === 'allow' ? 'allow' : 'deny');
		});
		this.server.route('POST', `${p}/oauth/token`, this.guard((request) => this.token(request)));

		this.server.route(
			'GET',
			`${p}/produtos`,
			this.authed((request, account) => {
				const criterio = request.query.get('criterio');
				const rows = account.products
					.filter((prod) => criterio === '5' || (prod.situacao ?? 'A') === 'A')
					.map((prod) => this.productBody(prod));
				return this.paged(request, rows);
			}),
		);
		this.server.route(
			'GET',
			`${p}/produtos/:id`,
			this.authed((request, account) => {
				const prod = account.products.find((x) => String(x.id) === request.params.id);
				return prod ? { body: { data: this.productBody(prod) } } : blingError(404, 'RESOURCE_NOT_FOUND', 'Produto não encontrado');
			}),
		);
		this.server.route(
			'GET',
			`${p}/empresas/me/dados-basicos`,
			this.authed((_request, account) => ({
				body: { data: { id: account.id, nome: account.companyName ?? `Empresa ${account.id}`, cnpj: account.cnpj ?? '', email: `contato@empresa${account.id}.com.br` } },
			})),
		);
		this.server.route('GET', `${p}/depositos`, this.authed((request, account) => this.paged(request, account.deposits)));
		this.server.route(
			'GET',
			`${p}/estoques/saldos`,
			this.authed((request, account) => {
				const ids = request.query.getAll('idsProdutos[]').map(Number);
				if (ids.length === 0) return blingError(400, 'MISSING_REQUIRED_FIELD_ERROR', 'Informe idsProdutos ou codigos');
				const data = account.products
					.filter((prod) => ids.includes(prod.id))
					.map((prod) => {
						const depositos = Object.entries(prod.stock ?? {}).map(([depositId, fisico]) => ({
							id: Number(depositId),
							saldoFisico: fisico,
							saldoVirtual: fisico - (prod.reserved?.[Number(depositId)] ?? 0),
						}));
						return {
							produto: { id: prod.id, codigo: prod.codigo },
							saldoFisicoTotal: depositos.reduce((s, d) => s + d.saldoFisico, 0),
							saldoVirtualTotal: depositos.reduce((s, d) => s + d.saldoVirtual, 0),
							depositos,
						};
					});
				return { body: { data } };
			}),
		);
		this.server.route(
			'GET',
			`${p}/pedidos/vendas`,
			this.authed((request, account) => {
				const range = this.dateRange(request, 'dataInicial', 'dataFinal');
				if (range.error) return range.error;
				return this.paged(request, account.salesOrders.filter((o) => o.data >= range.from && o.data <= range.to));
			}),
		);
		this.server.route(
			'GET',
			`${p}/pedidos/vendas/:id`,
			this.authed((request, account) => {
				const order = account.salesOrders.find((o) => String(o.id) === request.params.id);
				return order ? { body: { data: order } } : blingError(404, 'RESOURCE_NOT_FOUND', 'Pedido não encontrado');
			}),
		);
		const contas = (kind: 'receber' | 'pagar') => {
			this.server.route(
				'GET',
				`${p}/contas/${kind}`,
				this.authed((request, account) => {
					// contas/receber filters by tipoFiltroData + dataInicial/dataFinal; contas/pagar has one pair per date.
					if (kind === 'receber' && request.query.has('dataInicial') && request.query.get('tipoFiltroData') !== 'V') {
						return blingError(400, 'VALIDATION_ERROR', 'Este fake só filtra por vencimento (tipoFiltroData=V)');
					}
					const range =
						kind === 'receber'
							? this.dateRange(request, 'dataInicial', 'dataFinal')
							: this.dateRange(request, 'dataVencimentoInicial', 'dataVencimentoFinal');
					if (range.error) return range.error;
					const entries = kind === 'receber' ? account.receivables : account.payables;
					const rows = entries.filter((e) => e.vencimento >= range.from && e.vencimento <= range.to).map((e) => this.entryBody(e, this.options.listSaldo));
					return this.paged(request, rows);
				}),
			);
			this.server.route(
				'GET',
				`${p}/contas/${kind}/:id`,
				this.authed((request, account) => {
					const entry = (kind === 'receber' ? account.receivables : account.payables).find((e) => String(e.id) === request.params.id);
					return entry ? { body: { data: this.entryBody(entry, true) } } : blingError(404, 'RESOURCE_NOT_FOUND', 'Conta não encontrada');
				}),
			);
		};
		contas('receber');
		contas('pagar');
	}

	private productBody(prod: FakeBlingProduct): Record<string, unknown> {
		const total = Object.values(prod.stock ?? {}).reduce((s, v) => s + v, 0);
		return {
			id: prod.id,
			nome: prod.nome,
			codigo: prod.codigo,
			preco: prod.preco ?? 0,
			precoCusto: prod.precoCusto ?? 0,
			tipo: prod.tipo ?? 'P',
			situacao: prod.situacao ?? 'A',
			formato: prod.formato ?? 'S',
			estoque: { saldoVirtualTotal: total },
		};
	}
}
