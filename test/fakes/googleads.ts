// Fake Google Ads API (manager account side) and Google's OAuth token endpoint on loopback, built
// on FakeServer: refresh_token grant, `customerClientLinks:mutate` and `googleAds:search` (GAQL over
// customer_client_link and customer_client) with the ManagerLinkStatus state machine, the three
// headers the real API requires, Google's error bodies (GoogleAdsFailure), and test-only controls
// to answer an invitation on the client's behalf (methods, or POST /__control/… for other processes).
import { randomBytes } from 'node:crypto';
import { FakeRequest, FakeResponse, FakeServer } from './base';

export type FakeLinkStatus = 'PENDING' | 'ACTIVE' | 'REFUSED' | 'CANCELED' | 'INACTIVE';

export interface FakeLink {
	customerId: string;
	managerLinkId: string;
	status: FakeLinkStatus;
}

export interface FakeAccount {
	customerId: string;
	name: string;
}

export interface FakeGoogleAdsOptions {
	developerToken?: string;
	clientId?: string;
	clientSecret?: string;
	refreshToken?: string;
	managerCustomerId?: string;
	managerName?: string;
	/** Client accounts that exist (others answer INVALID_CUSTOMER_ID). */
	accounts?: FakeAccount[];
	accessTokenTtlSeconds?: number;
	/** Rows per search page (the real API: 10,000). */
	pageSize?: number;
}

export const FAKE_GOOGLE_ADS_DEFAULTS = {
	developerToken: 'fake-dev-token-0123456789',
	clientId: 'fake-client-id.apps.googleusercontent.com',
	clientSecret: 'fake-client-secret',
	refreshToken: '1//fake-refresh-token',
	managerCustomerId: '9998887777',
};

type ClientAction = 'accept' | 'refuse' | 'terminate';

const CLIENT_TRANSITIONS: Record<ClientAction, { from: FakeLinkStatus; to: FakeLinkStatus }> = {
	accept: { from: 'PENDING', to: 'ACTIVE' },
	refuse: { from: 'PENDING', to: 'REFUSED' },
	terminate: { from: 'ACTIVE', to: 'INACTIVE' },
};

export class FakeGoogleAds {
	readonly server = new FakeServer('google-ads');
	readonly developerToken: string;
	readonly clientId: string;
	readonly clientSecret: string;
	readonly managerCustomerId: string;
	readonly links: FakeLink[] = [];
	readonly accounts = new Map<string, FakeAccount>();
	refreshToken: string;
	/** Every access token issued, with its expiry (ms). */
	readonly accessTokens = new Map<string, number>();
	/** When set, every API call answers 403 USER_PERMISSION_DENIED. */
	permissionDenied = false;
	/** API calls still to answer 429 RESOURCE_EXHAUSTED (Infinity: until reset). */
	quotaExhaustedCalls = 0;
	pageSize: number;

	private readonly managerName: string;
	private readonly ttlSeconds: number;
	private nextLinkId = 310_000_000_001n;

	constructor(options: FakeGoogleAdsOptions = {}) {
		this.developerToken = options.developerToken ?? FAKE_GOOGLE_ADS_DEFAULTS.developerToken;
		this.clientId = options.clientId ?? FAKE_GOOGLE_ADS_DEFAULTS.clientId;
		this.clientSecret = options.clientSecret ?? FAKE_GOOGLE_ADS_DEFAULTS.clientSecret;
		this.refreshToken = options.refreshToken ?? FAKE_GOOGLE_ADS_DEFAULTS.refreshToken;
		this.managerCustomerId = options.managerCustomerId ?? FAKE_GOOGLE_ADS_DEFAULTS.managerCustomerId;
		this.managerName = options.managerName ?? 'Viang MCC';
		this.ttlSeconds = options.accessTokenTtlSeconds ?? 3599;
		this.pageSize = options.pageSize ?? 10_000;
		for (const account of options.accounts ?? []) this.addAccount(account.customerId, account.name);
		this.server
			.route('POST', '/token', (r) => this.token(r))
			.route('POST', '/:version/customers/:customer/googleAds:search', (r) => this.api(r, () => this.search(r)))
			.route('POST', '/:version/customers/:customer/customerClientLinks:mutate', (r) => this.api(r, () => this.mutate(r)))
			.route('POST', '/__control/customers/:customer/:action', (r) => this.control(r))
			.setFaults({ exempt: /^\/__control\// });
	}

	async start(port = 0): Promise<string> {
		return this.server.start(port);
	}

	stop(): Promise<void> {
		return this.server.stop();
	}

	get apiUrl(): string {
		return this.server.url;
	}

	get tokenUrl(): string {
		return `${this.server.url}/token`;
	}

	/** Settings a GoogleAdsConfig (or the n8n credential) needs to reach this fake. */
	config() {
		return {
			developerToken: this.developerToken,
			clientId: this.clientId,
			clientSecret: this.clientSecret,
			refreshToken: this.refreshToken,
			managerCustomerId: this.managerCustomerId,
			apiVersion: 'v26',
			apiUrl: this.apiUrl,
			tokenUrl: this.tokenUrl,
		};
	}

	addAccount(customerId: string, name: string): this {
		this.accounts.set(customerId, { customerId, name });
		return this;
	}

	/** The newest link of an account. */
	link(customerId: string): FakeLink | undefined {
		return this.links.filter((l) => l.customerId === customerId).at(-1);
	}

	/** The client accepts the pending invitation. */
	accept(customerId: string): FakeLink {
		return this.clientAction(customerId, 'accept');
	}

	/** The client refuses the pending invitation. */
	refuse(customerId: string): FakeLink {
		return this.clientAction(customerId, 'refuse');
	}

	/** The client ends an active link from its side. */
	terminate(customerId: string): FakeLink {
		return this.clientAction(customerId, 'terminate');
	}

	/** Access tokens stop working (as if revoked/expired early). */
	expireAccessTokens(): void {
		this.accessTokens.clear();
	}

	revokeRefreshToken(): void {
		this.refreshToken = `revoked-${randomBytes(4).toString('hex')}`;
	}

	/** API calls, without OAuth and control calls. */
	apiCalls(pattern: RegExp = /\/customers\//) {
		return this.server.requests.filter((r) => pattern.test(r.path) && !r.path.startsWith('/__control/'));
	}

	mutateCalls() {
		return this.server.calls(/customerClientLinks:mutate$/, 'POST');
	}

	tokenCalls() {
		return this.server.calls('/token', 'POST');
	}

	private clientAction(customerId: string, action: ClientAction): FakeLink {
		const link = this.link(customerId);
		const rule = CLIENT_TRANSITIONS[action];
		if (!link || link.status !== rule.from) {
			throw new Error(`fake Google Ads: cannot ${action} ${customerId}: link is ${link?.status ?? 'missing'}`);
		}
		link.status = rule.to;
		return link;
	}

	// OAuth ----------------------------------------------------------------------------------

	private token(request: FakeRequest): FakeResponse {
		const form = (request.body ?? {}) as Record<string, string>;
		if (form.grant_type !== 'refresh_token') {
			return { status: 400, body: { error: 'unsupported_grant_type', error_description: `Invalid grant_type: ${form.grant_type ?? ''}` } };
		}
		if (form.client_id !== this.clientId || form.client_secret !== this.clientSecret) {
			return { status: 401, body: { error: 'invalid_client', error_description: 'The OAuth client was not found.' } };
		}
		if (form.refresh_token !== this.refreshToken) {
			return { status: 400, body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' } };
		}
		const accessToken = `ya29.fake-${randomBytes(24).toString('base64url')}`;
		this.accessTokens.set(accessToken, Date.now() + this.ttlSeconds * 1000);
		return {
			body: {
				access_token: accessToken,
				expires_in: this.ttlSeconds,
				scope: 'https://www.googleapis.com/auth/adwords',
				token_type: 'Bearer',
			},
		};
	}

	// API ------------------------------------------------------------------------------------

	private requestId(): string {
		return randomBytes(16).toString('base64url').replace(/[-_]/g, 'x').slice(0, 22);
	}

	private failure(
		request: FakeRequest,
		httpCode: number,
		status: string,
		message: string,
		errors: Array<{ errorCode: Record<string, string>; message: string; details?: unknown }>,
	): FakeResponse {
		const requestId = this.requestId();
		const version = request.params.version ?? 'v26';
		return {
			status: httpCode,
			headers: { 'request-id': requestId },
			body: {
				error: {
					code: httpCode,
					message,
					status,
					details: [
						{
							'@type': `type.googleapis.com/google.ads.googleads.${version}.errors.GoogleAdsFailure`,
							errors,
							requestId,
						},
					],
				},
			},
		};
	}

	private invalidArgument(request: FakeRequest, errorCode: Record<string, string>, message: string): FakeResponse {
		return this.failure(request, 400, 'INVALID_ARGUMENT', 'Request contains an invalid argument.', [{ errorCode, message }]);
	}

	/** The checks every API call goes through, in the real API's order. */
	private api(request: FakeRequest, handler: () => FakeResponse): FakeResponse {
		const auth = String(request.headers.authorization ?? '');
		const token = /^Bearer (.+)$/.exec(auth)?.[1];
		const expiresAt = token ? this.accessTokens.get(token) : undefined;
		if (!token || expiresAt === undefined || expiresAt < Date.now()) {
			return {
				status: 401,
				body: {
					error: {
						code: 401,
						message:
							'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
						status: 'UNAUTHENTICATED',
					},
				},
			};
		}
		const developerToken = request.headers['developer-token'];
		if (!developerToken) {
			return this.invalidArgument(
				request,
				{ authenticationError: 'DEVELOPER_TOKEN_PARAMETER_MISSING' },
				'Developer token parameter is missing in the request header.',
			);
		}
		if (developerToken !== this.developerToken) {
			return this.failure(request, 401, 'UNAUTHENTICATED', 'Request is missing required authentication credential.', [
				{ errorCode: { authenticationError: 'DEVELOPER_TOKEN_INVALID' }, message: 'The developer token is not valid.' },
			]);
		}
		const login = String(request.headers['login-customer-id'] ?? '');
		if (this.permissionDenied || login !== this.managerCustomerId || request.params.customer !== this.managerCustomerId) {
			return this.failure(request, 403, 'PERMISSION_DENIED', "The caller does not have permission", [
				{
					errorCode: { authorizationError: 'USER_PERMISSION_DENIED' },
					message:
						"User doesn't have permission to access customer. Note: If you're accessing a client customer, the manager's customer id must be set in the 'login-customer-id' header. See https://developers.google.com/google-ads/api/docs/concepts/call-structure#cid",
				},
			]);
		}
		if (this.quotaExhaustedCalls > 0) {
			this.quotaExhaustedCalls -= 1;
			return this.failure(request, 429, 'RESOURCE_EXHAUSTED', 'Resource has been exhausted (e.g. check quota).', [
				{
					errorCode: { quotaError: 'RESOURCE_EXHAUSTED' },
					message: 'Too many requests. Retry in 86400 seconds.',
					details: { quotaErrorDetails: { rateScope: 'DEVELOPER', rateName: 'Number of operations for basic access', retryDelay: '86400s' } },
				},
			]);
		}
		const response = handler();
		return { ...response, headers: { 'request-id': this.requestId(), ...(response.headers ?? {}) } };
	}

	private resourceName(link: FakeLink): string {
		return `customers/${this.managerCustomerId}/customerClientLinks/${link.customerId}~${link.managerLinkId}`;
	}

	private mutate(request: FakeRequest): FakeResponse {
		// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a request body of any shape
		const body = (request.body ?? {}) as { operation?: Record<string, any>; validateOnly?: boolean };
		const operation = body.operation;
		if (!operation || Array.isArray(operation)) {
			return this.invalidArgument(request, { requestError: 'OPERATION_REQUIRED' }, 'At least one operation is required.');
		}
		if (operation.create) {
			const customerId = /^customers\/([0-9]+)$/.exec(String(operation.create.clientCustomer ?? ''))?.[1];
			if (!customerId || !this.accounts.has(customerId)) {
				return this.invalidArgument(request, { requestError: 'INVALID_CUSTOMER_ID' }, `Invalid customer ID '${customerId ?? ''}'.`);
			}
			if (customerId === this.managerCustomerId) {
				return this.invalidArgument(request, { managerLinkError: 'CANNOT_MANAGE_SELF' }, 'A manager cannot manage itself.');
			}
			if (operation.create.status !== 'PENDING') {
				return this.invalidArgument(request, { managerLinkError: 'INVALID_LINK_STATUS' }, 'A new link must be PENDING.');
			}
			const latest = this.link(customerId);
			if (latest?.status === 'PENDING') {
				return this.invalidArgument(
					request,
					{ managerLinkError: 'ALREADY_INVITED_BY_THIS_MANAGER' },
					'The customer is already invited by this manager.',
				);
			}
			if (latest?.status === 'ACTIVE') {
				return this.invalidArgument(
					request,
					{ managerLinkError: 'ALREADY_MANAGED_BY_THIS_MANAGER' },
					'The customer is already managed by this manager.',
				);
			}
			const link: FakeLink = { customerId, managerLinkId: String(this.nextLinkId++), status: 'PENDING' };
			if (!body.validateOnly) this.links.push(link);
			return { body: { result: { resourceName: this.resourceName(link) } } };
		}
		if (operation.update) {
			if (!String(operation.updateMask ?? '').split(',').includes('status')) {
				return this.invalidArgument(request, { fieldMaskError: 'FIELD_NOT_FOUND' }, 'The update mask must name "status".');
			}
			const resourceName = String(operation.update.resourceName ?? '');
			const link = this.links.find((l) => this.resourceName(l) === resourceName);
			if (!link) {
				return this.invalidArgument(request, { mutateError: 'RESOURCE_NOT_FOUND' }, 'The requested resource was not found.');
			}
			const to = operation.update.status;
			const allowed = (link.status === 'PENDING' && to === 'CANCELED') || (link.status === 'ACTIVE' && to === 'INACTIVE');
			if (!allowed) {
				return this.invalidArgument(
					request,
					{ managerLinkError: 'INVALID_LINK_STATUS' },
					`The link status cannot change from ${link.status} to ${String(to)}.`,
				);
			}
			if (!body.validateOnly) link.status = to;
			return { body: { result: { resourceName } } };
		}
		return this.invalidArgument(request, { requestError: 'OPERATION_REQUIRED' }, 'The operation must be create or update.');
	}

	private search(request: FakeRequest): FakeResponse {
		const body = (request.body ?? {}) as { query?: string; pageToken?: string };
		const query = String(body.query ?? '').replace(/\s+/g, ' ').trim();
		const from = /\bFROM ([a-z_]+)/i.exec(query)?.[1];
		let rows: unknown[];
		let fieldMask: string;
		if (from === 'customer_client_link') {
			const only = /customer_client_link\.client_customer = '(customers\/[0-9]+)'/.exec(query)?.[1];
			rows = this.links
				.filter((l) => !only || `customers/${l.customerId}` === only)
				.map((l) => ({
					customerClientLink: {
						resourceName: this.resourceName(l),
						clientCustomer: `customers/${l.customerId}`,
						managerLinkId: l.managerLinkId,
						status: l.status,
					},
				}));
			fieldMask = 'customerClientLink.clientCustomer,customerClientLink.status,customerClientLink.managerLinkId,customerClientLink.resourceName';
		} else if (from === 'customer_client') {
			const level = /customer_client\.level = ([0-9]+)/.exec(query)?.[1];
			const all = [
				{ customerId: this.managerCustomerId, name: this.managerName, manager: true, level: 0 },
				...[...this.accounts.values()]
					.filter((a) => this.link(a.customerId)?.status === 'ACTIVE')
					.map((a) => ({ customerId: a.customerId, name: a.name, manager: false, level: 1 })),
			];
			rows = all
				.filter((c) => level === undefined || c.level === Number(level))
				.map((c) => ({
					customerClient: {
						resourceName: `customers/${this.managerCustomerId}/customerClients/${c.customerId}`,
						clientCustomer: `customers/${c.customerId}`,
						id: c.customerId,
						descriptiveName: c.name,
						manager: c.manager,
						level: String(c.level),
						status: 'ENABLED',
					},
				}));
			fieldMask = 'customerClient.clientCustomer,customerClient.id,customerClient.descriptiveName,customerClient.manager,customerClient.level,customerClient.status';
		} else {
			return this.invalidArgument(
				request,
				{ queryError: 'INVALID_RESOURCE_NAME_IN_FROM_CLAUSE' },
				`Error in query: unexpected input ${from ?? query.slice(0, 40)}.`,
			);
		}
		const start = body.pageToken ? Number(Buffer.from(body.pageToken, 'base64url').toString('utf8')) : 0;
		const page = rows.slice(start, start + this.pageSize);
		const next = start + this.pageSize < rows.length ? Buffer.from(String(start + this.pageSize)).toString('base64url') : undefined;
		return { body: { results: page.length > 0 ? page : undefined, fieldMask, ...(next ? { nextPageToken: next } : {}) } };
	}

	private control(request: FakeRequest): FakeResponse {
		const action = request.params.action as ClientAction;
		if (!(action in CLIENT_TRANSITIONS)) return { status: 404, body: { message: `unknown action ${action}` } };
		try {
			const link = this.clientAction(request.params.customer, action);
			return { body: { customerId: link.customerId, managerLinkId: link.managerLinkId, status: link.status } };
		} catch (error) {
			return { status: 409, body: { message: (error as Error).message } };
		}
	}
}
