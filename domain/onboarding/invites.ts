// A new onboarding invite: the client's open links are revoked first (re-sending replaces the
// link), then a random single-use token is created (only its hash is stored) and the e-mail is
// rendered with the Viang start link.
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
}

export interface NewInvite {
	inviteId: string;
	clientId: string;
	clientName: string;
	to: string;
	expiresAt: string;
	link: string;
	revokedInviteIds: string[];
	email: InviteEmail;
}

export function startLink(startUrl: string, token: string): string {
	const url = new URL(startUrl);
	url.searchParams.set('convite', token);
	return url.toString();
}

export async function createInvite(warehouse: Warehouse, input: NewInviteInput): Promise<NewInvite> {
	// Checked before anything is written: a bad URL would e-mail a dead link.
	const url = new URL(input.startUrl);
	if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`The start URL must be http(s): ${input.startUrl}`);
	const client = await warehouse.clients.require(input.clientId);
	const revokedInviteIds = await revokeOpenInvites(warehouse.transport, client.id);
	const invite = await warehouse.invites.create(client.id, {
		ttlSeconds: input.ttlSeconds ?? INVITE_TTL_SECONDS,
		provider: 'mercadolivre',
		createdBy: input.createdBy,
	});
	const link = startLink(input.startUrl, invite.token);
	return {
		inviteId: invite.id,
		clientId: client.id,
		clientName: client.name,
		to: client.contactEmail,
		expiresAt: invite.expiresAt.toISOString(),
		link,
		revokedInviteIds,
		email: renderInviteEmail({ clientName: client.name, link, expiresAt: invite.expiresAt }),
	};
}
