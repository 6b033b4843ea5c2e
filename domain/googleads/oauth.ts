// Access tokens from the refresh token (OAuth 2 refresh_token grant). Tokens are cached per
// (token URL, client, refresh token) for the whole process until a minute before they expire, and
// concurrent callers share one refresh: n8n builds a new client per execution, the cache outlives it.
import { createHash } from 'node:crypto';
import { HttpClient, type RetryPolicy } from '../http';
import type { GoogleAdsConfig } from './config';
import { describeGoogleAdsError } from './errors';

const EXPIRY_MARGIN_MS = 60_000;

interface CachedToken {
	accessToken: string;
	expiresAt: number;
}

export class AccessTokenCache {
	private readonly tokens = new Map<string, CachedToken>();
	private readonly inFlight = new Map<string, Promise<CachedToken>>();

	constructor(private readonly now: () => number = Date.now) {}

	async get(key: string, refresh: () => Promise<CachedToken>): Promise<string> {
		const cached = this.tokens.get(key);
		if (cached && cached.expiresAt - EXPIRY_MARGIN_MS > this.now()) return cached.accessToken;
		let pending = this.inFlight.get(key);
		if (!pending) {
			pending = refresh().finally(() => this.inFlight.delete(key));
			this.inFlight.set(key, pending);
		}
		const token = await pending;
		this.tokens.set(key, token);
		return token.accessToken;
	}

	invalidate(key: string): void {
		this.tokens.delete(key);
	}

	clear(): void {
		this.tokens.clear();
	}
}

export const sharedAccessTokenCache = new AccessTokenCache();

interface TokenResponse {
	access_token?: string;
	expires_in?: number | string;
	token_type?: string;
}

export interface GoogleOAuthOptions {
	cache?: AccessTokenCache;
	fetchImpl?: typeof fetch;
	sleep?: (ms: number) => Promise<void>;
	retry?: Partial<RetryPolicy>;
}

export class GoogleOAuth {
	private readonly cache: AccessTokenCache;
	private readonly http: HttpClient;
	private readonly key: string;

	constructor(
		private readonly config: Pick<GoogleAdsConfig, 'clientId' | 'clientSecret' | 'refreshToken' | 'tokenUrl' | 'timeoutMs'>,
		options: GoogleOAuthOptions = {},
	) {
		this.cache = options.cache ?? sharedAccessTokenCache;
		this.http = new HttpClient({
			provider: 'Google OAuth',
			baseUrl: config.tokenUrl,
			timeoutMs: config.timeoutMs ?? 30_000,
			retry: { maxAttempts: 3, maxRateLimitedAttempts: 3, ...(options.retry ?? {}) },
			describeError: describeGoogleAdsError,
			fetchImpl: options.fetchImpl,
			sleep: options.sleep,
		});
		// A hash, so the cache never holds the refresh token or secret as a readable key.
		this.key = createHash('sha256')
			.update([config.tokenUrl, config.clientId, config.clientSecret, config.refreshToken].join('\n'))
			.digest('hex');
	}

	accessToken(): Promise<string> {
		return this.cache.get(this.key, () => this.refresh());
	}

	/** After a 401: the cached token is no good any more. */
	invalidate(): void {
		this.cache.invalidate(this.key);
	}

	private async refresh(): Promise<CachedToken> {
		const started = Date.now();
		const response = await this.http.request<TokenResponse>({
			call: 'token.refresh',
			method: 'POST',
			path: this.config.tokenUrl,
			form: {
				grant_type: 'refresh_token',
				refresh_token: this.config.refreshToken,
				client_id: this.config.clientId,
				client_secret: this.config.clientSecret,
			},
		});
		const body = response.body;
		if (!body || typeof body.access_token !== 'string' || !body.access_token) {
			throw new Error('Google OAuth token.refresh returned no access token');
		}
		const expiresIn = Number(body.expires_in ?? 3600);
		return { accessToken: body.access_token, expiresAt: started + (Number.isFinite(expiresIn) ? expiresIn : 3600) * 1000 };
	}
}
