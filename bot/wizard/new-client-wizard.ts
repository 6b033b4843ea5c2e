// The `/novo_cliente` state machine. Its state lives in the warehouse (bot_conversations), one per
// (chat, user), so a restart of the bot resumes where staff were. Every move is a compare-and-set
// on the step: a double press or two quick answers move it once.
import type { Context } from 'grammy';
import { cancelNothing, cancelled, wizard as texts } from '../messages';
import { errorMessageFor, isNotModified } from '../reply-errors';
import { requestedBy, type BotServices } from '../services';
import type { StoredConversation } from '../store';
import {
	CALLBACK,
	confirmKeyboard,
	INPUT_STEPS,
	inputStep,
	NEW_CLIENT_WIZARD,
	nextStep,
	promptKeyboard,
	SKIPPED,
	summary,
	type InputStep,
	type NewClientData,
	type StepId,
} from './steps';
import { isSkip } from './validation';

/** A submission older than this was cut short (the bot stopped mid-call): offer the summary again. */
const STALE_SUBMISSION_MS = 5 * 60_000;

interface Where {
	chatId: number;
	userId: number;
}

function where(ctx: Context): Where | undefined {
	return ctx.chat && ctx.from ? { chatId: ctx.chat.id, userId: ctx.from.id } : undefined;
}

export class NewClientWizard {
	constructor(private readonly services: BotServices) {}

	async start(ctx: Context): Promise<void> {
		const at = where(ctx);
		if (!at) return;
		const previous = await this.services.store.conversation(at.chatId, at.userId);
		await this.services.store.saveConversation(at.chatId, at.userId, { wizard: NEW_CLIENT_WIZARD, step: 'name', data: {} });
		const intro = previous ? `${texts.restart}\n\n` : `${texts.start}\n\n`;
		await ctx.reply(intro + INPUT_STEPS[0].prompt);
	}

	/** `/cancelar`: leaves whatever wizard is running. */
	async cancel(ctx: Context): Promise<void> {
		const at = where(ctx);
		if (!at) return;
		const cleared = await this.services.store.clearConversation(at.chatId, at.userId);
		await ctx.reply(cleared ? cancelled : cancelNothing);
	}

	/** A text message: an answer when a wizard is running (true), otherwise not ours (false). */
	async answer(ctx: Context, text: string): Promise<boolean> {
		const at = where(ctx);
		if (!at) return false;
		const state = await this.services.store.conversation(at.chatId, at.userId);
		if (!state || state.wizard !== NEW_CLIENT_WIZARD) return false;
		const step = inputStep(state.step);
		if (step) {
			await this.acceptAnswer(ctx, at, state, step, text);
		} else if (state.step === 'confirm') {
			await ctx.reply(texts.pressButtons);
		} else if (state.step === 'submitting') {
			if (Date.now() - state.updatedAt.getTime() > STALE_SUBMISSION_MS) await this.showSummary(ctx, at, state, 'submitting');
			else await ctx.reply(texts.sending);
		}
		return true;
	}

	/** A press on one of the wizard's buttons (callback data `wiz:*`). */
	async press(ctx: Context, data: string): Promise<void> {
		const at = where(ctx);
		if (!at) return;
		const state = await this.services.store.conversation(at.chatId, at.userId);
		if (!state || state.wizard !== NEW_CLIENT_WIZARD) {
			await this.dropButtons(ctx);
			await ctx.answerCallbackQuery({ text: texts.stale });
			return;
		}
		if (data === CALLBACK.cancel) {
			await this.services.store.clearConversation(at.chatId, at.userId);
			await this.editPressed(ctx, texts.cancelled);
			await ctx.answerCallbackQuery();
			return;
		}
		if (data === CALLBACK.skip) {
			const step = inputStep(state.step);
			if (!step?.optional) {
				await ctx.answerCallbackQuery({ text: texts.stale });
				return;
			}
			await ctx.answerCallbackQuery();
			await this.dropButtons(ctx);
			await this.advance(ctx, at, state, step, SKIPPED[step.id]);
			return;
		}
		if (data === CALLBACK.confirm) {
			await this.submit(ctx, at, state);
			return;
		}
		await ctx.answerCallbackQuery({ text: texts.stale });
	}

	private async acceptAnswer(ctx: Context, at: Where, state: StoredConversation, step: InputStep, text: string): Promise<void> {
		if (step.optional && isSkip(text)) {
			await this.advance(ctx, at, state, step, SKIPPED[step.id]);
			return;
		}
		const checked = await step.check(text, this.services);
		if (!checked.ok) {
			await ctx.reply(checked.error, { reply_markup: promptKeyboard(step) });
			return;
		}
		await this.advance(ctx, at, state, step, checked.value);
	}

	private async advance(
		ctx: Context,
		at: Where,
		state: StoredConversation,
		step: InputStep,
		patch: Partial<NewClientData>,
	): Promise<void> {
		const data = { ...(state.data as NewClientData), ...patch };
		const next: StepId = nextStep(step.id);
		const moved = await this.services.store.saveConversation(at.chatId, at.userId, { wizard: NEW_CLIENT_WIZARD, step: next, data: { ...data } }, step.id);
		if (!moved) return;
		if (next === 'confirm') {
			await ctx.reply(summary(data), { reply_markup: confirmKeyboard() });
			return;
		}
		const following = inputStep(next) as InputStep;
		await ctx.reply(following.prompt, { reply_markup: promptKeyboard(following) });
	}

	private async showSummary(ctx: Context, at: Where, state: StoredConversation, from: StepId): Promise<void> {
		const moved = await this.services.store.saveConversation(
			at.chatId,
			at.userId,
			{ wizard: NEW_CLIENT_WIZARD, step: 'confirm', data: state.data },
			from,
		);
		if (moved) await ctx.reply(summary(state.data as NewClientData), { reply_markup: confirmKeyboard() });
	}

	private async submit(ctx: Context, at: Where, state: StoredConversation): Promise<void> {
		const moved =
			state.step === 'confirm' &&
			(await this.services.store.saveConversation(
				at.chatId,
				at.userId,
				{ wizard: NEW_CLIENT_WIZARD, step: 'submitting', data: state.data },
				'confirm',
			));
		if (!moved) {
			await ctx.answerCallbackQuery({ text: state.step === 'submitting' ? texts.sending : texts.stale });
			return;
		}
		await ctx.answerCallbackQuery({ text: texts.sending });
		const data = state.data as NewClientData;
		await this.editPressed(ctx, `${summary(data).replace(`\n\n${texts.confirmHint}`, '')}\n\n${texts.sending}`);
		try {
			const result = await this.services.workflows.inviteNewClient({
				name: data.name as string,
				email: data.email as string,
				document: data.document as string,
				googleAdsCustomerId: data.googleAdsCustomerId ?? undefined,
				whatsappNumber: data.whatsappNumber ?? undefined,
				requestedBy: requestedBy(ctx),
			});
			await this.services.store.clearConversation(at.chatId, at.userId);
			await ctx.reply(texts.created(data.name as string, result.clientId, result.email || (data.email as string), result.inviteStatus));
		} catch (error) {
			// Back to the summary: staff may retry without typing everything again.
			await this.services.store.saveConversation(
				at.chatId,
				at.userId,
				{ wizard: NEW_CLIENT_WIZARD, step: 'confirm', data: state.data },
				'submitting',
			);
			await ctx.reply(`${errorMessageFor(error, this.services.logger)}\n\n${texts.failedRetry}`, { reply_markup: confirmKeyboard() });
		}
	}

	/** Replaces the pressed message's text and removes its buttons. */
	private async editPressed(ctx: Context, text: string): Promise<void> {
		try {
			await ctx.editMessageText(text);
		} catch (error) {
			if (!isNotModified(error)) this.services.logger.warn(`não consegui editar a mensagem: ${(error as Error).message}`);
		}
	}

	private async dropButtons(ctx: Context): Promise<void> {
		try {
			await ctx.editMessageReplyMarkup({ reply_markup: undefined });
		} catch (error) {
			if (!isNotModified(error)) this.services.logger.warn(`não consegui remover os botões: ${(error as Error).message}`);
		}
	}
}
