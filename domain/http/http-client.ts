// The JSON-over-HTTP client every provider uses: rate limiters → fetch with timeout → retries for
// 429/5xx/timeouts → ApiError. Providers add auth headers and error-body parsing; nothing here
// knows about Mercado Livre, Bling, Google Ads or WhatsApp.
import { ApiError } from './api-error';
import { fetchWithTimeout, FetchTimeoutError } from './fetch-with-timeout';
import { RateLimiter, sleep as realSleep } from './rate-limiter';
import { defaultRetryPolicy, parseRetryAfterMs, RetryPolicy, RetryState } from './retry-policy';

export type QueryValue = string | number | boolean | undefined | null;

export interface HttpRequest {
	/** Operation name for messages, e.g. `orders.search`. */
	call: string;
	method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
	/** Path relative to the base URL, or an absolute URL. */
	path: string;
	query?: Record<string, QueryValue>;
	headers?: Record<string, string>;
	json?: unknown;
	form?: Record<string, string>;
	clientId?: string;
	/** Limiters to pass before each attempt, in addition to the client's own. */
	limiters?: RateLimiter[];
	/** Overrides the client's policy for this call. */
	retry?: Partial<RetryPolicy>;
	/** Statuses returned as a response instead of thrown (e.g. 404 as "not found"). */
	acceptStatuses?: number[];
}

export interface HttpResponse<T = unknown> {
	status: number;
	headers: Headers;
	body: T;
}

export interface ProviderErrorInfo {
	code?: string;
	message?: string;
}

export interface HttpClientOptions {
	provider: string;
	baseUrl: string;
	timeoutMs?: number;
	retry?: Partial<RetryPolicy>;
	limiters?: RateLimiter[];
	defaultHeaders?: Record<string, string>;
	/** Reads the provider's error body shape. */
	describeError?: (body: unknown) => ProviderErrorInfo;
	fetchImpl?: typeof fetch;
	/** JSON parser (e.g. one that keeps big integer ids exact). */
	parseJson?: (text: string) => unknown;
	sleep?: (ms: number) => Promise<void>;
	random?: () => number;
}

export interface HttpStats {
	/** Attempts sent, including retries. */
	requests: number;
	retries: number;
	rateLimited: number;
}

export function buildUrl(baseUrl: string, path: string, query?: Record<string, QueryValue>): string {
	const url = /^https?:\/\//.test(path) ? new URL(path) : new URL(baseUrl.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`));
	for (const [key, value] of Object.entries(query ?? {})) {
		if (value === undefined || value === null) continue;
		url.searchParams.set(key, String(value));
	}
	return url.toString();
}

function parseBody(text: string, contentType: string | null, parseJson: (text: string) => unknown): unknown {
	if (!text) return undefined;
	if (contentType?.includes('json') || /^[[{]/.test(text.trim())) {
		try {
			return parseJson(text);
		} catch {
			return text;
		}
	}
	return text;
}

export class HttpClient {
	readonly stats: HttpStats = { requests: 0, retries: 0, rateLimited: 0 };
	readonly provider: string;
	baseUrl: string;
	private readonly timeoutMs: number;
	private readonly policy: RetryPolicy;
	private readonly limiters: RateLimiter[];
	private readonly options: HttpClientOptions;
	private readonly sleep: (ms: number) => Promise<void>;

	constructor(options: HttpClientOptions) {
		this.options = options;
		this.provider = options.provider;
		this.baseUrl = options.baseUrl;
		this.timeoutMs = options.timeoutMs ?? 30_000;
		this.policy = { ...defaultRetryPolicy, ...(options.retry ?? {}) };
		this.limiters = options.limiters ?? [];
		this.sleep = options.sleep ?? realSleep;
	}

	async request<T = unknown>(req: HttpRequest): Promise<HttpResponse<T>> {
		const method = req.method ?? 'GET';
		const url = buildUrl(this.baseUrl, req.path, req.query);
		const path = new URL(url).pathname;
		const policy = { ...this.policy, ...(req.retry ?? {}) };
		const state = new RetryState(policy, Date.now, this.options.random);
		const limiters = [...this.limiters, ...(req.limiters ?? [])];
		const headers: Record<string, string> = { accept: 'application/json', ...(this.options.defaultHeaders ?? {}), ...(req.headers ?? {}) };
		let body: string | undefined;
		if (req.form) {
			headers['content-type'] = 'application/x-www-form-urlencoded';
			body = new URLSearchParams(req.form).toString();
		} else if (req.json !== undefined) {
			headers['content-type'] = 'application/json';
			body = JSON.stringify(req.json);
		}
		const base = { provider: this.provider, call: req.call, clientId: req.clientId, method, path };

		for (;;) {
			for (const limiter of limiters) await limiter.acquire();
			this.stats.requests += 1;
			let failure: ApiError;
			let retryAfterMs: number | undefined;
			try {
				const response = await fetchWithTimeout(url, { method, headers, body }, this.timeoutMs, this.options.fetchImpl);
				const parsed = parseBody(response.text, response.headers.get('content-type'), this.options.parseJson ?? JSON.parse);
				if ((response.status >= 200 && response.status < 300) || req.acceptStatuses?.includes(response.status)) {
					return { status: response.status, headers: response.headers, body: parsed as T };
				}
				const info = this.options.describeError?.(parsed) ?? {};
				const kind = response.status === 429 ? 'rate_limited' : 'http';
				failure = new ApiError({ ...base, kind, status: response.status, code: info.code, providerMessage: info.message, attempts: state.attempts + 1 });
				if (response.status === 429) {
					this.stats.rateLimited += 1;
					retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'));
					// Hold everyone sharing these limiters, not only this caller.
					if (retryAfterMs !== undefined) for (const limiter of limiters) limiter.pauseUntil(Date.now() + retryAfterMs);
				}
			} catch (error) {
				const kind = error instanceof FetchTimeoutError ? 'timeout' : 'network';
				failure = new ApiError({ ...base, kind, attempts: state.attempts + 1, cause: error });
			}
			const outcome =
				failure.status === 429
					? ({ kind: 'rate_limited', retryAfterMs } as const)
					: failure.retryable
						? ({ kind: 'transient' } as const)
						: ({ kind: 'final' } as const);
			const decision = state.next(outcome);
			if (!decision.retry) throw failure;
			this.stats.retries += 1;
			await this.sleep(decision.delayMs);
		}
	}
}
