// `/mcc <cliente> <customer id>`: invites the client's Google Ads account to Viang's manager
// account, through the mcc-invite workflow.
import type { Composer, Context } from 'grammy';
import { findClientAndValue } from '../client-lookup';
import { formatCustomerId, linkStatusLabel } from '../format';
import { usage } from '../messages';
import { requestedBy, type BotServices } from '../services';
import { checkCustomerId } from '../wizard/validation';
import { WorkflowError } from '../workflow-client';

const ALREADY: Record<string, string> = {
	already_pending: 'o convite já estava pendente; nenhum convite novo foi enviado.',
	already_linked: 'a conta já estava vinculada; nenhum convite foi enviado.',
};

export function register(composer: Composer<Context>, services: BotServices): void {
	composer.command('mcc', async (ctx) => {
		// "123 456 7890" is three words: allow up to three for the id.
		const found = await findClientAndValue(services, ctx.match, 3, (value) => checkCustomerId(value, services.managerCustomerId));
		if (!found) {
			await ctx.reply(usage.mcc);
			return;
		}
		if (!found.ok) {
			await ctx.reply(found.error);
			return;
		}
		const account = `Google Ads ${formatCustomerId(found.value)} de "${found.client.name}"`;
		let result;
		try {
			result = await services.workflows.mccInvite(found.client.id, found.value, requestedBy(ctx));
		} catch (error) {
			// The workflow refused the request (its pt-BR `{ error }`): nothing was changed.
			if (error instanceof WorkflowError && error.kind === 'rejected' && error.detail) {
				await ctx.reply(`❌ ${account}: ${error.detail}`);
				return;
			}
			throw error;
		}
		const already = result.action ? ALREADY[result.action] : undefined;
		await ctx.reply(
			`📈 ${account}: ${linkStatusLabel(result.status)}.` +
				(already ? `\nObs.: ${already}` : '') +
				(result.status === 'PENDING' ? '\nO cliente precisa aceitar o convite no Google Ads; eu aviso aqui quando mudar.' : ''),
		);
	});
}
