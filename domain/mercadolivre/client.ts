// Mercado Livre API client acting for one seller (one Viang client). Every call passes the
// per-application and per-seller limiters, is retried on 429/5xx/timeouts within a budget, and
// renews the access token once on 401. Errors name the client and the call, never a token.
import { ApiError, HttpClient, HttpStats, QueryValue, RateLimiter, RateLimiterRegistry, RetryPolicy, sharedLimiters } from '../http';
import type {
	MlAdGroup,
	MlAdGroupAdsResponse,
	MlAdGroupSearchResponse,
	MlAdvertiser,
	MlItem,
	MlItemScanResponse,
	MlMultigetEntry,
	MlOrder,
	MlOrderSearchResponse,
	MlUser,
	MlVisitsResponse,
} from './api-types';
import { apiUrlOf, DEFAULT_APP_RATE, DEFAULT_SELLER_RATE, MercadoLivreApp } from './config';
import { describeMlError } from './errors';
import { parseJsonLossless } from './json';

/** Where the client gets its access token; `renew` is called after a 401 with the rejected token. */
export interface AccessTokenSource {
	get(): Promise<string>;
	renew(rejected: string): Promise<string>;
}

export function staticToken(accessToken: string): AccessTokenSource {
	return { get: async () => accessToken, renew: async () => accessToken };
}

export interface MercadoLivreClientOptions {
	app: MercadoLivreApp;
	tokens: AccessTokenSource;
	/** The Viang client the calls act for (named in errors). */
	clientId?: string;
	/** Key of the per-seller limiter (ML user id or Viang client id); defaults to clientId. */
	sellerKey?: string;
	limiters?: RateLimiterRegistry;
	retry?: Partial<RetryPolicy>;
	fetchImpl?: typeof fetch;
}

export const ML_SITE = 'MLB';
export const ORDER_OFFSET_CAP = 10_000;
export const MULTIGET_MAX = 20;

export type OrderDateField = 'date_created' | 'date_last_updated';

export interface OrderSearchQuery {
	sellerId: string;
	field: OrderDateField;
	/** ISO instants with offset, both included. */
	from: string;
	to: string;
	offset?: number;
	limit?: number;
	status?: string;
	sort?: 'date_asc' | 'date_desc';
}

export class MercadoLivreClient {
	readonly http: HttpClient;
	readonly clientId?: string;
	private readonly tokens: AccessTokenSource;
	private readonly limiterList: RateLimiter[];

	constructor(options: MercadoLivreClientOptions) {
		const app = options.app;
		const registry = options.limiters ?? sharedLimiters;
		const apiUrl = apiUrlOf(app);
		this.clientId = options.clientId;
		this.tokens = options.tokens;
		this.limiterList = [
			registry.get(`ml:app:${apiUrl}:${app.clientId}`, { ratePerSecond: app.appRatePerSecond ?? DEFAULT_APP_RATE }),
			registry.get(`ml:seller:${apiUrl}:${options.sellerKey ?? options.clientId ?? 'default'}`, {
				ratePerSecond: app.sellerRatePerSecond ?? DEFAULT_SELLER_RATE,
			}),
		];
		this.http = new HttpClient({
			provider: 'Mercado Livre',
			baseUrl: apiUrl,
			timeoutMs: app.timeoutMs ?? 30_000,
			retry: options.retry,
			limiters: this.limiterList,
			describeError: describeMlError,
			parseJson: parseJsonLossless,
			fetchImpl: options.fetchImpl,
		});
	}

	get stats(): HttpStats {
		return this.http.stats;
	}

	/** GET with bearer auth; one token renewal on 401. */
	async get<T>(call: string, path: string, query?: Record<string, QueryValue>, headers?: Record<string, string>, acceptStatuses?: number[]): Promise<{ status: number; body: T }> {
		let token = await this.tokens.get();
		for (let renewed = false; ; renewed = true) {
			try {
				const response = await this.http.request<T>({
					call,
					path,
					query,
					headers: { ...(headers ?? {}), authorization: `Bearer ${token}` },
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

	async getMe(): Promise<MlUser> {
		return (await this.get<MlUser>('users.getMe', '/users/me')).body;
	}

	async searchOrders(q: OrderSearchQuery): Promise<MlOrderSearchResponse> {
		const { body } = await this.get<MlOrderSearchResponse>('orders.search', '/orders/search', {
			seller: q.sellerId,
			[`order.${q.field}.from`]: q.from,
			[`order.${q.field}.to`]: q.to,
			'order.status': q.status,
			sort: q.sort ?? 'date_asc',
			limit: q.limit ?? 50,
			offset: q.offset ?? 0,
		});
		if (!body || !Array.isArray(body.results) || !body.paging) {
			throw new ApiError({ provider: 'Mercado Livre', call: 'orders.search', clientId: this.clientId, kind: 'invalid_response' });
		}
		return body;
	}

	async getOrder(orderId: string): Promise<MlOrder> {
		return (await this.get<MlOrder>('orders.get', `/orders/${encodeURIComponent(orderId)}`)).body;
	}

	async getItem(itemId: string): Promise<MlItem> {
		return (await this.get<MlItem>('items.get', `/items/${encodeURIComponent(itemId)}`, { include_attributes: 'all' })).body;
	}

	/** One page of a seller's item ids with search_type=scan (no 1,000-offset limit). */
	async scanItemIds(sellerId: string, scrollId?: string, status?: string): Promise<MlItemScanResponse> {
		const { body } = await this.get<MlItemScanResponse>('items.scan', `/users/${encodeURIComponent(sellerId)}/items/search`, {
			search_type: 'scan',
			limit: 100,
			scroll_id: scrollId,
			status,
		});
		return body;
	}

	/** Up to 20 items in one call; entries not found come back as null. */
	async getItems(ids: string[]): Promise<Array<MlItem | null>> {
		if (ids.length === 0) return [];
		if (ids.length > MULTIGET_MAX) throw new Error(`multiget takes at most ${MULTIGET_MAX} ids`);
		const { body } = await this.get<MlMultigetEntry[]>('items.multiget', '/items', { ids: ids.join(','), include_attributes: 'all' });
		return ids.map((_, i) => {
			const entry = body[i];
			return entry && entry.code === 200 ? (entry.body as MlItem) : null;
		});
	}

	/** Daily visits of an item for the `last` days ending on `ending` (YYYY-MM-DD). */
	async getItemVisits(itemId: string, last: number, ending: string): Promise<MlVisitsResponse> {
		const { body } = await this.get<MlVisitsResponse>('visits.timeWindow', `/items/${encodeURIComponent(itemId)}/visits/time_window`, {
			last,
			unit: 'day',
			ending,
		});
		return body;
	}

	/** Product Ads advertisers of the seller; empty when the seller has no Product Ads account. */
	async getAdvertisers(): Promise<MlAdvertiser[]> {
		const { status, body } = await this.get<{ advertisers?: MlAdvertiser[] }>(
			'ads.advertisers',
			'/advertising/advertisers',
			{ product_id: 'PADS' },
			{ 'Api-Version': '1' },
			[404],
		);
		return status === 404 ? [] : (body.advertisers ?? []);
	}

	async searchAdGroups(input: {
		siteId?: string;
		advertiserId: string;
		dateFrom: string;
		dateTo: string;
		offset?: number;
		limit?: number;
	}): Promise<MlAdGroupSearchResponse> {
		const site = input.siteId ?? ML_SITE;
		const { body } = await this.get<MlAdGroupSearchResponse>(
			'ads.adGroups.search',
			`/advertising/${site}/advertisers/${encodeURIComponent(input.advertiserId)}/product_ads/ad_groups/search`,
			{
				date_from: input.dateFrom,
				date_to: input.dateTo,
				limit: input.limit ?? 50,
				offset: input.offset ?? 0,
				metrics: 'clicks,prints,cost,direct_amount,indirect_amount,total_amount',
				aggregation_type: 'DAILY',
				'filters[channel]': 'marketplace',
			},
			{ 'api-version': '2' },
		);
		return body;
	}

	async getAdGroup(input: { siteId?: string; adGroupId: string; dateFrom: string; dateTo: string }): Promise<MlAdGroup> {
		const site = input.siteId ?? ML_SITE;
		const { body } = await this.get<MlAdGroup>(
			'ads.adGroups.get',
			`/advertising/${site}/product_ads/ad_groups/${encodeURIComponent(input.adGroupId)}`,
			{
				date_from: input.dateFrom,
				date_to: input.dateTo,
				metrics: 'clicks,prints,cost,direct_amount,indirect_amount,total_amount',
				aggregation_type: 'daily',
			},
			{ 'api-version': '2' },
		);
		return body;
	}

	async getAdGroupItemIds(input: { siteId?: string; adGroupId: string }): Promise<string[]> {
		const site = input.siteId ?? ML_SITE;
		const ids: string[] = [];
		for (let offset = 0; ; offset += 50) {
			const { body } = await this.get<MlAdGroupAdsResponse>(
				'ads.adGroups.ads',
				`/advertising/${site}/product_ads/ad_groups/${encodeURIComponent(input.adGroupId)}/ads`,
				{ limit: 50, offset },
				{ 'api-version': '2' },
			);
			ids.push(...body.results.map((r) => String(r.item_id)));
			if (body.results.length === 0 || offset + 50 >= body.paging.total) return ids;
		}
	}
}
