// Only staff: strangers get a polite refusal, no client data, and the attempt is in bot_access_log.
import { BotStore } from '../../../bot/store';
import { REFUSED, REFUSED_SHORT } from '../../../bot/messages';
import { STAFF, STAFF_CHAT, STRANGER, startBotHarness, type BotHarness } from './harness';

let h: BotHarness;
const TABLE_STAFF = 4242;

beforeAll(async () => {
	h = await startBotHarness();
	await h.warehouse.clients.create({ name: 'Cliente Sigiloso', email: 'sigilo@example.com' });
});

afterAll(async () => {
	await h?.close();
});

async function accessLog(userId: number) {
	return h.sql<{ action: string; allowed: boolean; chat_id: string; username: string | null }>(
		'select action, allowed, chat_id, username from public.bot_access_log where telegram_user_id = $1 order by id',
		[userId],
	);
}

test('a stranger is refused politely, logged, and sees no client data', async () => {
	for (const command of ['/clientes', '/cliente Cliente Sigiloso', '/novo_cliente', '/novo-cliente', '/convite Cliente Sigiloso']) {
		expect((await h.say(STRANGER, command, { username: 'curioso' })).text).toBe(REFUSED);
	}
	expect((await h.say(STRANGER, 'oi, quem é você?')).text).toBe(REFUSED);

	const everything = h.telegram.messagesTo(STRANGER).map((m) => m.text).join('\n');
	expect(everything).not.toMatch(/Sigiloso|sigilo@/);
	expect(h.telegram.messagesTo(STRANGER).every((m) => m.replyMarkup === undefined)).toBe(true);
	expect(await h.sql('select * from public.bot_conversations where user_id = $1', [STRANGER])).toEqual([]);
	expect(h.n8n.calls('onboarding-invite')).toHaveLength(0);

	const log = await accessLog(STRANGER);
	expect(log.map((row) => [row.action, row.allowed])).toEqual([
		['/clientes', false],
		['/cliente', false],
		['/novo_cliente', false],
		['/novo-cliente', false],
		['/convite', false],
		['mensagem', false],
	]);
	expect(log[0]).toMatchObject({ username: 'curioso', chat_id: String(STRANGER) });
	// What was typed after the command (a client name here) is not kept.
	expect(JSON.stringify(log)).not.toContain('Sigiloso');
	expect(h.logs.some((line) => line.includes(`acesso recusado: usuário Telegram ${STRANGER}`))).toBe(true);
});

test("a stranger's button press is refused without touching the message", async () => {
	const page = await h.say(STAFF, '/clientes');
	const before = page.text;
	const id = h.telegram.pressButton(STRANGER, page, 'clientes:1');
	expect(await h.telegram.answerOf(id)).toMatchObject({ text: REFUSED_SHORT, showAlert: true });
	expect(page.text).toBe(before);
	expect((await accessLog(STRANGER)).at(-1)).toMatchObject({ action: 'botão:clientes:1', allowed: false });
});

test('in the staff group, strangers chatting get no answer (but commands do); staff commands are logged', async () => {
	h.telegram.skipMessages(STAFF_CHAT);
	h.telegram.sendUserMessage(STRANGER, 'bom dia pessoal', { chatId: STAFF_CHAT });
	expect((await h.say(STRANGER, '/clientes', { chatId: STAFF_CHAT })).text).toBe(REFUSED);
	expect(h.telegram.unreadMessages(STAFF_CHAT)).toEqual([]);

	expect((await h.say(STAFF, '/clientes@viang_staff_bot', { chatId: STAFF_CHAT })).text).toMatch(/Cliente Sigiloso/);
	expect((await accessLog(STAFF)).map((row) => [row.action, row.allowed])).toContainEqual(['/clientes', true]);
});

test('staff may also come from the bot_staff table; deactivated members are refused', async () => {
	const store = new BotStore(h.warehouse.transport);
	expect((await h.say(TABLE_STAFF, '/clientes')).text).toBe(REFUSED);
	await store.upsertStaff(TABLE_STAFF, 'Joana (suporte)');
	expect((await h.say(TABLE_STAFF, '/clientes')).text).toMatch(/Cliente Sigiloso/);
	await store.upsertStaff(TABLE_STAFF, undefined, false);
	expect((await h.say(TABLE_STAFF, '/clientes')).text).toBe(REFUSED);
	expect((await accessLog(TABLE_STAFF)).map((row) => row.allowed)).toEqual([false, true, false]);
	expect(await h.sql('select telegram_user_id, name, active from public.bot_staff')).toEqual([
		{ telegram_user_id: String(TABLE_STAFF), name: 'Joana (suporte)', active: false },
	]);
});

test('the bot tables have row level security like every other table', async () => {
	const rows = await h.sql<{ relname: string; relrowsecurity: boolean }>(
		`select relname, relrowsecurity from pg_class
		where relname in ('bot_staff', 'bot_access_log', 'bot_conversations') and relnamespace = 'public'::regnamespace order by relname`,
	);
	expect(rows).toEqual([
		{ relname: 'bot_access_log', relrowsecurity: true },
		{ relname: 'bot_conversations', relrowsecurity: true },
		{ relname: 'bot_staff', relrowsecurity: true },
	]);
	const [grants] = await h.sql<{ anon: boolean; service: boolean }>(
		`select has_function_privilege('anon', 'public.wh_bot_conversation_get(bigint, bigint)', 'execute') as anon,
			has_function_privilege('service_role', 'public.wh_bot_conversation_get(bigint, bigint)', 'execute') as service`,
	);
	expect(grants).toEqual({ anon: false, service: true });
});
