// `/convite <cliente>`: a new onboarding invite, through the onboarding-invite workflow.
import type { Composer, Context } from 'grammy';
import { clientReference } from '../args';
import { findClient } from '../client-lookup';
import { usage } from '../messages';
import { requestedBy, type BotServices } from '../services';

export function register(composer: Composer<Context>, services: BotServices): void {
	composer.command('convite', async (ctx) => {
		const reference = clientReference(ctx.match);
		if (!reference) {
			await ctx.reply(usage.convite);
			return;
		}
		const found = await findClient(services, reference);
		if (!found.ok) {
			await ctx.reply(found.error);
			return;
		}
		const result = await services.workflows.resendInvite(found.client.id, requestedBy(ctx));
		const email = result.email || found.client.contactEmail;
		await ctx.reply(
			result.inviteStatus === 'sent'
				? `✉️ Novo convite enviado para ${email} (cliente "${found.client.name}").`
				: `Convite para ${email} (cliente "${found.client.name}"): ${result.inviteStatus}.`,
		);
	});
}
