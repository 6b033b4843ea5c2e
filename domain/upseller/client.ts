// UpSeller Open API client for one account: POST with the two auth headers, the {code,msg,data}
// envelope (code 0 = OK; anything else becomes an ApiError with UpSeller's message), page loops.
// Field names inside `list` are not published: normalize.ts reads the plausible spellings.
import { ApiError, HttpClient, HttpStats, RateLimiterRegistry, RetryPolicy, sharedLimiters, type ProviderErrorInfo } from '../http';
import { authHeaders, baseUrlOf, DEFAULT_UPSELLER_RATE, UPSELLER_PATHS, UpSellerConfig, UpSellerCredentials } from './config';

export interface UpSellerPage<T> {
	list: T[];
	total: number;
}

interface Envelope<T> {
	code?: number | string;
	msg?: string;
	message?: string;
	data?: T;
}

export const UPSELLER_WAREHOUSE_PAGE = 50;
export const UPSELLER_SKU_PAGE = 100;

export function describeUpSellerError(body: unknown): ProviderErrorInfo {
	if (!body || typeof body !== 'object') return typeof body === 'string' ? { message: body.slice(0, 200) } : {};
	const b = body as Envelope<unknown>;
	return { code: b.code === undefined ? undefined : String(b.code), message: b.msg ?? b.message };
}

export interface UpSellerClientOptions {
	config: UpSellerConfig;
	credentials: UpSellerCredentials;
	/** The Viang client the calls act for (named in errors). */
	clientId?: string;
	limiters?: RateLimiterRegistry;
	retry?: Partial<RetryPolicy>;
	fetchImpl?: typeof fetch;
}

export class UpSellerClient {
	readonly http: HttpClient;
	private readonly headers: Record<string, string>;
	private readonly clientId?: string;

	constructor(options: UpSellerClientOptions) {
		const base = baseUrlOf(options.config);
		const registry = options.limiters ?? sharedLimiters;
		this.clientId = options.clientId;
		this.headers = authHeaders(options.config, options.credentials);
		this.http = new HttpClient({
			provider: 'UpSeller',
			baseUrl: base,
			timeoutMs: options.config.timeoutMs ?? 30_000,
			retry: options.retry,
			limiters: [registry.get(`upseller:${base}:${options.credentials.clientId}`, { ratePerSecond: options.config.ratePerSecond ?? DEFAULT_UPSELLER_RATE })],
			describeError: describeUpSellerError,
			fetchImpl: options.fetchImpl,
		});
	}

	get stats(): HttpStats {
		return this.http.stats;
	}

	async post<T>(call: string, path: string, json: unknown): Promise<T> {
		const { body } = await this.http.request<Envelope<T>>({ call, method: 'POST', path, json, headers: this.headers, clientId: this.clientId });
		if (!body || typeof body !== 'object') throw new ApiError({ provider: 'UpSeller', call, clientId: this.clientId, kind: 'invalid_response' });
		if (Number(body.code) !== 0) {
			throw new ApiError({
				provider: 'UpSeller',
				call,
				clientId: this.clientId,
				kind: 'http',
				status: 200,
				code: String(body.code),
				providerMessage: body.msg ?? body.message,
				method: 'POST',
				path: `/${path}`,
			});
		}
		return body.data as T;
	}

	private async page<T>(call: string, path: string, json: Record<string, unknown>): Promise<UpSellerPage<T>> {
		const data = await this.post<{ list?: T[]; total?: number | string }>(call, path, json);
		return { list: Array.isArray(data?.list) ? data.list : [], total: Number(data?.total ?? 0) };
	}

	listWarehouses(pageNo = 1, pageSize = UPSELLER_WAREHOUSE_PAGE): Promise<UpSellerPage<Record<string, unknown>>> {
		return this.page('warehouses.list', UPSELLER_PATHS.warehouses, { pageNo, pageSize });
	}

	pageWarehouseSkus(warehouseId: string, pageNo = 1, pageSize = UPSELLER_SKU_PAGE): Promise<UpSellerPage<Record<string, unknown>>> {
		return this.page('warehouseSkus.page', UPSELLER_PATHS.warehouseSkus, { warehouseId, pageNo, pageSize });
	}

	/** Every page, until `total` is reached or a short page arrives. */
	async all(fetchPage: (pageNo: number) => Promise<UpSellerPage<Record<string, unknown>>>, pageSize: number, max = Infinity): Promise<Array<Record<string, unknown>>> {
		const rows: Array<Record<string, unknown>> = [];
		for (let pageNo = 1; rows.length < max; pageNo++) {
			const page = await fetchPage(pageNo);
			rows.push(...page.list.slice(0, max - rows.length));
			if (page.list.length < pageSize || rows.length >= page.total) break;
		}
		return rows;
	}

	allWarehouses(max?: number): Promise<Array<Record<string, unknown>>> {
		return this.all((n) => this.listWarehouses(n), UPSELLER_WAREHOUSE_PAGE, max);
	}

	allWarehouseSkus(warehouseId: string, max?: number): Promise<Array<Record<string, unknown>>> {
		return this.all((n) => this.pageWarehouseSkus(warehouseId, n), UPSELLER_SKU_PAGE, max);
	}
}
