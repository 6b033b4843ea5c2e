// OAuth 2 authorization code against Bling (API v3): the client is sent to Bling's authorization
// page with our signed `state`; Bling redirects back with a `code` that lasts one minute and may be
// used once (reusing it revokes the user's access). Token calls use HTTP Basic client auth, and
// every refresh rotates the refresh token: store the answer's pair each time (the vault does).
import { ApiError, HttpClient } from '../http';
import { InvalidGrantError } from '../warehouse/errors';
import type { TokenSet } from '../warehouse/types';
import { authorizeUrlOf, BlingApp, tokenUrlOf } from './config';
import { describeBlingError, isBlingInvalidGrant } from './errors';
import { blingLimiters } from './limits';

export type { TokenSet };

/** https://bling.com.br/Api/v3/oauth/authorize?response_type=code&client_id=…&state=… */
export function buildBlingAuthorizationUrl(input: { app: BlingApp; state: string; redirectUri?: string }): string {
	if (!input.state) throw new Error('Bling authorization needs a state');
	const url = new URL(authorizeUrlOf(input.app));
	url.searchParams.set('response_type', 'code');
	url.searchParams.set('client_id', input.app.clientId);
	url.searchParams.set('state', input.state);
	// Bling redirects to the URL registered for the app; send it only when one is configured.
	const redirectUri = input.redirectUri ?? input.app.redirectUri;
	if (redirectUri) url.searchParams.set('redirect_uri', redirectUri);
	return url.toString();
}

interface TokenResponse {
	access_token?: string;
	expires_in?: number;
	token_type?: string;
	scope?: string;
	refresh_token?: string;
}

function basicAuth(app: BlingApp): string {
	return `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}`;
}

async function tokenRequest(app: BlingApp, call: string, form: Record<string, string>, clientId?: string): Promise<TokenSet> {
	const limiters = blingLimiters(app);
	// No retry after a 5xx or timeout: a code or refresh token is single-use, and a lost answer's
	// retry would only earn invalid_grant (and count against the 20-calls-a-minute block).
	const http = new HttpClient({
		provider: 'Bling',
		baseUrl: tokenUrlOf(app),
		timeoutMs: app.timeoutMs ?? 30_000,
		retry: { maxAttempts: 1, maxRateLimitedAttempts: 3 },
		// The window last: a call counted in it goes out at once (the process bucket waits before).
		limiters: [limiters.process, limiters.tokenCalls],
		describeError: describeBlingError,
	});
	const started = Date.now();
	const response = await http.request<TokenResponse>({
		call,
		method: 'POST',
		path: tokenUrlOf(app),
		form,
		headers: { authorization: basicAuth(app) },
		clientId,
	});
	const body = response.body;
	if (!body || typeof body.access_token !== 'string' || body.access_token === '') {
		throw new ApiError({ provider: 'Bling', call, clientId, kind: 'invalid_response' });
	}
	return {
		accessToken: body.access_token,
		refreshToken: body.refresh_token ?? null,
		expiresAt: new Date(started + Number(body.expires_in ?? 21_600) * 1000),
		scopes: body.scope ? body.scope.split(/\s+/).filter(Boolean) : undefined,
	};
}

/** Exchanges the one-minute, single-use code: call it once, right away, and store the pair. */
export async function exchangeBlingCode(app: BlingApp, code: string, clientId?: string): Promise<TokenSet> {
	if (!code) throw new Error('Bling code exchange needs the code');
	try {
		return await tokenRequest(app, 'oauth.exchangeCode', { grant_type: 'authorization_code', code }, clientId);
	} catch (error) {
		if (isBlingInvalidGrant(error)) {
			throw new InvalidGrantError('Bling refused the authorization code (expired after one minute, or already used): authorize again');
		}
		throw error;
	}
}

/** One refresh; Bling rotates the refresh token, so the answer's pair must be stored. */
export async function refreshBlingTokens(app: BlingApp, refreshToken: string, clientId?: string): Promise<TokenSet> {
	try {
		return await tokenRequest(app, 'oauth.refresh', { grant_type: 'refresh_token', refresh_token: refreshToken }, clientId);
	} catch (error) {
		if (isBlingInvalidGrant(error)) {
			const who = clientId ? ` of client ${clientId}` : '';
			throw new InvalidGrantError(`Bling refused the refresh token${who} (invalid_grant): the client must authorize Bling again`);
		}
		throw error;
	}
}

/**
 * Proves the app's id and secret without any client: a refresh with a made-up token is answered
 * `invalid_grant` when the Basic credentials are right, and 401 when they are wrong.
 */
export async function testBlingApp(app: BlingApp): Promise<{ ok: boolean; message: string }> {
	try {
		await tokenRequest(app, 'oauth.test', { grant_type: 'refresh_token', refresh_token: 'viang-credential-test' });
		return { ok: true, message: 'Bling accepted the client ID and secret' };
	} catch (error) {
		if (isBlingInvalidGrant(error)) return { ok: true, message: 'Bling accepted the client ID and secret' };
		if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
			return { ok: false, message: `Bling refused the client ID or secret (HTTP ${error.status})` };
		}
		return { ok: false, message: error instanceof Error ? error.message : String(error) };
	}
}
