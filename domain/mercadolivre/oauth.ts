// OAuth 2 authorization-code flow with PKCE (S256) against Mercado Livre Brazil, plus refresh with
// rotation and the client_credentials grant (used to test an app's id and secret).
import { createHash, randomBytes } from 'node:crypto';
import { ApiError, HttpClient } from '../http';
import { apiUrlOf, authUrlOf, MercadoLivreApp } from './config';
import { describeMlError } from './errors';
import { parseJsonLossless } from './json';

export interface TokenSet {
	accessToken: string;
	refreshToken: string | null;
	expiresAt: Date;
	scopes?: string[];
	/** The Mercado Livre user id the tokens act for. */
	accountId?: string;
}

export interface Pkce {
	verifier: string;
	challenge: string;
	method: 'S256';
}

/** RFC 7636: 43–128 characters verifier, challenge = BASE64URL(SHA256(verifier)). */
export function createPkce(): Pkce {
	const verifier = randomBytes(48).toString('base64url');
	return { verifier, challenge: pkceChallenge(verifier), method: 'S256' };
}

export function pkceChallenge(verifier: string): string {
	return createHash('sha256').update(verifier).digest('base64url');
}

export function createState(): string {
	return randomBytes(24).toString('base64url');
}

export interface AuthorizationUrlInput {
	state: string;
	codeChallenge: string;
	redirectUri?: string;
}

/** https://auth.mercadolivre.com.br/authorization?response_type=code&client_id=…&state=…&code_challenge=… */
export function buildAuthorizationUrl(app: MercadoLivreApp, input: AuthorizationUrlInput): string {
	const redirectUri = input.redirectUri ?? app.redirectUri;
	if (!redirectUri) throw new Error('Mercado Livre authorization needs a redirect URI');
	const url = new URL(`${authUrlOf(app)}/authorization`);
	url.searchParams.set('response_type', 'code');
	url.searchParams.set('client_id', app.clientId);
	url.searchParams.set('redirect_uri', redirectUri);
	url.searchParams.set('state', input.state);
	url.searchParams.set('code_challenge', input.codeChallenge);
	url.searchParams.set('code_challenge_method', 'S256');
	return url.toString();
}

interface TokenResponse {
	access_token: string;
	token_type?: string;
	expires_in: number;
	scope?: string;
	user_id?: number | string | null;
	refresh_token?: string;
}

function oauthHttp(app: MercadoLivreApp): HttpClient {
	// Token calls are retried for 5xx/timeouts only a little: a code or refresh token is single-use,
	// and a retry after an answer that got lost would fail with invalid_grant anyway.
	return new HttpClient({
		provider: 'Mercado Livre',
		baseUrl: apiUrlOf(app),
		timeoutMs: app.timeoutMs ?? 30_000,
		retry: { maxAttempts: 3 },
		describeError: describeMlError,
		parseJson: parseJsonLossless,
	});
}

function toTokenSet(body: TokenResponse, now = Date.now()): TokenSet {
	if (!body || typeof body.access_token !== 'string') {
		throw new ApiError({ provider: 'Mercado Livre', call: 'oauth.token', kind: 'invalid_response' });
	}
	return {
		accessToken: body.access_token,
		refreshToken: body.refresh_token ?? null,
		expiresAt: new Date(now + Number(body.expires_in ?? 21_600) * 1000),
		scopes: body.scope ? body.scope.split(/\s+/).filter(Boolean) : undefined,
		accountId: body.user_id === null || body.user_id === undefined ? undefined : String(body.user_id),
	};
}

async function tokenRequest(app: MercadoLivreApp, call: string, form: Record<string, string>, clientId?: string): Promise<TokenSet> {
	const response = await oauthHttp(app).request<TokenResponse>({
		call,
		method: 'POST',
		path: '/oauth/token',
		form: { client_id: app.clientId, client_secret: app.clientSecret, ...form },
		clientId,
	});
	return toTokenSet(response.body);
}

export function exchangeCode(
	app: MercadoLivreApp,
	input: { code: string; codeVerifier: string; redirectUri?: string },
	clientId?: string,
): Promise<TokenSet> {
	const redirectUri = input.redirectUri ?? app.redirectUri;
	if (!redirectUri) throw new Error('Mercado Livre code exchange needs the redirect URI');
	return tokenRequest(
		app,
		'oauth.exchangeCode',
		{ grant_type: 'authorization_code', code: input.code, redirect_uri: redirectUri, code_verifier: input.codeVerifier },
		clientId,
	);
}

/** One refresh: Mercado Livre rotates the refresh token, so the answer's pair must be stored. */
export function refreshTokens(app: MercadoLivreApp, refreshToken: string, clientId?: string): Promise<TokenSet> {
	return tokenRequest(app, 'oauth.refresh', { grant_type: 'refresh_token', refresh_token: refreshToken }, clientId);
}

/** An app-only token: proves the client id and secret work (credential test). */
export function clientCredentialsToken(app: MercadoLivreApp): Promise<TokenSet> {
	return tokenRequest(app, 'oauth.clientCredentials', { grant_type: 'client_credentials' });
}

export function isInvalidGrant(error: unknown): boolean {
	return error instanceof ApiError && error.code === 'invalid_grant';
}
