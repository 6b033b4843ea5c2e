// Provider tokens, encrypted before they reach the database, and single-flight refresh.
//
// Providers rotate refresh tokens and a refresh token used twice locks the client out, so for one
// (client, provider) exactly one refresh may run at a time, across processes (n8n executions, CLI):
//  1. in-process, concurrent callers share one promise;
//  2. across processes, the database arbitrates: a caller claims a lease on the credentials row
//     for the version it read (wh_credentials_claim_refresh); the winner calls the provider and
//     stores the new pair in one statement that bumps the version; losers poll until the version
//     changes and read the new token.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { TokenCipher } from '../crypto/token-cipher';
import { InvalidGrantError, NeedsReauthError, NoCredentialsError } from './errors';
import { errorMessage } from './redact';
import { toDate, toNumber, toStringArray, toStringOrNull } from './row-values';
import { WarehouseError, type WarehouseTransport } from './transport';
import type { Provider, TokenSet } from './types';

export interface RefreshContext {
	clientId: string;
	provider: Provider;
}

/** Calls the provider's token endpoint. Throw InvalidGrantError when it answers `invalid_grant`. */
export type TokenRefresher = (refreshToken: string, context: RefreshContext) => Promise<TokenSet>;

export interface FreshTokenOptions {
	/** Refresh when the access token expires within this many seconds (default 300). */
	marginSeconds?: number;
	/** How long a refresh may hold the lease before another process may take over (default 60). */
	leaseSeconds?: number;
	/** How long a waiter waits for another process's refresh (default: lease + 15 s). */
	waitTimeoutMs?: number;
	/**
	 * The provider rejected the current access token (HTTP 401): refresh even if it looks valid,
	 * unless someone already replaced `rejectedAccessToken` with another one.
	 */
	forceRefresh?: boolean;
	rejectedAccessToken?: string;
}

export class TokenRefreshError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'TokenRefreshError';
	}
}

interface CredentialsRow {
	access_token_enc: string | null;
	refresh_token_enc: string | null;
	expires_at: unknown;
	expires_in_seconds: unknown;
	scopes: unknown;
	provider_account_id: unknown;
	version: unknown;
	lease_active: boolean;
	needs_reauth: boolean;
}

function isInvalidGrant(error: unknown): boolean {
	if (error instanceof InvalidGrantError) return true;
	const candidate = error as { name?: unknown; code?: unknown } | undefined;
	return candidate?.name === 'InvalidGrantError' || candidate?.code === 'invalid_grant';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class TokenVault {
	/** Identifies this vault's leases (host, process, instance) for diagnosis. */
	readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
	private readonly inflight = new Map<string, Promise<string>>();

	constructor(
		private readonly transport: WarehouseTransport,
		private readonly cipher: () => TokenCipher,
	) {}

	/** Stores a fresh pair (OAuth callback, re-authorization): clears needs_reauth and bumps the version. */
	async storeTokens(clientId: string, provider: Provider, tokens: TokenSet): Promise<{ version: number }> {
		if (!tokens.accessToken) throw new TypeError('storeTokens needs an access token');
		const cipher = this.cipher();
		const rows = await this.transport.rpc('wh_credentials_store', {
			p_client_id: clientId,
			p_provider: provider,
			p_access_enc: cipher.encrypt(tokens.accessToken),
			p_refresh_enc: tokens.refreshToken ? cipher.encrypt(tokens.refreshToken) : null,
			p_expires_at: tokens.expiresAt.toISOString(),
			p_scopes: tokens.scopes ?? [],
			p_account_id: tokens.accountId ?? null,
		});
		return { version: toNumber(rows[0].version) };
	}

	/** The stored pair, decrypted (null when there is none). Does not refresh. */
	async getTokens(clientId: string, provider: Provider): Promise<(TokenSet & { version: number; needsReauth: boolean }) | null> {
		const row = await this.read(clientId, provider);
		if (!row) return null;
		const cipher = this.cipher();
		return {
			accessToken: row.access_token_enc ? cipher.decrypt(row.access_token_enc) : '',
			refreshToken: row.refresh_token_enc ? cipher.decrypt(row.refresh_token_enc) : null,
			expiresAt: toDate(row.expires_at),
			scopes: toStringArray(row.scopes),
			accountId: toStringOrNull(row.provider_account_id) ?? undefined,
			version: toNumber(row.version),
			needsReauth: row.needs_reauth,
		};
	}

	/**
	 * An access token valid for at least `marginSeconds`, refreshing it when needed with exactly one
	 * call to `refresher` however many callers and processes ask at once.
	 */
	getFreshAccessToken(
		clientId: string,
		provider: Provider,
		refresher: TokenRefresher,
		options: FreshTokenOptions = {},
	): Promise<string> {
		// Forced refreshes coalesce among themselves: a pending normal call may return the rejected token.
		const key = `${clientId}:${provider}:${options.forceRefresh ? 'force' : 'normal'}`;
		const pending = this.inflight.get(key);
		if (pending) return pending;
		const started = this.obtain(clientId, provider, refresher, options).finally(() => this.inflight.delete(key));
		this.inflight.set(key, started);
		return started;
	}

	async markNeedsReauth(clientId: string, provider: Provider, reason = 'marcado manualmente'): Promise<void> {
		await this.transport.rpc('wh_credentials_mark_needs_reauth', {
			p_client_id: clientId,
			p_provider: provider,
			p_reason: errorMessage(reason),
		});
	}

	private async read(clientId: string, provider: Provider): Promise<CredentialsRow | null> {
		const rows = await this.transport.rpc<CredentialsRow>('wh_credentials_get', {
			p_client_id: clientId,
			p_provider: provider,
		});
		return rows[0] ?? null;
	}

	private async obtain(
		clientId: string,
		provider: Provider,
		refresher: TokenRefresher,
		options: FreshTokenOptions,
	): Promise<string> {
		const margin = options.marginSeconds ?? 300;
		const leaseSeconds = options.leaseSeconds ?? 60;
		const deadline = Date.now() + (options.waitTimeoutMs ?? (leaseSeconds + 15) * 1000);
		let firstVersion: number | undefined;
		let delay = 20;
		for (;;) {
			const row = await this.read(clientId, provider);
			if (!row) throw new NoCredentialsError(clientId, provider);
			if (row.needs_reauth) throw new NeedsReauthError(clientId, provider);
			const version = toNumber(row.version);
			const expiresIn = toNumber(row.expires_in_seconds);
			firstVersion ??= version;
			if (row.access_token_enc && expiresIn > 0) {
				const accessToken = this.cipher().decrypt(row.access_token_enc);
				// A pair another caller just stored is taken as long as it is valid at all: a provider whose
				// tokens live shorter than the margin must not cause a refresh loop.
				if (version !== firstVersion) return accessToken;
				if (options.forceRefresh) {
					if (options.rejectedAccessToken !== undefined && accessToken !== options.rejectedAccessToken) return accessToken;
				} else if (expiresIn > margin) {
					return accessToken;
				}
			}
			if (!row.lease_active) {
				if (!row.refresh_token_enc) {
					await this.markNeedsReauth(clientId, provider, 'token expirado e sem refresh token');
					throw new NeedsReauthError(clientId, provider);
				}
				const claim = await this.transport.rpc<{ claimed: boolean }>('wh_credentials_claim_refresh', {
					p_client_id: clientId,
					p_provider: provider,
					p_expected_version: version,
					p_owner: this.owner,
					p_lease_seconds: leaseSeconds,
				});
				if (claim[0]?.claimed) return this.refreshClaimed(clientId, provider, version, row.refresh_token_enc, refresher);
			}
			if (Date.now() > deadline) {
				throw new TokenRefreshError(`Tempo esgotado esperando a renovação do token de ${provider} do cliente ${clientId}`);
			}
			await sleep(delay);
			delay = Math.min(delay * 2, 250);
		}
	}

	private async refreshClaimed(
		clientId: string,
		provider: Provider,
		version: number,
		refreshTokenEnc: string,
		refresher: TokenRefresher,
	): Promise<string> {
		const cipher = this.cipher();
		const refreshToken = cipher.decrypt(refreshTokenEnc);
		let fresh: TokenSet;
		try {
			fresh = await refresher(refreshToken, { clientId, provider });
		} catch (error) {
			const invalidGrant = isInvalidGrant(error);
			const message = errorMessage(error, [refreshToken]);
			await this.transport.rpc('wh_credentials_fail_refresh', {
				p_client_id: clientId,
				p_provider: provider,
				p_owner: this.owner,
				p_error: message,
				p_needs_reauth: invalidGrant,
			});
			if (invalidGrant) throw new NeedsReauthError(clientId, provider);
			throw new TokenRefreshError(`Falha ao renovar o token de ${provider} do cliente ${clientId}: ${message}`);
		}
		try {
			await this.transport.rpc('wh_credentials_complete_refresh', {
				p_client_id: clientId,
				p_provider: provider,
				p_expected_version: version,
				p_owner: this.owner,
				p_access_enc: cipher.encrypt(fresh.accessToken),
				p_refresh_enc: fresh.refreshToken ? cipher.encrypt(fresh.refreshToken) : null,
				p_expires_at: fresh.expiresAt.toISOString(),
				p_scopes: fresh.scopes ?? null,
				p_account_id: fresh.accountId ?? null,
			});
		} catch (error) {
			// Someone stored a newer pair meanwhile (re-authorization): ours is still a valid token.
			if (!(error instanceof WarehouseError && error.code === 'VW003')) throw error;
		}
		return fresh.accessToken;
	}
}
