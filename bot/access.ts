// Only staff use the bot: TELEGRAM_STAFF_IDS or the warehouse table bot_staff. Anyone else gets a
// polite refusal with no client data, and the attempt goes to bot_access_log. Staff commands and
// buttons are logged too (who did what); what staff type in a wizard is not.
import type { Context, MiddlewareFn } from 'grammy';
import { REFUSED, REFUSED_SHORT } from './messages';
import type { BotServices } from './services';

/** The command or button only: never the rest of what was typed. */
export function describeAction(ctx: Context): { action: string; isCommand: boolean } {
	const text = ctx.message?.text ?? ctx.editedMessage?.text;
	if (text !== undefined) {
		const command = /^\/[^\s@]{1,40}/.exec(text.trim());
		if (command) return { action: command[0].toLowerCase(), isCommand: true };
		return { action: 'mensagem', isCommand: false };
	}
	if (ctx.callbackQuery) return { action: `botão:${(ctx.callbackQuery.data ?? '').slice(0, 60)}`, isCommand: true };
	if (ctx.message) return { action: 'mensagem (não texto)', isCommand: false };
	return { action: 'atualização', isCommand: false };
}

export function staffOnly(services: BotServices): MiddlewareFn<Context> {
	return async (ctx, next) => {
		const user = ctx.from;
		// Channel posts, service updates and other bots: nothing to answer.
		if (!user || user.is_bot) return;
		const { action, isCommand } = describeAction(ctx);
		const allowed = services.staffIds.has(user.id) || (await services.store.isStaff(user.id));
		if (allowed && !isCommand) return next();
		try {
			await services.store.logAccess({
				userId: user.id,
				chatId: ctx.chat?.id ?? null,
				username: user.username ?? null,
				action,
				allowed,
			});
		} catch (error) {
			services.logger.warn(`não consegui registrar o acesso em bot_access_log: ${(error as Error).message}`);
		}
		if (allowed) return next();
		services.logger.warn(`acesso recusado: usuário Telegram ${user.id} (${action})`);
		if (ctx.callbackQuery) {
			await ctx.answerCallbackQuery({ text: REFUSED_SHORT, show_alert: true });
			return;
		}
		// In a group, strangers chatting are not talking to the bot: answer only commands there.
		if (ctx.chat?.type === 'private' || isCommand) await ctx.reply(REFUSED);
	};
}
