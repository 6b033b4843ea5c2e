// Onboarding invites: a random 256-bit token goes in the link; the database keeps only its sha256,
// the client it is bound to, an expiry and single use (consume succeeds exactly once).
import { createHash, randomBytes } from 'node:crypto';
import type { TokenCipher } from '../crypto/token-cipher';
import { ClientNotFoundError, InviteError, type InviteState } from './errors';
import { toDate } from './row-values';
import { WarehouseError, type WarehouseTransport } from './transport';
import type { Provider } from './types';

export function hashInviteToken(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface CreateInviteOptions {
	/** Default 7 days. */
	ttlSeconds?: number;
	provider?: Provider;
	pkceVerifier?: string;
	createdBy?: string;
}

export interface CreatedInvite {
	id: string;
	/** Goes in the link; shown once, never stored. */
	token: string;
	expiresAt: Date;
}

export interface InviteInfo {
	id: string;
	clientId: string;
	provider: Provider;
	state: InviteState;
	expiresAt: Date;
}

export interface ConsumedInvite {
	id: string;
	clientId: string;
	provider: Provider;
	pkceVerifier: string | null;
}

export class InvitesRepository {
	constructor(
		private readonly transport: WarehouseTransport,
		private readonly cipher: () => TokenCipher,
	) {}

	async create(clientId: string, options: CreateInviteOptions = {}): Promise<CreatedInvite> {
		const token = randomBytes(32).toString('base64url');
		const expiresAt = new Date(Date.now() + (options.ttlSeconds ?? 7 * 24 * 3600) * 1000);
		try {
			const rows = await this.transport.rpc('wh_invite_create', {
				p_client_id: clientId,
				p_token_hash: hashInviteToken(token),
				p_expires_at: expiresAt.toISOString(),
				p_provider: options.provider ?? 'mercadolivre',
				p_pkce_verifier_enc: options.pkceVerifier ? this.cipher().encrypt(options.pkceVerifier) : null,
				p_created_by: options.createdBy ?? null,
			});
			return { id: String(rows[0].id), token, expiresAt: toDate(rows[0].expires_at) };
		} catch (error) {
			if (error instanceof WarehouseError && error.code === 'VW002') throw new ClientNotFoundError(clientId);
			throw error;
		}
	}

	/** State of the invite behind a token, without using it (null when unknown). */
	async inspect(token: string): Promise<InviteInfo | null> {
		const rows = await this.transport.rpc('wh_invite_inspect', { p_token_hash: hashInviteToken(token) });
		if (rows.length === 0) return null;
		const row = rows[0];
		return {
			id: String(row.id),
			clientId: String(row.client_id),
			provider: row.provider as Provider,
			state: row.state as InviteState,
			expiresAt: toDate(row.expires_at),
		};
	}

	/** Keeps the PKCE verifier (encrypted) between the redirect and the callback. */
	async setPkceVerifier(token: string, verifier: string): Promise<boolean> {
		const rows = await this.transport.rpc<{ updated: boolean }>('wh_invite_set_pkce', {
			p_token_hash: hashInviteToken(token),
			p_pkce_verifier_enc: this.cipher().encrypt(verifier),
		});
		return Boolean(rows[0]?.updated);
	}

	/** Uses the invite (once): throws InviteError with the reason when it cannot be used. */
	async consume(token: string): Promise<ConsumedInvite> {
		const rows = await this.transport.rpc('wh_invite_consume', { p_token_hash: hashInviteToken(token) });
		const row = rows[0];
		if (!row) throw new InviteError('not_found');
		if (row.state !== 'consumed') throw new InviteError(row.state as InviteState);
		return {
			id: String(row.id),
			clientId: String(row.client_id),
			provider: row.provider as Provider,
			pkceVerifier: row.pkce_verifier_enc ? this.cipher().decrypt(String(row.pkce_verifier_enc)) : null,
		};
	}

	async revoke(inviteId: string): Promise<boolean> {
		const rows = await this.transport.rpc<{ revoked: boolean }>('wh_invite_revoke', { p_id: inviteId });
		return Boolean(rows[0]?.revoked);
	}
}
