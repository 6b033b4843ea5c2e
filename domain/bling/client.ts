// Bling API v3 client acting for one Viang client (one Bling account). Every request passes the
// account's limiters and the process-wide one (limits.ts), is retried on 429/5xx/timeouts within a
// budget, and renews the access token once on 401. Errors name the client and the call, never a token.
import { ApiError, HttpClient, HttpStats, QueryValue, RateLimiterRegistry, RetryPolicy, sharedLimiters } from '../http';
import type { BlingAccountEntry, BlingDeposit, BlingList, BlingOne, BlingProduct, BlingSalesOrder, BlingStockBalance } from './api-types';
import { apiUrlOf, BlingApp } from './config';
import { describeBlingError } from './errors';
import { blingLimiters } from './limits';

/** Where the client gets its access token; `renew` is called after a 401 with the rejected token. */
export interface BlingTokenSource {
	get(): Promise<string>;
	renew(rejected: string): Promise<string>;
}

export function staticBlingToken(accessToken: string): BlingTokenSource {
	return { get: async () => accessToken, renew: async () => accessToken };
}

export interface BlingClientOptions {
	app: BlingApp;
	tokens: BlingTokenSource;
	/** The Viang client the calls act for: named in errors and the key of the account limiter. */
	clientId: string;
	limiters?: RateLimiterRegistry;
	retry?: Partial<RetryPolicy>;
	fetchImpl?: typeof fetch;
}

export const BLING_PAGE_MAX = 100;
/** Product ids per /estoques/saldos call (keeps the URL short). */
export const BALANCE_IDS_PER_CALL = 50;

export type BlingQuery = Record<string, QueryValue | QueryValue[]>;

/** Bling's array parameters repeat with a `[]` suffix: idsProdutos[]=1&idsProdutos[]=2. */
export function pathWithQuery(path: string, query: BlingQuery = {}): string {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(query)) {
		if (Array.isArray(value)) {
			for (const v of value) if (v !== undefined && v !== null) params.append(key.endsWith('[]') ? key : `${key}[]`, String(v));
		} else if (value !== undefined && value !== null && value !== '') {
			params.append(key, String(value));
		}
	}
	const text = params.toString();
	return text ? `${path}?${text}` : path;
}

export class BlingClient {
	readonly http: HttpClient;
	readonly clientId: string;
	private readonly tokens: BlingTokenSource;

	constructor(options: BlingClientOptions) {
		const limiters = blingLimiters(options.app, options.limiters ?? sharedLimiters);
		this.clientId = options.clientId;
		this.tokens = options.tokens;
		this.http = new HttpClient({
			provider: 'Bling',
			baseUrl: apiUrlOf(options.app),
			timeoutMs: options.app.timeoutMs ?? 30_000,
			retry: options.retry,
			// The process-wide bucket last: nothing waits between passing it and sending.
			limiters: [...limiters.account(options.clientId), limiters.process],
			describeError: describeBlingError,
			fetchImpl: options.fetchImpl,
		});
	}

	get stats(): HttpStats {
		return this.http.stats;
	}

	/** GET with bearer auth; one token renewal on 401. */
	async get<T>(call: string, path: string, query?: BlingQuery, acceptStatuses?: number[]): Promise<{ status: number; body: T }> {
		let token = await this.tokens.get();
		const target = pathWithQuery(path, query);
		for (let renewed = false; ; renewed = true) {
			try {
				const response = await this.http.request<T>({
					call,
					path: target,
					headers: { authorization: `Bearer ${token}` },
					clientId: this.clientId,
					acceptStatuses,
				});
				return { status: response.status, body: response.body };
			} catch (error) {
				if (!renewed && error instanceof ApiError && error.status === 401) {
					token = await this.tokens.renew(token);
					continue;
				}
				throw error;
			}
		}
	}

	/** One page of a list endpoint (`pagina` is 1-based, `limite` at most 100). */
	async page<T>(call: string, path: string, query: BlingQuery, pagina: number, limite = BLING_PAGE_MAX): Promise<T[]> {
		const { body } = await this.get<BlingList<T>>(call, path, { ...query, pagina, limite: Math.min(limite, BLING_PAGE_MAX) });
		if (!body || !Array.isArray(body.data)) {
			throw new ApiError({ provider: 'Bling', call, clientId: this.clientId, kind: 'invalid_response', path });
		}
		return body.data;
	}

	/** Pages in order until a short page or `max` records; `onPage` sees each page as it arrives. */
	async forEachPage<T>(call: string, path: string, query: BlingQuery, onPage: (rows: T[]) => void | Promise<void>, max = Infinity): Promise<number> {
		let seen = 0;
		for (let pagina = 1; seen < max; pagina++) {
			const rows = await this.page<T>(call, path, query, pagina);
			const taken = rows.slice(0, Math.max(0, max - seen));
			if (taken.length > 0) await onPage(taken);
			seen += taken.length;
			if (rows.length < BLING_PAGE_MAX) break;
		}
		return seen;
	}

	async all<T>(call: string, path: string, query: BlingQuery = {}, max = Infinity): Promise<T[]> {
		const rows: T[] = [];
		await this.forEachPage<T>(call, path, query, (page) => void rows.push(...page), max);
		return rows;
	}

	private async one<T>(call: string, path: string): Promise<T> {
		const { body } = await this.get<BlingOne<T>>(call, path);
		if (!body || typeof body.data !== 'object' || body.data === null) {
			throw new ApiError({ provider: 'Bling', call, clientId: this.clientId, kind: 'invalid_response', path });
		}
		return body.data;
	}

	getProduct(id: string | number): Promise<BlingProduct> {
		return this.one<BlingProduct>('produtos.get', `/produtos/${encodeURIComponent(String(id))}`);
	}

	getSalesOrder(id: string | number): Promise<BlingSalesOrder> {
		return this.one<BlingSalesOrder>('pedidosVendas.get', `/pedidos/vendas/${encodeURIComponent(String(id))}`);
	}

	getReceivable(id: string | number): Promise<BlingAccountEntry> {
		return this.one<BlingAccountEntry>('contasReceber.get', `/contas/receber/${encodeURIComponent(String(id))}`);
	}

	getPayable(id: string | number): Promise<BlingAccountEntry> {
		return this.one<BlingAccountEntry>('contasPagar.get', `/contas/pagar/${encodeURIComponent(String(id))}`);
	}

	listDeposits(): Promise<BlingDeposit[]> {
		return this.all<BlingDeposit>('depositos.list', '/depositos');
	}

	/** Balances per product and depósito, for any number of product ids (several calls). */
	async getStockBalances(productIds: Array<number | string>): Promise<BlingStockBalance[]> {
		const out: BlingStockBalance[] = [];
		for (let i = 0; i < productIds.length; i += BALANCE_IDS_PER_CALL) {
			const ids = productIds.slice(i, i + BALANCE_IDS_PER_CALL);
			const { body } = await this.get<BlingList<BlingStockBalance>>('estoques.saldos', '/estoques/saldos', { 'idsProdutos[]': ids });
			if (!body || !Array.isArray(body.data)) {
				throw new ApiError({ provider: 'Bling', call: 'estoques.saldos', clientId: this.clientId, kind: 'invalid_response' });
			}
			out.push(...body.data);
		}
		return out;
	}
}
