// Public shapes of the warehouse API.

export type Provider = 'mercadolivre' | 'bling' | 'upseller';
export const PROVIDERS: readonly Provider[] = ['mercadolivre', 'bling', 'upseller'];

export type ClientStatus = 'invited' | 'authorized' | 'backfilling' | 'ready' | 'needs_reauth' | 'disabled';
export const CLIENT_STATUSES: readonly ClientStatus[] = [
	'invited',
	'authorized',
	'backfilling',
	'ready',
	'needs_reauth',
	'disabled',
];

export interface TokenSet {
	accessToken: string;
	/** Null: the provider sent none (on refresh: keep the stored one). */
	refreshToken: string | null;
	expiresAt: Date;
	scopes?: string[];
	accountId?: string;
}

export interface Client {
	id: string;
	name: string;
	contactEmail: string;
	/** CPF or CNPJ without punctuation. */
	document: string | null;
	documentType: 'cpf' | 'cnpj' | null;
	mlUserId: string | null;
	blingAccountId: string | null;
	upsellerAccountId: string | null;
	status: ClientStatus;
	statusChangedAt: Date;
	createdAt: Date;
	updatedAt: Date;
}

export interface ClientStatusChange {
	fromStatus: ClientStatus | null;
	toStatus: ClientStatus;
	reason: string | null;
	changedAt: Date;
}

/** What the CLI and bot may show about credentials: never a token. */
export interface CredentialSummary {
	provider: Provider;
	expiresAt: Date;
	scopes: string[];
	accountId: string | null;
	version: number;
	needsReauth: boolean;
	hasRefreshToken: boolean;
	lastRefreshedAt: Date | null;
	lastRefreshError: string | null;
}

export interface NewClient {
	name: string;
	email: string;
	document?: string | null;
	mlUserId?: string | null;
	/**
	 * Existing clients brought over with their Mercado Livre refresh token: stored encrypted with an
	 * expiry in the past, so the first use refreshes.
	 */
	mlRefreshToken?: string | null;
}
