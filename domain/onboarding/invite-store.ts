// The invite and client SQL functions only the onboarding uses (migration 20260401000000): invites
// by id (the signed state names an invite by id, never by its token), revoking a client's open
// links, and binding the Mercado Livre account to the client.
import type { WarehouseTransport } from '../warehouse/transport';
import type { InviteState } from '../warehouse/errors';

export interface StoredInvite {
	id: string;
	clientId: string;
	state: InviteState;
	expiresAt: Date;
	pkceVerifierEnc: string | null;
}

export async function getInviteById(transport: WarehouseTransport, id: string): Promise<StoredInvite | null> {
	if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
	const [row] = await transport.rpc('wh_invite_get', { p_id: id });
	if (!row) return null;
	return {
		id: String(row.id),
		clientId: String(row.client_id),
		state: row.state as InviteState,
		expiresAt: new Date(row.expires_at as string),
		pkceVerifierEnc: row.pkce_verifier_enc ? String(row.pkce_verifier_enc) : null,
	};
}

/** Uses the invite once: 'consumed' for exactly one caller, otherwise why not. */
export async function consumeInviteById(transport: WarehouseTransport, id: string): Promise<'consumed' | InviteState> {
	const [row] = await transport.rpc<{ state: string }>('wh_invite_consume_by_id', { p_id: id });
	return (row?.state as 'consumed' | InviteState | undefined) ?? 'not_found';
}

export async function revokeOpenInvites(transport: WarehouseTransport, clientId: string): Promise<string[]> {
	const rows = await transport.rpc<{ id: string }>('wh_invite_revoke_open', { p_client_id: clientId, p_provider: 'mercadolivre' });
	return rows.map((row) => String(row.id));
}

export type BindOutcome = 'bound' | 'same' | 'other_account' | 'other_client';

export interface BindResult {
	outcome: BindOutcome;
	/** The account on file before (other_account) or after (bound/same). */
	currentMlUserId: string | null;
	otherClientId: string | null;
}

export async function bindMercadoLivreAccount(transport: WarehouseTransport, clientId: string, mlUserId: string): Promise<BindResult> {
	const [row] = await transport.rpc('wh_client_bind_ml_user', { p_client_id: clientId, p_ml_user_id: mlUserId });
	return {
		outcome: row.outcome as BindOutcome,
		currentMlUserId: row.current_ml_user_id ? String(row.current_ml_user_id) : null,
		otherClientId: row.other_client_id ? String(row.other_client_id) : null,
	};
}
