// A fake Telegram Bot API on loopback (FakeServer): `POST /bot<token>/<method>`. The bot under test
// points grammY's `client.apiRoot` at it. The test plays the users — sendUserMessage (with the
// bot_command entity Telegram would attach) and pressButton — and reads what the bot sent.
// getUpdates is real long polling: it holds the request until an update arrives or the timeout.
import type { BotCommand, InlineKeyboardMarkup, Update } from 'grammy/types';
import { FakeServer, type FakeRequest, type FakeResponse } from './base';

export const FAKE_BOT_TOKEN = '123456789:AAFakeTelegramBotTokenForTests_0123';
export const FAKE_BOT = {
	id: 123456789,
	is_bot: true as const,
	first_name: 'Viang Staff',
	username: 'viang_staff_bot',
	can_join_groups: true,
	can_read_all_group_messages: false,
	supports_inline_queries: false,
	can_connect_to_business: false,
	has_main_web_app: false,
	has_topics_enabled: false,
	allows_users_to_create_topics: false,
};

export interface SentMessage {
	messageId: number;
	chatId: number;
	text: string;
	replyMarkup: InlineKeyboardMarkup | undefined;
	/** Texts this message had before each edit, oldest first. */
	history: string[];
}

export interface ApiCall {
	method: string;
	token: string;
	payload: Record<string, unknown>;
}

export interface CallbackAnswer {
	callbackQueryId: string;
	text?: string;
	showAlert?: boolean;
}

export interface UserOptions {
	/** Defaults to the user's private chat (chat id = user id). */
	chatId?: number;
	chatType?: 'private' | 'group' | 'supergroup';
	username?: string;
	firstName?: string;
}

interface Fault {
	method: string;
	errorCode: number;
	description: string;
	retryAfter?: number;
}

const COMMAND_NAME = /^[a-z0-9_]{1,32}$/;

function buttonsOf(markup: InlineKeyboardMarkup | undefined): string[] {
	return (markup?.inline_keyboard ?? []).flat().map((button) => ('callback_data' in button ? button.callback_data : button.text));
}

export class FakeTelegram {
	readonly server = new FakeServer('telegram');
	readonly calls: ApiCall[] = [];
	readonly messages: SentMessage[] = [];
	readonly answers: CallbackAnswer[] = [];
	commands: BotCommand[] | undefined;
	webhook: { url: string; secretToken?: string } | undefined;

	private updates: Update[] = [];
	private nextUpdateId = 1;
	/** Updates below this id were confirmed by a getUpdates offset and are gone. */
	private confirmedBelow = 0;
	private nextMessageId = 1000;
	private nextCallbackId = 1;
	private waiters = new Set<() => void>();
	private readonly consumed = new Map<number, number>();
	private readonly faults: Fault[] = [];

	constructor(readonly token = FAKE_BOT_TOKEN) {
		// FakeServer params are whole segments: `/bot<token>` is one, the prefix is stripped below.
		this.server.route('POST', '/:botToken/:method', (request) => this.handle(request));
		this.server.route('GET', '/:botToken/:method', (request) => this.handle(request));
	}

	async start(): Promise<string> {
		return this.server.start();
	}

	async stop(): Promise<void> {
		this.wakeAll();
		await this.server.stop();
	}

	/** grammY's `client.apiRoot`. */
	get apiRoot(): string {
		return this.server.url;
	}

	/** The next `count` calls of `method` fail with a Telegram error. */
	failNext(method: string, count: number, errorCode = 502, description = 'Bad Gateway'): void {
		for (let i = 0; i < count; i++) this.faults.push({ method, errorCode, description });
	}

	// ---- the test plays users ----------------------------------------------------------------

	/** A text message from a user, with the bot_command entity Telegram's parser would add. */
	sendUserMessage(fromId: number, text: string, options: UserOptions = {}): number {
		const chatId = options.chatId ?? fromId;
		const entities = [];
		// Telegram's rule: `/` then [A-Za-z0-9_]{1,64}, optionally @bot — `/novo-cliente` is `/novo`.
		const command = /^\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?/.exec(text);
		if (command) entities.push({ type: 'bot_command' as const, offset: 0, length: command[0].length });
		const update = {
			update_id: this.nextUpdateId++,
			message: {
				message_id: this.nextMessageId++,
				date: Math.floor(Date.now() / 1000),
				chat: this.chat(chatId, fromId, options),
				from: this.user(fromId, options),
				text,
				...(entities.length > 0 ? { entities } : {}),
			},
		} as Update;
		this.push(update);
		return update.update_id;
	}

	/** A press on an inline button of a message the bot sent; returns the callback query id. */
	pressButton(fromId: number, message: SentMessage, data: string, options: UserOptions = {}): string {
		const id = `cb${this.nextCallbackId++}`;
		const update = {
			update_id: this.nextUpdateId++,
			callback_query: {
				id,
				chat_instance: `ci${message.chatId}`,
				from: this.user(fromId, options),
				data,
				message: {
					message_id: message.messageId,
					date: Math.floor(Date.now() / 1000),
					chat: this.chat(message.chatId, fromId, options),
					from: FAKE_BOT,
					text: message.text,
					...(message.replyMarkup ? { reply_markup: message.replyMarkup } : {}),
				},
			},
		} as Update;
		this.push(update);
		return id;
	}

	/** Presses the button labelled `label` (or with that callback data) on `message`. */
	press(fromId: number, message: SentMessage, label: string | RegExp, options: UserOptions = {}): string {
		const button = (message.replyMarkup?.inline_keyboard ?? [])
			.flat()
			.find((b) => (typeof label === 'string' ? b.text === label || ('callback_data' in b && b.callback_data === label) : label.test(b.text)));
		if (!button || !('callback_data' in button) || !button.callback_data) {
			throw new Error(`no button ${String(label)} on message ${message.messageId}: ${JSON.stringify(buttonsOf(message.replyMarkup))}`);
		}
		return this.pressButton(fromId, message, button.callback_data, options);
	}

	// ---- what the bot did --------------------------------------------------------------------

	messagesTo(chatId: number): SentMessage[] {
		return this.messages.filter((message) => message.chatId === chatId);
	}

	callsOf(method: string): ApiCall[] {
		return this.calls.filter((call) => call.method === method);
	}

	/** The next message to `chatId` not returned before (in send order); waits for it. */
	async nextMessage(chatId: number, timeoutMs = 10_000): Promise<SentMessage> {
		const index = this.consumed.get(chatId) ?? 0;
		const message = await this.waitFor(() => this.messagesTo(chatId)[index], timeoutMs, `message #${index + 1} to chat ${chatId}`);
		this.consumed.set(chatId, index + 1);
		return message;
	}

	/** Marks every message sent so far to `chatId` as seen. */
	skipMessages(chatId: number): void {
		this.consumed.set(chatId, this.messagesTo(chatId).length);
	}

	/** Messages to `chatId` not yet returned by nextMessage. */
	unreadMessages(chatId: number): SentMessage[] {
		return this.messagesTo(chatId).slice(this.consumed.get(chatId) ?? 0);
	}

	async answerOf(callbackQueryId: string, timeoutMs = 10_000): Promise<CallbackAnswer> {
		return this.waitFor(() => this.answers.find((a) => a.callbackQueryId === callbackQueryId), timeoutMs, `answer to ${callbackQueryId}`);
	}

	/** Whether every update fed so far was fetched and confirmed by the bot. */
	get idle(): boolean {
		return this.updates.length === 0;
	}

	async waitFor<T>(probe: () => T | undefined, timeoutMs = 10_000, what = 'condition'): Promise<T> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const value = probe();
			if (value !== undefined && value !== false) return value;
			if (Date.now() > deadline) throw new Error(`fake Telegram: timed out waiting for ${what}`);
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
	}

	// ---- the Bot API -------------------------------------------------------------------------

	private chat(chatId: number, fromId: number, options: UserOptions) {
		const type = options.chatType ?? (chatId === fromId ? 'private' : 'group');
		return type === 'private'
			? { id: chatId, type, first_name: options.firstName ?? `User ${fromId}` }
			: { id: chatId, type, title: 'Equipe Viang' };
	}

	private user(fromId: number, options: UserOptions) {
		return {
			id: fromId,
			is_bot: false,
			first_name: options.firstName ?? `User ${fromId}`,
			...(options.username ? { username: options.username } : {}),
			language_code: 'pt-br',
		};
	}

	private push(update: Update): void {
		this.updates.push(update);
		this.wakeAll();
	}

	private wakeAll(): void {
		for (const wake of this.waiters) wake();
		this.waiters.clear();
	}

	private ok(result: unknown): FakeResponse {
		return { status: 200, body: { ok: true, result } };
	}

	private error(errorCode: number, description: string, retryAfter?: number): FakeResponse {
		return {
			status: errorCode,
			body: { ok: false, error_code: errorCode, description, ...(retryAfter ? { parameters: { retry_after: retryAfter } } : {}) },
		};
	}

	private messageResult(message: SentMessage) {
		return {
			message_id: message.messageId,
			date: Math.floor(Date.now() / 1000),
			chat: message.chatId > 0 ? { id: message.chatId, type: 'private', first_name: 'Staff' } : { id: message.chatId, type: 'group', title: 'Equipe Viang' },
			from: FAKE_BOT,
			text: message.text,
			...(message.replyMarkup ? { reply_markup: message.replyMarkup } : {}),
		};
	}

	private async handle(request: FakeRequest): Promise<FakeResponse> {
		const { botToken, method } = request.params;
		const token = botToken.replace(/^bot/, '');
		const payload = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, unknown>;
		this.calls.push({ method, token, payload });
		if (token !== this.token) return this.error(401, 'Unauthorized');
		const faultIndex = this.faults.findIndex((fault) => fault.method === method);
		if (faultIndex >= 0) {
			const [fault] = this.faults.splice(faultIndex, 1);
			return this.error(fault.errorCode, fault.description, fault.retryAfter);
		}
		switch (method) {
			case 'getMe':
				return this.ok(FAKE_BOT);
			case 'getUpdates':
				return this.getUpdates(payload);
			case 'deleteWebhook':
				this.webhook = undefined;
				if (payload.drop_pending_updates) this.updates = [];
				return this.ok(true);
			case 'setWebhook':
				this.webhook = { url: String(payload.url), secretToken: payload.secret_token as string | undefined };
				return this.ok(true);
			case 'getWebhookInfo':
				return this.ok({ url: this.webhook?.url ?? '', has_custom_certificate: false, pending_update_count: this.updates.length });
			case 'setMyCommands':
				return this.setMyCommands(payload);
			case 'sendMessage':
				return this.sendMessage(payload);
			case 'editMessageText':
				return this.editMessage(payload, true);
			case 'editMessageReplyMarkup':
				return this.editMessage(payload, false);
			case 'answerCallbackQuery':
				this.answers.push({
					callbackQueryId: String(payload.callback_query_id),
					text: payload.text as string | undefined,
					showAlert: payload.show_alert as boolean | undefined,
				});
				return this.ok(true);
			case 'sendChatAction':
				return this.ok(true);
			default:
				return this.error(404, `Not Found: method ${method} is not faked`);
		}
	}

	private async getUpdates(payload: Record<string, unknown>): Promise<FakeResponse> {
		if (this.webhook) return this.error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
		const offset = Number(payload.offset ?? 0);
		const limit = Math.min(Math.max(Number(payload.limit ?? 100), 1), 100);
		const timeoutSeconds = Math.min(Number(payload.timeout ?? 0), 50);
		if (offset > this.confirmedBelow) this.confirmedBelow = offset;
		const available = () => {
			this.updates = this.updates.filter((update) => update.update_id >= this.confirmedBelow);
			return this.updates.slice(0, limit);
		};
		if (available().length === 0 && timeoutSeconds > 0) {
			await new Promise<void>((resolve) => {
				const timer = setTimeout(() => {
					this.waiters.delete(wake);
					resolve();
				}, timeoutSeconds * 1000);
				timer.unref();
				const wake = () => {
					clearTimeout(timer);
					resolve();
				};
				this.waiters.add(wake);
			});
		}
		return this.ok(available());
	}

	private setMyCommands(payload: Record<string, unknown>): FakeResponse {
		const commands = (payload.commands ?? []) as BotCommand[];
		for (const command of commands) {
			if (!COMMAND_NAME.test(command.command)) return this.error(400, 'Bad Request: BOT_COMMAND_INVALID');
			if (!command.description || command.description.length > 256) return this.error(400, 'Bad Request: command description is invalid');
		}
		this.commands = commands;
		return this.ok(true);
	}

	private sendMessage(payload: Record<string, unknown>): FakeResponse {
		const text = String(payload.text ?? '');
		if (text.trim() === '') return this.error(400, 'Bad Request: message text is empty');
		if (text.length > 4096) return this.error(400, 'Bad Request: message is too long');
		const message: SentMessage = {
			messageId: this.nextMessageId++,
			chatId: Number(payload.chat_id),
			text,
			replyMarkup: payload.reply_markup as InlineKeyboardMarkup | undefined,
			history: [],
		};
		this.messages.push(message);
		return this.ok(this.messageResult(message));
	}

	private editMessage(payload: Record<string, unknown>, withText: boolean): FakeResponse {
		const message = this.messages.find((m) => m.messageId === Number(payload.message_id) && m.chatId === Number(payload.chat_id));
		if (!message) return this.error(400, 'Bad Request: message to edit not found');
		const text = withText ? String(payload.text ?? '') : message.text;
		const markup = payload.reply_markup as InlineKeyboardMarkup | undefined;
		const sameMarkup = JSON.stringify(buttonsOf(markup)) === JSON.stringify(buttonsOf(message.replyMarkup));
		if (text === message.text && sameMarkup) {
			return this.error(400, 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
		}
		if (text !== message.text) message.history.push(message.text);
		message.text = text;
		message.replyMarkup = markup && markup.inline_keyboard?.length ? markup : undefined;
		return this.ok(this.messageResult(message));
	}
}
