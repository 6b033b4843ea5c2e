// Turning failures into what staff read: workflow and input errors as they are (pt-BR), anything
// else as a short apology, with the detail only in the log.
import { GrammyError, type Context } from 'grammy';
import { UserInputError } from '../domain/validation/errors';
import { WarehouseError } from '../domain/warehouse/transport';
import { GENERIC_ERROR, WAREHOUSE_ERROR } from './messages';
import type { BotLogger } from './services';
import { WorkflowError } from './workflow-client';

export function errorMessageFor(error: unknown, logger: BotLogger): string {
	if (error instanceof WorkflowError) {
		logger.warn(`workflow: ${error.kind}${error.status ? ` (HTTP ${error.status})` : ''}`);
		return `❌ ${error.message}`;
	}
	if (error instanceof UserInputError) return error.message;
	if (error instanceof WarehouseError || (error as { code?: string } | undefined)?.code === 'ECONNREFUSED') {
		logger.error(`warehouse: ${(error as Error).message}`);
		return WAREHOUSE_ERROR;
	}
	logger.error(`erro inesperado: ${(error as Error)?.message ?? String(error)}`);
	return GENERIC_ERROR;
}

/** Replies with the error's message; a failure to reply is only logged. */
export async function replyWithError(ctx: Context, error: unknown, logger: BotLogger): Promise<void> {
	const message = errorMessageFor(error, logger);
	try {
		if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
		if (ctx.chat) await ctx.reply(message);
	} catch (replyError) {
		logger.warn(`não consegui responder o erro: ${(replyError as Error).message}`);
	}
}

/** Telegram refuses an edit that changes nothing; that is not a failure for us. */
export function isNotModified(error: unknown): boolean {
	return error instanceof GrammyError && /message is not modified/i.test(error.description);
}
