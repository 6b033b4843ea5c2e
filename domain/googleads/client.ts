// The Google Ads REST interface, as the manager account (MCC): GAQL search over
// customer_client_link / customer_client, and customerClientLinks:mutate. REST rather than the
// google-ads-api package: that package hard-codes Google's hosts and sends mutations over gRPC,
// so it cannot be pointed at a test server (docs/google-ads.md).
import { ApiError, HttpClient, type HttpResponse, type RetryPolicy } from '../http';
import type { GoogleAdsConfig } from './config';
import { customerIdFromResource } from './customer-id';
import { describeGoogleAdsError } from './errors';
import { AccessTokenCache, GoogleOAuth } from './oauth';
import type { ApiLinkStatus } from './status';

export interface ManagerLink {
	/** Client customer id, digits only. */
	customerId: string;
	status: ApiLinkStatus;
	managerLinkId: string;
	/** customers/{manager}/customerClientLinks/{client}~{managerLinkId} */
	resourceName: string;
}

export interface MutateResult {
	resourceName: string;
	managerLinkId: string;
	/** Google's request id of the call (response header), when sent. */
	requestId?: string;
}

export interface CustomerClient {
	customerId: string;
	descriptiveName: string | null;
	manager: boolean;
	level: number;
	status: string | null;
}

export interface GoogleAdsClientOptions {
	tokenCache?: AccessTokenCache;
	fetchImpl?: typeof fetch;
	sleep?: (ms: number) => Promise<void>;
	retry?: Partial<RetryPolicy>;
}

interface SearchPage<T> {
	results?: T[];
	nextPageToken?: string;
}

interface LinkRow {
	customerClientLink?: {
		resourceName?: string;
		clientCustomer?: string;
		managerLinkId?: string | number;
		status?: string;
	};
}

interface CustomerClientRow {
	customerClient?: {
		clientCustomer?: string;
		id?: string | number;
		descriptiveName?: string;
		manager?: boolean;
		level?: string | number;
		status?: string;
	};
}

const MAX_PAGES = 100;

/** `…/customerClientLinks/1234567890~42` → `42`. */
export function managerLinkIdOf(resourceName: string): string {
	return /~([0-9]+)$/.exec(resourceName)?.[1] ?? '';
}

/** The newest link (highest manager_link_id: ids only grow) of one client, if any. */
export function latestLinkOf(links: ManagerLink[], customerId: string): ManagerLink | undefined {
	let latest: ManagerLink | undefined;
	for (const link of links) {
		if (link.customerId !== customerId) continue;
		if (!latest || BigInt(link.managerLinkId || '0') > BigInt(latest.managerLinkId || '0')) latest = link;
	}
	return latest;
}

export class GoogleAdsClient {
	readonly managerCustomerId: string;
	private readonly http: HttpClient;
	private readonly oauth: GoogleOAuth;

	constructor(
		private readonly config: GoogleAdsConfig,
		options: GoogleAdsClientOptions = {},
	) {
		this.managerCustomerId = config.managerCustomerId;
		this.oauth = new GoogleOAuth(config, { cache: options.tokenCache, fetchImpl: options.fetchImpl, sleep: options.sleep });
		// Few attempts: quota 429s (RESOURCE_EXHAUSTED) are often daily and do not clear in seconds.
		this.http = new HttpClient({
			provider: 'Google Ads',
			baseUrl: config.apiUrl,
			timeoutMs: config.timeoutMs ?? 30_000,
			retry: { maxAttempts: 3, maxRateLimitedAttempts: 3, maxDelayMs: 10_000, ...(options.retry ?? {}) },
			describeError: describeGoogleAdsError,
			fetchImpl: options.fetchImpl,
			sleep: options.sleep,
		});
	}

	/** Every customer_client_link of the manager account (one customer's only, when given). */
	async listLinks(customerId?: string): Promise<ManagerLink[]> {
		let query =
			'SELECT customer_client_link.client_customer, customer_client_link.status, ' +
			'customer_client_link.manager_link_id, customer_client_link.resource_name FROM customer_client_link';
		if (customerId) query += ` WHERE customer_client_link.client_customer = 'customers/${customerId}'`;
		const rows = await this.search<LinkRow>(query, 'customerClientLinks.search');
		return rows
			.map((row) => row.customerClientLink)
			.filter((link): link is NonNullable<LinkRow['customerClientLink']> => !!link?.resourceName)
			.map((link) => ({
				customerId: customerIdFromResource(link.clientCustomer ?? link.resourceName!.split('/').pop()!.split('~')[0]),
				status: (link.status ?? 'UNKNOWN') as ApiLinkStatus,
				managerLinkId: String(link.managerLinkId ?? managerLinkIdOf(link.resourceName!)),
				resourceName: link.resourceName!,
			}));
	}

	async latestLink(customerId: string): Promise<ManagerLink | undefined> {
		return latestLinkOf(await this.listLinks(customerId), customerId);
	}

	/** The manager account itself (level 0 of customer_client): the credential test. */
	async managerAccount(): Promise<CustomerClient | undefined> {
		const clients = await this.customerClients(0);
		return clients.find((client) => client.customerId === this.managerCustomerId) ?? clients[0];
	}

	/** Accounts directly under the manager (level 1), with their names. */
	async directClients(): Promise<CustomerClient[]> {
		return this.customerClients(1);
	}

	/** Sends an invitation: a customer client link in PENDING. */
	async createInvitation(customerId: string): Promise<MutateResult> {
		return this.mutate(
			{ operation: { create: { clientCustomer: `customers/${customerId}`, status: 'PENDING' } } },
			'customerClientLinks.create',
		);
	}

	/** CANCELED withdraws a pending invitation; INACTIVE ends an active link. */
	async setLinkStatus(resourceName: string, status: 'CANCELED' | 'INACTIVE'): Promise<MutateResult> {
		return this.mutate(
			{ operation: { update: { resourceName, status }, updateMask: 'status' } },
			status === 'CANCELED' ? 'customerClientLinks.cancel' : 'customerClientLinks.deactivate',
		);
	}

	private async customerClients(level: number): Promise<CustomerClient[]> {
		const rows = await this.search<CustomerClientRow>(
			'SELECT customer_client.client_customer, customer_client.id, customer_client.descriptive_name, ' +
				'customer_client.manager, customer_client.level, customer_client.status ' +
				`FROM customer_client WHERE customer_client.level = ${level}`,
			'customerClients.search',
		);
		return rows
			.map((row) => row.customerClient)
			.filter((c): c is NonNullable<CustomerClientRow['customerClient']> => !!c)
			.map((c) => ({
				customerId: c.id !== undefined ? String(c.id) : customerIdFromResource(c.clientCustomer ?? ''),
				descriptiveName: c.descriptiveName ?? null,
				manager: Boolean(c.manager),
				level: Number(c.level ?? level),
				status: c.status ?? null,
			}));
	}

	private async mutate(body: Record<string, unknown>, call: string): Promise<MutateResult> {
		const response = await this.send<{ result?: { resourceName?: string } }>({
			call,
			path: `/${this.config.apiVersion}/customers/${this.managerCustomerId}/customerClientLinks:mutate`,
			json: body,
		});
		const resourceName = response.body?.result?.resourceName;
		if (!resourceName) {
			throw new ApiError({ provider: 'Google Ads', call, kind: 'invalid_response', providerMessage: 'no result.resourceName' });
		}
		return {
			resourceName,
			managerLinkId: managerLinkIdOf(resourceName),
			requestId: response.headers.get('request-id') ?? undefined,
		};
	}

	private async search<T>(query: string, call: string): Promise<T[]> {
		const rows: T[] = [];
		let pageToken: string | undefined;
		for (let page = 0; page < MAX_PAGES; page++) {
			const response = await this.send<SearchPage<T>>({
				call,
				path: `/${this.config.apiVersion}/customers/${this.managerCustomerId}/googleAds:search`,
				json: pageToken ? { query, pageToken } : { query },
			});
			rows.push(...(response.body?.results ?? []));
			pageToken = response.body?.nextPageToken;
			if (!pageToken) return rows;
		}
		throw new ApiError({ provider: 'Google Ads', call, kind: 'invalid_response', providerMessage: `more than ${MAX_PAGES} pages` });
	}

	/** POST with the three headers Google Ads wants; one retry with a new token after a 401. */
	private async send<T>(request: { call: string; path: string; json: unknown }): Promise<HttpResponse<T>> {
		for (let attempt = 1; ; attempt++) {
			const token = await this.oauth.accessToken();
			try {
				return await this.http.request<T>({
					call: request.call,
					method: 'POST',
					path: request.path,
					json: request.json,
					headers: {
						authorization: `Bearer ${token}`,
						'developer-token': this.config.developerToken,
						'login-customer-id': this.managerCustomerId,
					},
				});
			} catch (error) {
				if (attempt === 1 && error instanceof ApiError && error.status === 401) {
					this.oauth.invalidate();
					continue;
				}
				throw error;
			}
		}
	}
}
