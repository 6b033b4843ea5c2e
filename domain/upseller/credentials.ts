// A client's UpSeller Client ID and API Token, kept encrypted in the warehouse vault like OAuth
// tokens (provider 'upseller'): the API token is the "access token", the Client ID the account
// id, and the expiry far away (UpSeller tokens do not expire; a new one replaces it).
import type { TokenSet } from '../warehouse/types';
import type { UpSellerCredentials } from './config';

const NEVER = new Date('2100-01-01T00:00:00Z');

export interface UpSellerVaultPort {
	storeTokens(clientId: string, provider: 'upseller', tokens: TokenSet): Promise<unknown>;
	getTokens(clientId: string, provider: 'upseller'): Promise<(TokenSet & { needsReauth: boolean }) | null>;
}

export class UpSellerCredentialsMissingError extends Error {
	constructor(clientId: string) {
		super(`Viang client ${clientId} has no UpSeller credentials (Client ID and API Token) in the vault`);
		this.name = 'UpSellerCredentialsMissingError';
	}
}

export async function storeUpSellerCredentials(vault: UpSellerVaultPort, viangClientId: string, credentials: UpSellerCredentials): Promise<void> {
	const clientId = credentials.clientId.trim();
	const apiToken = credentials.apiToken.trim();
	if (!clientId || !apiToken) throw new Error('UpSeller needs both the Client ID and the API Token');
	await vault.storeTokens(viangClientId, 'upseller', { accessToken: apiToken, refreshToken: null, expiresAt: NEVER, accountId: clientId });
}

export async function readUpSellerCredentials(vault: UpSellerVaultPort, viangClientId: string): Promise<UpSellerCredentials> {
	const stored = await vault.getTokens(viangClientId, 'upseller');
	if (!stored || !stored.accessToken || !stored.accountId || stored.needsReauth) throw new UpSellerCredentialsMissingError(viangClientId);
	return { clientId: stored.accountId, apiToken: stored.accessToken };
}
