// `/whatsapp <cliente> <número>`: creates the client's WhatsApp instance, through the
// whatsapp-instance workflow.
import type { Composer, Context } from 'grammy';
import { findClientAndValue } from '../client-lookup';
import { formatPhone } from '../format';
import { usage } from '../messages';
import { requestedBy, type BotServices } from '../services';
import { checkPhone } from '../wizard/validation';

export function register(composer: Composer<Context>, services: BotServices): void {
	composer.command('whatsapp', async (ctx) => {
		// "+55 11 98765-4321" is three words; allow a few more for other spacings.
		const found = await findClientAndValue(services, ctx.match, 5, checkPhone);
		if (!found) {
			await ctx.reply(usage.whatsapp);
			return;
		}
		if (!found.ok) {
			await ctx.reply(found.error);
			return;
		}
		const result = await services.workflows.whatsappInstance(found.client.id, found.value, requestedBy(ctx));
		if ('error' in result) {
			await ctx.reply(`❌ O n8n não conseguiu criar a instância de WhatsApp de "${found.client.name}": ${result.error.slice(0, 300)}`);
			return;
		}
		await ctx.reply(
			`📱 Instância de WhatsApp de "${found.client.name}" (${formatPhone(found.value)}): ${result.status}.\nID da instância: ${result.instanceId}`,
		);
	});
}
