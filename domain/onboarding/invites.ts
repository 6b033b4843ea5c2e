// A new onboarding invite: the client's open links are revoked first (re-sending replaces the
// link), then a random single-use token is created (only its hash is stored) and the e-mail is
// rendered with the Viang start link. With `blingStartUrl`, a second invite (provider 'bling', same
// client, same validity) gives the e-mail its optional "Conectar Bling" link.
import type { Warehouse } from '../warehouse';
import { renderInviteEmail, type InviteEmail } from './invite-email';
import { revokeOpenInvites } from './invite-store';

export const INVITE_TTL_SECONDS = 7 * 24 * 3600;

export interface NewInviteInput {
	clientId: string;
	/** Public URL of the start webhook, e.g. https://n8n.viang.com.br/webhook/onboarding/start */
	startUrl: string;
	ttlSeconds?: number;
	createdBy?: string;
	/** Public URL of the Bling start webhook (…/webhook/onboarding/bling/start); empty: no Bling step. */
	blingStartUrl?: string | null;
}

export interface NewInvite {
	inviteId: string;
	clientId: string;
	clientName: string;
	to: string;
	expiresAt: string;
	link: string;
	/** The optional "Conectar Bling" link and its invite (null without a Bling step). */
	blingInviteId: string | null;
	blingLink: string | null;
	revokedInviteIds: string[];
	email: InviteEmail;
}

export function startLink(startUrl: string, token: string): string {
	const url = new URL(startUrl);
	url.searchParams.set('convite', token);
	return url.toString();
}

function checkUrl(value: string, what: string): void {
	const url = new URL(value);
	if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`The ${what} must be http(s): ${value}`);
}

export async function createInvite(warehouse: Warehouse, input: NewInviteInput): Promise<NewInvite> {
	// Checked before anything is written: a bad URL would e-mail a dead link.
	checkUrl(input.startUrl, 'start URL');
	const blingStartUrl = input.blingStartUrl?.trim() || null;
	if (blingStartUrl) checkUrl(blingStartUrl, 'Bling start URL');
	const client = await warehouse.clients.require(input.clientId);
	const revokedInviteIds = await revokeOpenInvites(warehouse.transport, client.id);
	const ttlSeconds = input.ttlSeconds ?? INVITE_TTL_SECONDS;
	const invite = await warehouse.invites.create(client.id, { ttlSeconds, provider: 'mercadolivre', createdBy: input.createdBy });
	const link = startLink(input.startUrl, invite.token);
	const bling = blingStartUrl ? await warehouse.invites.create(client.id, { ttlSeconds, provider: 'bling', createdBy: input.createdBy }) : null;
	const blingLink = bling && blingStartUrl ? startLink(blingStartUrl, bling.token) : null;
	return {
		inviteId: invite.id,
		clientId: client.id,
		clientName: client.name,
		to: client.contactEmail,
		expiresAt: invite.expiresAt.toISOString(),
		link,
		blingInviteId: bling?.id ?? null,
		blingLink,
		revokedInviteIds,
		email: renderInviteEmail({ clientName: client.name, link, expiresAt: invite.expiresAt, blingLink }),
	};
}
