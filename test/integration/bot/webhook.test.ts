// Webhook mode: setWebhook with a secret token at start-up, and a small HTTP server that only
// accepts updates carrying X-Telegram-Bot-Api-Secret-Token.
import { HELP, REFUSED } from '../../../bot/messages';
import { STAFF, STRANGER, startBotHarness, type BotHarness } from './harness';

const SECRET = 'hook_Secret-0123456789';
let h: BotHarness;
let updateId = 9000;

beforeAll(async () => {
	h = await startBotHarness({
		webhook: { url: 'https://bot.viang.example/telegram/hook', secret: SECRET, host: '127.0.0.1', port: 0 },
	});
});

afterAll(async () => {
	await h?.close();
});

function update(fromId: number, text: string) {
	const command = /^\/[A-Za-z0-9_]+/.exec(text);
	return {
		update_id: updateId++,
		message: {
			message_id: updateId,
			date: Math.floor(Date.now() / 1000),
			chat: { id: fromId, type: 'private', first_name: 'Staff' },
			from: { id: fromId, is_bot: false, first_name: 'Staff' },
			text,
			...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
		},
	};
}

async function post(body: unknown, secret?: string): Promise<number> {
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (secret !== undefined) headers['x-telegram-bot-api-secret-token'] = secret;
	const response = await fetch(`${h.running.webhookServer!.url}/telegram/hook`, { method: 'POST', headers, body: JSON.stringify(body) });
	await response.arrayBuffer();
	return response.status;
}

test('start-up registers the webhook with its secret and the command menu; no long polling', () => {
	expect(h.running.mode).toBe('webhook');
	expect(h.telegram.webhook).toEqual({ url: 'https://bot.viang.example/telegram/hook', secretToken: SECRET });
	expect(h.telegram.callsOf('getUpdates')).toHaveLength(0);
	expect(h.telegram.commands?.length).toBe(10);
});

test('updates without the right secret header are refused with 401 and never handled', async () => {
	expect(await post(update(STAFF, '/ajuda'))).toBe(401);
	expect(await post(update(STAFF, '/ajuda'), 'wrong-secret')).toBe(401);
	await new Promise((resolve) => setTimeout(resolve, 200));
	expect(h.telegram.messagesTo(STAFF)).toEqual([]);
});

test('updates with the secret are handled like in long polling (staff-only included)', async () => {
	expect(await post(update(STAFF, '/ajuda'), SECRET)).toBe(200);
	expect((await h.telegram.nextMessage(STAFF)).text).toBe(HELP);
	expect(await post(update(STRANGER, '/clientes'), SECRET)).toBe(200);
	expect((await h.telegram.nextMessage(STRANGER)).text).toBe(REFUSED);
});

test('the wizard works over webhooks too (state in the warehouse)', async () => {
	expect(await post(update(STAFF, '/novo-cliente'), SECRET)).toBe(200);
	expect((await h.telegram.nextMessage(STAFF)).text).toMatch(/1\/5/);
	expect(await post(update(STAFF, 'Loja Webhook'), SECRET)).toBe(200);
	expect((await h.telegram.nextMessage(STAFF)).text).toMatch(/^2\/5/);
	expect(await post(update(STAFF, '/cancelar'), SECRET)).toBe(200);
	expect((await h.telegram.nextMessage(STAFF)).text).toMatch(/saí do assistente/);
});

test('other paths are 404; /healthz answers', async () => {
	const base = h.running.webhookServer!.url;
	expect((await fetch(`${base}/outro`, { method: 'POST', body: '{}' })).status).toBe(404);
	const health = await fetch(`${base}/healthz`);
	expect(health.status).toBe(200);
	expect(await health.text()).toBe('ok');
});
