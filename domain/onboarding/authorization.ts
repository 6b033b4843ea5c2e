// The seller's side of the onboarding:
//  start    — the e-mail link (?convite=<token>): checks the invite, keeps a new PKCE verifier
//             encrypted with it, signs a state for it and answers with Mercado Livre's
//             authorization URL (so the e-mail holds no Mercado Livre URL);
//  complete — Mercado Livre's redirect (?code&state or ?error): checks the state and the invite,
//             exchanges the code with the verifier, reads /users/me, refuses an account that is
//             not the client's, uses the invite (once), stores the tokens encrypted and marks the
//             client `authorized`.
// Every outcome comes with the page the seller sees. Tokens never leave this module: results
// carry ids, nicknames and pages only. Nothing is stored unless the outcome is `authorized`.
import { MercadoLivreClient, staticToken } from '../mercadolivre/client';
import type { MercadoLivreApp } from '../mercadolivre/config';
import { buildAuthorizationUrl, createPkce, exchangeCode, type TokenSet } from '../mercadolivre/oauth';
import type { Warehouse } from '../warehouse';
import type { InviteState } from '../warehouse/errors';
import { bindMercadoLivreAccount, consumeInviteById, getInviteById } from './invite-store';
import type { OnboardingKeys } from './keys';
import { renderPage, type Page, type PageKind } from './pages';
import { signState, STATE_TTL_SECONDS, verifyState } from './state';

export interface FlowContext {
	warehouse: Warehouse;
	app: MercadoLivreApp;
	keys: OnboardingKeys;
	/** The callback webhook URL; must be the redirect URI registered for the app. */
	redirectUri: string;
	now?: () => number;
}

export const INVITE_TOKEN_FORMAT = /^[A-Za-z0-9_-]{20,100}$/;

export function pageForInviteState(state: InviteState | 'consumed'): Exclude<PageKind, 'success'> {
	switch (state) {
		case 'expired':
			return 'expired';
		case 'used':
		case 'consumed':
			return 'used';
		case 'revoked':
			return 'revoked';
		default:
			return 'invalid';
	}
}

export type StartResult =
	| { outcome: 'redirect'; redirectUrl: string; inviteId: string; clientId: string }
	| { outcome: PageKind; page: Page; inviteId: string | null; clientId: string | null };

export async function startAuthorization(context: FlowContext, inviteToken: string | undefined | null): Promise<StartResult> {
	const now = context.now ?? Date.now;
	const token = String(inviteToken ?? '').trim();
	const refuse = (kind: PageKind, inviteId: string | null = null, clientId: string | null = null): StartResult => ({
		outcome: kind,
		page: renderPage(kind),
		inviteId,
		clientId,
	});
	if (!INVITE_TOKEN_FORMAT.test(token)) return refuse('invalid');
	const invite = await context.warehouse.invites.inspect(token);
	if (!invite) return refuse('invalid');
	if (invite.state !== 'valid') return refuse(pageForInviteState(invite.state), invite.id, invite.clientId);
	const pkce = createPkce();
	if (!(await context.warehouse.invites.setPkceVerifier(token, pkce.verifier))) {
		return refuse('invalid', invite.id, invite.clientId);
	}
	const expiresAt = new Date(Math.min(invite.expiresAt.getTime(), now() + STATE_TTL_SECONDS * 1000));
	const state = signState({ inviteId: invite.id, expiresAt }, context.keys.stateKey);
	const redirectUrl = buildAuthorizationUrl(context.app, { state, codeChallenge: pkce.challenge, redirectUri: context.redirectUri });
	return { outcome: 'redirect', redirectUrl, inviteId: invite.id, clientId: invite.clientId };
}

export interface CallbackQuery {
	code?: string | null;
	state?: string | null;
	error?: string | null;
}

export type CompleteOutcome = Exclude<PageKind, 'success'> | 'authorized';

export interface CompleteResult {
	outcome: CompleteOutcome;
	page: Page;
	inviteId: string | null;
	clientId: string | null;
	clientName: string | null;
	/** The Mercado Livre account that authorized (when Mercado Livre told us). */
	mlUserId: string | null;
	nickname: string | null;
	/** Account mismatch: the account on file for this client, or the client that owns the account. */
	expectedMlUserId: string | null;
	otherClientId: string | null;
	/** What went wrong, for staff (never a token). */
	detail: string | null;
}

export function safeMessage(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	// Provider tokens and codes (Mercado Livre's prefixes, JWTs, long opaque hex) never reach staff.
	return message
		.replace(/(APP_USR|TG)-[A-Za-z0-9-]+/g, '[redacted]')
		.replace(/eyJ[\w-]+\.[\w-]+\.[\w-]+/g, '[redacted]')
		.replace(/\b[0-9a-f]{32,}\b/gi, '[redacted]')
		.slice(0, 300);
}

export async function completeAuthorization(context: FlowContext, query: CallbackQuery): Promise<CompleteResult> {
	const now = context.now ?? Date.now;
	const result: CompleteResult = {
		outcome: 'invalid',
		page: renderPage('invalid'),
		inviteId: null,
		clientId: null,
		clientName: null,
		mlUserId: null,
		nickname: null,
		expectedMlUserId: null,
		otherClientId: null,
		detail: null,
	};
	const finish = (outcome: CompleteOutcome, detail: string | null = null): CompleteResult => {
		result.outcome = outcome;
		result.page = renderPage(outcome === 'authorized' ? 'success' : outcome, { nickname: result.nickname });
		result.detail = detail;
		return result;
	};

	const state = verifyState(query.state, context.keys.stateKey, now());
	if (!state.ok) return finish(state.reason === 'expired' ? 'session_expired' : 'invalid', `state ${state.reason}`);
	const invite = await getInviteById(context.warehouse.transport, state.inviteId);
	if (!invite) return finish('invalid', 'invite not found');
	result.inviteId = invite.id;
	result.clientId = invite.clientId;
	const client = await context.warehouse.clients.get(invite.clientId);
	result.clientName = client?.name ?? null;
	if (query.error) {
		// The seller refused (or Mercado Livre refused the request): the invite stays usable.
		return finish(query.error === 'access_denied' ? 'denied' : 'provider_error', `Mercado Livre error: ${String(query.error).slice(0, 60)}`);
	}
	if (invite.state !== 'valid') return finish(pageForInviteState(invite.state), `invite ${invite.state}`);
	if (!query.code || !invite.pkceVerifierEnc) return finish('invalid', query.code ? 'no PKCE verifier' : 'no code');

	let tokens: TokenSet;
	let me: { id: number | string; nickname?: string };
	try {
		const codeVerifier = context.keys.cipher.decrypt(invite.pkceVerifierEnc);
		tokens = await exchangeCode(context.app, { code: String(query.code), codeVerifier, redirectUri: context.redirectUri }, invite.clientId);
		const ml = new MercadoLivreClient({ app: context.app, tokens: staticToken(tokens.accessToken), clientId: invite.clientId });
		me = await ml.getMe();
	} catch (error) {
		return finish('provider_error', safeMessage(error));
	}
	result.mlUserId = String(me.id);
	result.nickname = me.nickname ?? null;
	if (tokens.accountId && tokens.accountId !== result.mlUserId) return finish('provider_error', 'token user_id differs from /users/me');

	// Another account than the one on file (or one that belongs to another client): keep the data
	// apart — store nothing, leave the invite usable, and let staff sort it out.
	const bind = await bindMercadoLivreAccount(context.warehouse.transport, invite.clientId, result.mlUserId);
	if (bind.outcome === 'other_account' || bind.outcome === 'other_client') {
		result.expectedMlUserId = bind.currentMlUserId;
		result.otherClientId = bind.otherClientId;
		return finish('account_mismatch', bind.outcome);
	}
	const used = await consumeInviteById(context.warehouse.transport, invite.id);
	if (used !== 'consumed') return finish(pageForInviteState(used), `invite ${used}`);
	await context.warehouse.vault.storeTokens(invite.clientId, 'mercadolivre', {
		accessToken: tokens.accessToken,
		refreshToken: tokens.refreshToken,
		expiresAt: tokens.expiresAt,
		scopes: tokens.scopes,
		accountId: result.mlUserId,
	});
	await context.warehouse.clients.setStatus(invite.clientId, 'authorized', `onboarding: Mercado Livre ${result.mlUserId} autorizou`);
	return finish('authorized');
}
