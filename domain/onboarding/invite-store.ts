// The invite and client SQL functions only the onboarding uses (migrations 20260401000000 and
// 20260406000000): invites by id (the signed state names an invite by id, never by its token),
// revoking a client's open links, binding the Mercado Livre account to the client, and for the
// Bling step claiming a state once and recording the Bling account.
import type { WarehouseTransport } from '../warehouse/transport';
import type { InviteState } from '../warehouse/errors';
import type { Provider } from '../warehouse/types';

export interface StoredInvite {
	id: string;
	clientId: string;
	provider: Provider;
	state: InviteState;
	expiresAt: Date;
	/** Encrypted secret of the latest start: the PKCE verifier (Mercado Livre) or the state nonce (Bling). */
	pkceVerifierEnc: string | null;
}

export async function getInviteById(transport: WarehouseTransport, id: string): Promise<StoredInvite | null> {
	if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
	const [row] = await transport.rpc('wh_invite_get', { p_id: id });
	if (!row) return null;
	return {
		id: String(row.id),
		clientId: String(row.client_id),
		provider: String(row.provider ?? 'mercadolivre') as Provider,
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

/** Every still-usable link of the client stops working: the Mercado Livre one and the Bling one. */
export async function revokeOpenInvites(
	transport: WarehouseTransport,
	clientId: string,
	providers: Provider[] = ['mercadolivre', 'bling'],
): Promise<string[]> {
	const ids: string[] = [];
	for (const provider of providers) {
		const rows = await transport.rpc<{ id: string }>('wh_invite_revoke_open', { p_client_id: clientId, p_provider: provider });
		ids.push(...rows.map((row) => String(row.id)));
	}
	return ids;
}

/**
 * Takes the start secret the caller read (`expectedEnc`, as stored) off a usable invite: true for
 * exactly one caller, so one state leads to at most one code exchange.
 */
export async function claimInviteStart(transport: WarehouseTransport, id: string, expectedEnc: string): Promise<boolean> {
	const [row] = await transport.rpc<{ claimed: boolean }>('wh_invite_claim_start', { p_id: id, p_expected_enc: expectedEnc });
	return Boolean(row?.claimed);
}

export async function setBlingAccount(transport: WarehouseTransport, clientId: string, accountId: string): Promise<boolean> {
	const [row] = await transport.rpc<{ updated: boolean }>('wh_client_set_bling_account', { p_client_id: clientId, p_account_id: accountId });
	return Boolean(row?.updated);
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
