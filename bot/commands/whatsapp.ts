// `/whatsapp <cliente> <número>`: creates the client's WhatsApp instance, through the
// whatsapp-instance workflow.
import type { Composer, Context } from 'grammy';
import { findClientAndValue } from '../client-lookup';
import { formatPhone, whatsappStatusLabel } from '../format';
import { usage } from '../messages';
import { requestedBy, type BotServices } from '../services';
import { checkPhone } from '../wizard/validation';
import { WorkflowError } from '../workflow-client';

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
		const failed = `❌ O n8n não conseguiu criar a instância de WhatsApp de "${found.client.name}"`;
		let result;
		try {
			result = await services.workflows.whatsappInstance(found.client.id, found.value, requestedBy(ctx));
		} catch (error) {
			// The workflow refused the request (its pt-BR `{ error }`): nothing was created.
			if (error instanceof WorkflowError && error.kind === 'rejected' && error.detail) {
				await ctx.reply(`${failed}: ${error.detail}`);
				return;
			}
			throw error;
		}
		if ('error' in result) {
			await ctx.reply(`${failed}: ${result.error.slice(0, 1000)}`);
			return;
		}
		const lines = [
			`📱 Instância de WhatsApp de "${found.client.name}" (${formatPhone(found.value)}): ${whatsappStatusLabel(result.status)}.`,
			`ID da instância: ${result.instanceId}`,
		];
		if (result.phoneNumberId) lines.push(`Phone number id (Meta): ${result.phoneNumberId}`);
		for (const warning of result.warnings ?? []) lines.push(`⚠️ ${warning}`);
		await ctx.reply(lines.join('\n'));
	});
}
