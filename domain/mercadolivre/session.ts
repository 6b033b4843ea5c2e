// A Mercado Livre client acting for a Viang client, with tokens from the warehouse vault. The
// vault does the single-flight refresh (one refresh per client at a time, across processes) and
// stores the rotated pair; our refresher only talks to Mercado Livre, and turns `invalid_grant`
// into the vault's InvalidGrantError so the client is marked needs_reauth.
import { AccessTokenSource, MercadoLivreClient, MercadoLivreClientOptions } from './client';
import { MercadoLivreApp } from './config';
import { isInvalidGrant, refreshTokens, TokenSet } from './oauth';
import type { MlVaultPort, Refresher } from './warehouse-port';

export type InvalidGrantFactory = (message: string) => Error;

/** Default: an Error named InvalidGrantError with code invalid_grant, which the vault recognises. */
export const defaultInvalidGrant: InvalidGrantFactory = (message) =>
	Object.assign(new Error(message), { name: 'InvalidGrantError', code: 'invalid_grant' });

export function mlRefresher(app: MercadoLivreApp, clientId: string, invalidGrant: InvalidGrantFactory = defaultInvalidGrant): Refresher {
	return async (refreshToken: string): Promise<TokenSet> => {
		try {
			return await refreshTokens(app, refreshToken, clientId);
		} catch (error) {
			if (isInvalidGrant(error)) {
				throw invalidGrant(`Mercado Livre refused the refresh token of client ${clientId} (invalid_grant): the seller must authorize again`);
			}
			throw error;
		}
	};
}

// Larger than any access-token lifetime: makes the vault refresh whatever it holds.
const FORCE_REFRESH_MARGIN_SECONDS = 10 * 365 * 86_400;

export interface VaultTokenSourceOptions {
	invalidGrant?: InvalidGrantFactory;
	/** How long a token from the vault is reused without asking again (a 401 always renews). */
	cacheMs?: number;
	now?: () => number;
}

/**
 * Tokens from the vault, cached briefly so a run does not read the database on every call. After a
 * 401, concurrent callers holding the same rejected token share one renewal; if the vault already
 * holds a newer token (another process refreshed), that one is used without refreshing again.
 */
export function vaultTokenSource(vault: MlVaultPort, app: MercadoLivreApp, clientId: string, options: VaultTokenSourceOptions = {}): AccessTokenSource {
	const refresher = mlRefresher(app, clientId, options.invalidGrant);
	const now = options.now ?? Date.now;
	const cacheMs = options.cacheMs ?? 60_000;
	let cached: { token: string; at: number } | undefined;
	const renewals = new Map<string, Promise<string>>();

	const fromVault = async (marginSeconds?: number): Promise<string> => {
		const token = await vault.getFreshAccessToken(clientId, 'mercadolivre', refresher, marginSeconds === undefined ? undefined : { marginSeconds });
		cached = { token, at: now() };
		return token;
	};

	return {
		get: async () => (cached && now() - cached.at < cacheMs ? cached.token : fromVault()),
		renew: (rejected) => {
			let pending = renewals.get(rejected);
			if (!pending) {
				pending = (async () => {
					const current = await fromVault();
					return current !== rejected ? current : fromVault(FORCE_REFRESH_MARGIN_SECONDS);
				})();
				renewals.set(rejected, pending);
				// Forget the entry later: a token string never comes back, so this only bounds memory.
				pending.finally(() => setTimeout(() => renewals.delete(rejected), 60_000).unref()).catch(() => undefined);
			}
			return pending;
		},
	};
}

export function clientForViangClient(
	vault: MlVaultPort,
	app: MercadoLivreApp,
	clientId: string,
	options: VaultTokenSourceOptions & Partial<MercadoLivreClientOptions> = {},
): MercadoLivreClient {
	const { invalidGrant, cacheMs, now, ...clientOptions } = options;
	return new MercadoLivreClient({
		app,
		clientId,
		tokens: vaultTokenSource(vault, app, clientId, { invalidGrant, cacheMs, now }),
		...clientOptions,
	});
}
