// The optional "Conectar Bling" step of the onboarding, on the same invites and signed state as
// Mercado Livre (docs/onboarding.md):
//  start    — the e-mail's Bling link (?convite=<token> of an invite with provider 'bling'): checks
//             the invite, signs a state whose nonce is kept encrypted with the invite (Bling has no
//             PKCE) and answers with Bling's authorization URL;
//  complete — Bling's redirect (?code&state or ?error): checks the state, the invite and that the
//             nonce is the invite's latest, claims it (once: a second request with the same state
//             never spends the code again — Bling revokes access when a code is reused), exchanges
//             the one-minute code at once (Basic auth, no retry), uses the invite, stores the pair
//             encrypted under provider 'bling' and records the Bling account on the client.
// A failed exchange leaves the invite usable (the seller opens the link again) but that state dead.
// Tokens never leave this module; nothing is stored unless the outcome is `connected`.
import { BlingClient, staticBlingToken } from '../bling/client';
import { getBlingCompany, type BlingCompany } from '../bling/company';
import type { BlingApp } from '../bling/config';
import { buildBlingAuthorizationUrl, exchangeBlingCode, type TokenSet } from '../bling/oauth';
import type { Warehouse } from '../warehouse';
import { INVITE_TOKEN_FORMAT, pageForInviteState, safeMessage, type CallbackQuery } from './authorization';
import { claimInviteStart, consumeInviteById, getInviteById, setBlingAccount } from './invite-store';
import type { OnboardingKeys } from './keys';
import { renderPage, type Page, type PageKind } from './pages';
import { newStateNonce, signState, STATE_TTL_SECONDS, verifyState } from './state';

export interface BlingFlowContext {
	warehouse: Warehouse;
	app: BlingApp;
	keys: OnboardingKeys;
	/** Sent to Bling only when set (Bling redirects to the URL registered for the app). */
	redirectUri?: string;
	now?: () => number;
}

const blingPage = (kind: PageKind): Page => renderPage(kind, { provider: 'bling' });

export type BlingStartResult =
	| { outcome: 'redirect'; redirectUrl: string; inviteId: string; clientId: string }
	| { outcome: PageKind; page: Page; inviteId: string | null; clientId: string | null };

export async function startBlingAuthorization(context: BlingFlowContext, inviteToken: string | undefined | null): Promise<BlingStartResult> {
	const now = context.now ?? Date.now;
	const token = String(inviteToken ?? '').trim();
	const refuse = (kind: PageKind, inviteId: string | null = null, clientId: string | null = null): BlingStartResult => ({
		outcome: kind,
		page: blingPage(kind),
		inviteId,
		clientId,
	});
	if (!INVITE_TOKEN_FORMAT.test(token)) return refuse('invalid');
	const invite = await context.warehouse.invites.inspect(token);
	// A Mercado Livre invite's token is no Bling link.
	if (!invite || invite.provider !== 'bling') return refuse('invalid');
	if (invite.state !== 'valid') return refuse(pageForInviteState(invite.state), invite.id, invite.clientId);
	// The latest start wins: an older tab's state no longer matches the kept nonce.
	const nonce = newStateNonce();
	if (!(await context.warehouse.invites.setPkceVerifier(token, nonce))) return refuse('invalid', invite.id, invite.clientId);
	const expiresAt = new Date(Math.min(invite.expiresAt.getTime(), now() + STATE_TTL_SECONDS * 1000));
	const state = signState({ inviteId: invite.id, expiresAt, nonce }, context.keys.stateKey);
	const redirectUrl = buildBlingAuthorizationUrl({ app: context.app, state, redirectUri: context.redirectUri || undefined });
	return { outcome: 'redirect', redirectUrl, inviteId: invite.id, clientId: invite.clientId };
}

export type BlingCompleteOutcome = Exclude<PageKind, 'success'> | 'connected';

export interface BlingCompleteResult {
	outcome: BlingCompleteOutcome;
	page: Page;
	inviteId: string | null;
	clientId: string | null;
	clientName: string | null;
	/** The Bling company that authorized, when Bling told us (best effort). */
	blingAccountId: string | null;
	blingCompanyName: string | null;
	/** What went wrong (or a note on a success), for staff — never a token or a code. */
	detail: string | null;
}

export async function completeBlingAuthorization(context: BlingFlowContext, query: CallbackQuery): Promise<BlingCompleteResult> {
	const now = context.now ?? Date.now;
	const result: BlingCompleteResult = {
		outcome: 'invalid',
		page: blingPage('invalid'),
		inviteId: null,
		clientId: null,
		clientName: null,
		blingAccountId: null,
		blingCompanyName: null,
		detail: null,
	};
	const finish = (outcome: BlingCompleteOutcome, detail: string | null = null): BlingCompleteResult => {
		result.outcome = outcome;
		result.page = blingPage(outcome === 'connected' ? 'success' : outcome);
		result.detail = detail;
		return result;
	};

	const state = verifyState(query.state, context.keys.stateKey, now());
	if (!state.ok) return finish(state.reason === 'expired' ? 'session_expired' : 'invalid', `state ${state.reason}`);
	const invite = await getInviteById(context.warehouse.transport, state.inviteId);
	// A Mercado Livre state is signed with the same key: the invite's provider tells them apart.
	if (!invite || invite.provider !== 'bling') return finish('invalid', invite ? 'not a Bling invite' : 'invite not found');
	result.inviteId = invite.id;
	result.clientId = invite.clientId;
	result.clientName = (await context.warehouse.clients.get(invite.clientId))?.name ?? null;
	if (query.error) {
		// The seller refused (or Bling refused the request): the invite stays usable.
		return finish(query.error === 'access_denied' ? 'denied' : 'provider_error', `Bling error: ${String(query.error).slice(0, 60)}`);
	}
	if (invite.state !== 'valid') return finish(pageForInviteState(invite.state), `invite ${invite.state}`);
	if (!query.code) return finish('invalid', 'no code');
	const keptEnc = invite.pkceVerifierEnc;
	if (!keptEnc || context.keys.cipher.decrypt(keptEnc) !== state.nonce) return finish('session_expired', 'state is not the latest start');
	if (!(await claimInviteStart(context.warehouse.transport, invite.id, keptEnc))) {
		// Another request with this state claimed it first (a repeated redirect): it is being used.
		const current = await getInviteById(context.warehouse.transport, invite.id);
		const kind = current && current.state !== 'valid' ? pageForInviteState(current.state) : 'used';
		return finish(kind, 'state already claimed');
	}

	let tokens: TokenSet;
	try {
		tokens = await exchangeBlingCode(context.app, String(query.code), invite.clientId);
	} catch (error) {
		return finish('provider_error', safeMessage(error));
	}
	const used = await consumeInviteById(context.warehouse.transport, invite.id);
	if (used !== 'consumed') return finish(pageForInviteState(used), `invite ${used}`);

	// The account is a nicety: a failure here must not lose the pair the single-use code gave.
	let company: BlingCompany = { accountId: null, name: null };
	try {
		const client = new BlingClient({ app: context.app, clientId: invite.clientId, tokens: staticBlingToken(tokens.accessToken), retry: { maxAttempts: 1 } });
		company = await getBlingCompany(client);
	} catch (error) {
		result.detail = `conta do Bling não identificada: ${safeMessage(error)}`;
	}
	result.blingAccountId = company.accountId;
	result.blingCompanyName = company.name;
	await context.warehouse.vault.storeTokens(invite.clientId, 'bling', {
		accessToken: tokens.accessToken,
		refreshToken: tokens.refreshToken,
		expiresAt: tokens.expiresAt,
		scopes: tokens.scopes,
		accountId: company.accountId ?? undefined,
	});
	if (company.accountId) await setBlingAccount(context.warehouse.transport, invite.clientId, company.accountId);
	return finish('connected', result.detail);
}
