// `/painel <cliente>`: the client's signed dashboard link (domain/metabase), when dashboards are
// configured (bot/dashboards.ts).
import type { Composer, Context } from 'grammy';
import { clientReference } from '../args';
import { findClient } from '../client-lookup';
import { formatDateTime } from '../format';
import { dashboardsNotConfigured, usage } from '../messages';
import type { BotServices } from '../services';

export function register(composer: Composer<Context>, services: BotServices): void {
	composer.command('painel', async (ctx) => {
		const reference = clientReference(ctx.match);
		if (!reference) {
			await ctx.reply(usage.painel);
			return;
		}
		const found = await findClient(services, reference);
		if (!found.ok) {
			await ctx.reply(found.error);
			return;
		}
		if (!services.dashboards) {
			await ctx.reply(dashboardsNotConfigured);
			return;
		}
		const link = await services.dashboards.linkFor(found.client);
		await ctx.reply(
			`📊 Painel de "${found.client.name}" — link assinado, só com os dados deste cliente, válido até ${formatDateTime(link.expiresAt)}:\n${link.url}`,
			{ link_preview_options: { is_disabled: true } },
		);
	});
}
