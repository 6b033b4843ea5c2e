import { botConfigFromEnv, parseTelegramIds } from '../../../bot/config';

const BASE = { TELEGRAM_BOT_TOKEN: '123:abc' };

test('defaults: Telegram API, local n8n, long polling', () => {
	const config = botConfigFromEnv({ ...BASE });
	expect(config).toMatchObject({
		apiRoot: 'https://api.telegram.org',
		n8nWebhookUrl: 'http://127.0.0.1:5678',
		staffIds: [],
		staffChatId: undefined,
		webhookSecret: undefined,
		webhook: undefined,
		notificationIntervalMs: 5_000,
	});
});

test('everything from the environment', () => {
	const config = botConfigFromEnv({
		...BASE,
		TELEGRAM_API_ROOT: 'http://127.0.0.1:9999/',
		TELEGRAM_STAFF_IDS: '111, 222 ,,333',
		TELEGRAM_STAFF_CHAT_ID: '-1001234',
		N8N_WEBHOOK_URL: 'https://n8n.viang.com.br/',
		VIANG_WEBHOOK_SECRET: 's3cret',
		TELEGRAM_WEBHOOK_URL: 'https://bot.viang.com.br/tg',
		TELEGRAM_WEBHOOK_SECRET: 'abc_DEF-123',
		TELEGRAM_WEBHOOK_PORT: '8080',
	});
	expect(config).toMatchObject({
		apiRoot: 'http://127.0.0.1:9999',
		staffIds: [111, 222, 333],
		staffChatId: -1001234,
		n8nWebhookUrl: 'https://n8n.viang.com.br',
		webhookSecret: 's3cret',
		webhook: { url: 'https://bot.viang.com.br/tg', secret: 'abc_DEF-123', host: '0.0.0.0', port: 8080 },
	});
});

test('clear pt-BR errors for bad configuration', () => {
	expect(() => botConfigFromEnv({})).toThrow('Defina TELEGRAM_BOT_TOKEN');
	expect(() => parseTelegramIds('12,abc', 'TELEGRAM_STAFF_IDS')).toThrow('TELEGRAM_STAFF_IDS: "abc" não é um id numérico do Telegram');
	expect(() => botConfigFromEnv({ ...BASE, TELEGRAM_WEBHOOK_URL: 'https://x/tg' })).toThrow(/defina TELEGRAM_WEBHOOK_SECRET/);
	expect(() => botConfigFromEnv({ ...BASE, TELEGRAM_WEBHOOK_URL: 'https://x/tg', TELEGRAM_WEBHOOK_SECRET: 'has space' })).toThrow(
		/TELEGRAM_WEBHOOK_SECRET/,
	);
	expect(() => botConfigFromEnv({ ...BASE, TELEGRAM_NOTIFY_INTERVAL_MS: '0' })).toThrow(/inteiro positivo/);
});
