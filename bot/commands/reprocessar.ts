// `/reprocessar <cliente> <data_inicio>`: reprocesses from that day on, through the reprocess workflow.
import type { Composer, Context } from 'grammy';
import { parseStartDate } from '../args';
import { findClientAndValue } from '../client-lookup';
import { formatDay } from '../format';
import { usage } from '../messages';
import { requestedBy, type BotServices } from '../services';

export function register(composer: Composer<Context>, services: BotServices): void {
	composer.command('reprocessar', async (ctx) => {
		const found = await findClientAndValue(services, ctx.match, 1, (value) => parseStartDate(value));
		if (!found) {
			await ctx.reply(usage.reprocessar);
			return;
		}
		if (!found.ok) {
			await ctx.reply(found.error);
			return;
		}
		await services.workflows.reprocess(found.client.id, found.value, requestedBy(ctx));
		await ctx.reply(
			`🔄 Reprocessamento de "${found.client.name}" a partir de ${formatDay(found.value)} iniciado no n8n. ` +
				'Acompanhe em Executions; falhas aparecem aqui.',
		);
	});
}
