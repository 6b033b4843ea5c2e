// The hourly token refresh: every credential that expires within `withinMinutes` is refreshed
// through the vault's single-flight refresh (so a sync refreshing the same token at the same
// moment shares the call instead of burning the rotating refresh token twice). Calls to one
// provider go one at a time, `spacingMs` apart: Bling blocks an address after 20 token calls in
// a minute. Providers run side by side. `invalid_grant` leaves the client needs_reauth (the vault
// does that) and is reported with the command that sends a new invite.
import { mlRefresher } from '../mercadolivre/session';
import type { MercadoLivreApp } from '../mercadolivre/config';
import { blingRefresher } from '../bling/session';
import type { BlingApp } from '../bling/config';
import { InvalidGrantError, NeedsReauthError } from '../warehouse/errors';
import { redactSecrets } from '../warehouse/redact';
import type { RunFinish, RunStart } from '../warehouse/runs';
import type { TokenRefresher } from '../warehouse/vault';
import type { Client, CredentialSummary, Provider } from '../warehouse/types';
import { pause } from './bounded';

export interface TokenRefreshPort {
	clients: {
		list(): Promise<Client[]>;
		credentials(id: string): Promise<CredentialSummary[]>;
	};
	vault: {
		getFreshAccessToken(clientId: string, provider: Provider, refresher: TokenRefresher, options?: { marginSeconds?: number }): Promise<string>;
	};
	runs: {
		start(run: RunStart): Promise<{ id: number }>;
		finish(id: number, result: RunFinish): Promise<void>;
	};
}

export interface TokenApps {
	mercadolivre?: MercadoLivreApp;
	bling?: BlingApp;
}

/** Milliseconds between two token calls to the same provider. */
export const DEFAULT_SPACING_MS: Record<'mercadolivre' | 'bling', number> = {
	mercadolivre: 500,
	// 4.5 s apart is at most 14 calls in any minute: well under Bling's 20.
	bling: 4_500,
};

export interface RefreshExpiringOptions {
	warehouse: TokenRefreshPort;
	apps: TokenApps;
	/** Refresh tokens expiring within this many minutes (default 120). */
	withinMinutes?: number;
	/** One spacing for every provider, or one per provider (default DEFAULT_SPACING_MS). */
	spacingMs?: number | Partial<Record<'mercadolivre' | 'bling', number>>;
	now?: () => number;
	sleep?: (ms: number) => Promise<void>;
}

export type TokenRefreshStatus = 'refreshed' | 'needs_reauth' | 'failed';

export interface TokenRefreshResult {
	client_id: string;
	client_name: string;
	provider: 'mercadolivre' | 'bling';
	status: TokenRefreshStatus;
	/** When the old token would have expired. */
	expired_at: string;
	error: string | null;
	/** For needs_reauth: what staff type in the bot to send the client a new authorization link. */
	invite_command: string | null;
}

const SKIPPED_STATUSES = new Set(['disabled', 'invited', 'needs_reauth']);

function refresherFor(provider: 'mercadolivre' | 'bling', apps: TokenApps, clientId: string): TokenRefresher | undefined {
	if (provider === 'mercadolivre' && apps.mercadolivre) return mlRefresher(apps.mercadolivre, clientId, (m) => new InvalidGrantError(m));
	if (provider === 'bling' && apps.bling) return blingRefresher(apps.bling, clientId);
	return undefined;
}

interface Candidate {
	client: Client;
	provider: 'mercadolivre' | 'bling';
	expiresAt: Date;
}

async function expiringCredentials(warehouse: TokenRefreshPort, apps: TokenApps, horizon: number): Promise<Candidate[]> {
	const candidates: Candidate[] = [];
	for (const client of await warehouse.clients.list()) {
		if (SKIPPED_STATUSES.has(client.status)) continue;
		for (const credential of await warehouse.clients.credentials(client.id)) {
			const provider = credential.provider;
			if (provider !== 'mercadolivre' && provider !== 'bling') continue;
			if (!apps[provider] || credential.needsReauth || !credential.hasRefreshToken) continue;
			if (credential.expiresAt.getTime() <= horizon) candidates.push({ client, provider, expiresAt: credential.expiresAt });
		}
	}
	// Soonest first: if the hour runs out, the most urgent ones are done.
	return candidates.sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime());
}

export async function refreshExpiringTokens(options: RefreshExpiringOptions): Promise<TokenRefreshResult[]> {
	const { warehouse, apps } = options;
	const now = options.now ?? Date.now;
	const sleep = options.sleep ?? pause;
	const withinMinutes = options.withinMinutes ?? 120;
	const spacing = (provider: 'mercadolivre' | 'bling') =>
		typeof options.spacingMs === 'number' ? options.spacingMs : (options.spacingMs?.[provider] ?? DEFAULT_SPACING_MS[provider]);
	const run = await warehouse.runs.start({ clientId: null, source: 'token_refresh', step: `within_${withinMinutes}m` });
	try {
		const candidates = await expiringCredentials(warehouse, apps, now() + withinMinutes * 60_000);
		const byProvider = (['mercadolivre', 'bling'] as const).map((provider) => candidates.filter((c) => c.provider === provider));
		const lanes = await Promise.all(
			byProvider.map(async (list) => {
				const results: TokenRefreshResult[] = [];
				for (const [index, candidate] of list.entries()) {
					if (index > 0) await sleep(spacing(candidate.provider));
					results.push(await refreshOne(warehouse, apps, candidate, withinMinutes));
				}
				return results;
			}),
		);
		const results = lanes.flat();
		const failed = results.filter((r) => r.status !== 'refreshed');
		await warehouse.runs.finish(run.id, {
			status: failed.length === 0 ? 'success' : 'error',
			rowsRead: candidates.length,
			rowsWritten: results.length - failed.length,
			error: failed.length === 0 ? undefined : failed.map((f) => `${f.client_name}/${f.provider}: ${f.error}`).join('; '),
		});
		return results;
	} catch (error) {
		await warehouse.runs.finish(run.id, { status: 'error', error }).catch(() => undefined);
		throw error;
	}
}

async function refreshOne(warehouse: TokenRefreshPort, apps: TokenApps, candidate: Candidate, withinMinutes: number): Promise<TokenRefreshResult> {
	const { client, provider } = candidate;
	const base = { client_id: client.id, client_name: client.name, provider, expired_at: candidate.expiresAt.toISOString() };
	const refresher = refresherFor(provider, apps, client.id)!;
	try {
		// A margin as wide as the window makes the vault refresh now, unless another process just did.
		await warehouse.vault.getFreshAccessToken(client.id, provider, refresher, { marginSeconds: withinMinutes * 60 });
		return { ...base, status: 'refreshed', error: null, invite_command: null };
	} catch (error) {
		const message = redactSecrets(error instanceof Error ? error.message : String(error)).slice(0, 500);
		if (error instanceof NeedsReauthError || (error as { name?: string })?.name === 'NeedsReauthError') {
			return { ...base, status: 'needs_reauth', error: message, invite_command: `/convite ${client.name}` };
		}
		return { ...base, status: 'failed', error: message, invite_command: null };
	}
}

const PROVIDER_NAMES: Record<string, string> = { mercadolivre: 'Mercado Livre', bling: 'Bling' };

/** The pt-BR message staff read for a client that must authorize again. */
export function needsReauthMessage(result: TokenRefreshResult): string {
	return (
		`🔑 ${result.client_name} perdeu a autorização do ${PROVIDER_NAMES[result.provider] ?? result.provider} ` +
		`(o token não pôde ser renovado: invalid_grant). O cliente foi marcado como needs_reauth e fica fora do ETL ` +
		`até autorizar de novo. Para enviar um novo convite: ${result.invite_command}`
	);
}
