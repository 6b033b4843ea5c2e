// A Bling client acting for a Viang client, with tokens from the warehouse vault. The vault does
// the single-flight refresh (one refresh per client at a time, across processes) and stores the
// rotated pair; our refresher only talks to Bling and throws InvalidGrantError on invalid_grant,
// which makes the vault mark the client needs_reauth.
import type { RateLimiterRegistry, RetryPolicy } from '../http';
import type { TokenSet } from '../warehouse/types';
import { BlingClient, BlingTokenSource } from './client';
import { BlingApp } from './config';
import { refreshBlingTokens } from './oauth';

export type BlingRefresher = (refreshToken: string) => Promise<TokenSet>;

/** The slice of the warehouse vault this module needs (domain/warehouse TokenVault fits). */
export interface BlingVaultPort {
	getFreshAccessToken(
		clientId: string,
		provider: 'bling',
		refresher: BlingRefresher,
		options?: { forceRefresh?: boolean; rejectedAccessToken?: string },
	): Promise<string>;
}

export function blingRefresher(app: BlingApp, clientId: string): BlingRefresher {
	return (refreshToken) => refreshBlingTokens(app, refreshToken, clientId);
}

export interface BlingTokenSourceOptions {
	/** How long a token from the vault is reused without asking again (a 401 always renews). */
	cacheMs?: number;
	now?: () => number;
}

/** Tokens from the vault, cached briefly; after a 401 the vault refreshes unless someone already did. */
export function blingVaultTokenSource(vault: BlingVaultPort, app: BlingApp, clientId: string, options: BlingTokenSourceOptions = {}): BlingTokenSource {
	const refresher = blingRefresher(app, clientId);
	const now = options.now ?? Date.now;
	const cacheMs = options.cacheMs ?? 60_000;
	let cached: { token: string; at: number } | undefined;
	let pending: Promise<string> | undefined;
	const remember = (token: string) => {
		cached = { token, at: now() };
		return token;
	};
	return {
		get: async () => {
			if (cached && now() - cached.at < cacheMs) return cached.token;
			// Concurrent first calls share one vault read.
			pending ??= vault.getFreshAccessToken(clientId, 'bling', refresher).then(remember).finally(() => (pending = undefined));
			return pending;
		},
		renew: async (rejected) =>
			remember(await vault.getFreshAccessToken(clientId, 'bling', refresher, { forceRefresh: true, rejectedAccessToken: rejected })),
	};
}

export interface BlingSessionOptions extends BlingTokenSourceOptions {
	limiters?: RateLimiterRegistry;
	retry?: Partial<RetryPolicy>;
	fetchImpl?: typeof fetch;
}

export function blingClientForViangClient(vault: BlingVaultPort, app: BlingApp, clientId: string, options: BlingSessionOptions = {}): BlingClient {
	const { cacheMs, now, ...clientOptions } = options;
	return new BlingClient({ app, clientId, tokens: blingVaultTokenSource(vault, app, clientId, { cacheMs, now }), ...clientOptions });
}
