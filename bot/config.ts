// The bot's configuration, read from the environment once at start-up. Secrets stay in this
// object: nothing here is ever logged.
import { UserInputError } from '../domain/validation/errors';

export const DEFAULT_TELEGRAM_API_ROOT = 'https://api.telegram.org';
/** The local stack's n8n (`npm start`). */
export const DEFAULT_N8N_WEBHOOK_URL = 'http://127.0.0.1:5678';

export interface WebhookModeConfig {
	/** Public HTTPS URL Telegram posts updates to. */
	url: string;
	/** Telegram sends it back in X-Telegram-Bot-Api-Secret-Token. */
	secret: string;
	/** Where the bot's own HTTP server listens (a reverse proxy forwards `url` to it). */
	host: string;
	port: number;
}

export interface BotConfig {
	token: string;
	apiRoot: string;
	/** TELEGRAM_STAFF_IDS; the warehouse table bot_staff adds to them. */
	staffIds: number[];
	/** Where notifications go; undefined: none are delivered. */
	staffChatId: number | undefined;
	n8nWebhookUrl: string;
	/** VIANG_WEBHOOK_SECRET; undefined: actions answer that n8n is not configured. */
	webhookSecret: string | undefined;
	workflowTimeoutMs: number;
	notificationIntervalMs: number;
	webhook: WebhookModeConfig | undefined;
	/** GOOGLE_ADS_MANAGER_CUSTOMER_ID: `/mcc` refuses to invite the manager itself. */
	managerCustomerId: string | undefined;
}

const TELEGRAM_ID = /^-?\d{1,20}$/;

export function parseTelegramIds(value: string | undefined, name: string): number[] {
	const parts = (value ?? '')
		.split(/[\s,;]+/)
		.map((part) => part.trim())
		.filter((part) => part !== '');
	return parts.map((part) => {
		if (!TELEGRAM_ID.test(part)) throw new UserInputError(`${name}: "${part}" não é um id numérico do Telegram`);
		return Number(part);
	});
}

function positiveInt(value: string | undefined, name: string, fallback: number): number {
	if (value === undefined || value.trim() === '') return fallback;
	const number = Number(value);
	if (!Number.isInteger(number) || number <= 0) throw new UserInputError(`${name} deve ser um número inteiro positivo`);
	return number;
}

function webhookMode(env: NodeJS.ProcessEnv): WebhookModeConfig | undefined {
	const url = env.TELEGRAM_WEBHOOK_URL?.trim();
	if (!url) return undefined;
	if (!/^https?:\/\//.test(url)) throw new UserInputError('TELEGRAM_WEBHOOK_URL deve ser uma URL http(s)');
	const secret = env.TELEGRAM_WEBHOOK_SECRET?.trim() ?? '';
	// Telegram's rule for secret_token: 1-256 characters A-Z, a-z, 0-9, _ and -.
	if (!/^[A-Za-z0-9_-]{1,256}$/.test(secret)) {
		throw new UserInputError('Com TELEGRAM_WEBHOOK_URL defina TELEGRAM_WEBHOOK_SECRET (1-256 letras, números, _ ou -)');
	}
	return {
		url,
		secret,
		host: env.TELEGRAM_WEBHOOK_HOST?.trim() || '0.0.0.0',
		port: positiveInt(env.TELEGRAM_WEBHOOK_PORT, 'TELEGRAM_WEBHOOK_PORT', 8443),
	};
}

export function botConfigFromEnv(env: NodeJS.ProcessEnv = process.env): BotConfig {
	const token = env.TELEGRAM_BOT_TOKEN?.trim();
	if (!token) throw new UserInputError('Defina TELEGRAM_BOT_TOKEN (o token do bot, do @BotFather)');
	const [staffChatId] = parseTelegramIds(env.TELEGRAM_STAFF_CHAT_ID, 'TELEGRAM_STAFF_CHAT_ID');
	return {
		token,
		apiRoot: (env.TELEGRAM_API_ROOT?.trim() || DEFAULT_TELEGRAM_API_ROOT).replace(/\/+$/, ''),
		staffIds: parseTelegramIds(env.TELEGRAM_STAFF_IDS, 'TELEGRAM_STAFF_IDS'),
		staffChatId,
		n8nWebhookUrl: (env.N8N_WEBHOOK_URL?.trim() || DEFAULT_N8N_WEBHOOK_URL).replace(/\/+$/, ''),
		webhookSecret: env.VIANG_WEBHOOK_SECRET?.trim() || undefined,
		workflowTimeoutMs: positiveInt(env.VIANG_WORKFLOW_TIMEOUT_MS, 'VIANG_WORKFLOW_TIMEOUT_MS', 60_000),
		notificationIntervalMs: positiveInt(env.TELEGRAM_NOTIFY_INTERVAL_MS, 'TELEGRAM_NOTIFY_INTERVAL_MS', 5_000),
		webhook: webhookMode(env),
		managerCustomerId: env.GOOGLE_ADS_MANAGER_CUSTOMER_ID?.trim() || undefined,
	};
}
