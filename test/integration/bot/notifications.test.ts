// The staff notification outbox: the running bot polls it, sends each message to the staff chat,
// marks it delivered, and retries what Telegram refused.
import { notifyStaff } from '../../../domain/notifications/staff-notifications';
import { STAFF_CHAT, startBotHarness, type BotHarness } from './harness';

let h: BotHarness;

beforeAll(async () => {
	h = await startBotHarness();
});

afterAll(async () => {
	await h?.close();
});

async function outbox() {
	return h.sql<{ id: string; delivered: boolean; attempts: number; last_error: string | null }>(
		'select id, delivered_at is not null as delivered, attempts, last_error from public.staff_notifications order by id',
	);
}

test('pending notifications reach the staff chat in order and are marked delivered', async () => {
	const client = await h.warehouse.clients.create({ name: 'Loja Avisada', email: 'avisada@example.com' });
	await notifyStaff(h.warehouse.transport, { event: 'onboarding.finished', message: 'Loja Avisada concluiu a carga inicial.', clientId: client.id });
	await notifyStaff(h.warehouse.transport, { event: 'nightly.summary', message: 'Resumo da noite: 12 clientes, 1 falha.' });
	await notifyStaff(h.warehouse.transport, { event: 'client.needs_reauth', message: 'Loja Avisada precisa reautorizar o Mercado Livre.' });
	await notifyStaff(h.warehouse.transport, { event: 'google_ads.link_changed', message: 'Google Ads de Loja Avisada: APPROVED.' });
	await notifyStaff(h.warehouse.transport, { event: 'etl.failed', message: 'ETL de pedidos falhou para Loja Avisada.' });

	const texts = [];
	for (let i = 0; i < 5; i++) texts.push((await h.telegram.nextMessage(STAFF_CHAT)).text);
	expect(texts).toEqual([
		'✅ Loja Avisada concluiu a carga inicial.',
		'🌙 Resumo da noite: 12 clientes, 1 falha.',
		'🔑 Loja Avisada precisa reautorizar o Mercado Livre.',
		'📈 Google Ads de Loja Avisada: APPROVED.',
		'❌ ETL de pedidos falhou para Loja Avisada.',
	]);
	await waitUntilDelivered(5);
	expect((await outbox()).map((row) => [row.delivered, row.attempts])).toEqual(Array(5).fill([true, 1]));
	// Delivered once: later polls send nothing again.
	await new Promise((resolve) => setTimeout(resolve, 400));
	expect(h.telegram.unreadMessages(STAFF_CHAT)).toEqual([]);
});

test('Telegram failing: the message stays pending with the error, and a later poll delivers it', async () => {
	h.telegram.failNext('sendMessage', 2, 502, 'Bad Gateway');
	const { id } = await notifyStaff(h.warehouse.transport, { event: 'etl.failed', message: 'Falha no Bling de Loja X.' });
	expect((await h.telegram.nextMessage(STAFF_CHAT)).text).toBe('❌ Falha no Bling de Loja X.');
	await waitUntilDelivered(6);
	expect((await outbox()).find((r) => r.id === id)).toMatchObject({ delivered: true, attempts: 3, last_error: null });
	// Only one message reached the chat: the failed attempts sent nothing.
	expect(h.telegram.unreadMessages(STAFF_CHAT)).toEqual([]);
	expect(h.logs.filter((line) => line.includes(`notificação ${id} não entregue`))).toHaveLength(2);
});

test('a message Telegram rejects (400) does not hold back the ones after it', async () => {
	h.telegram.failNext('sendMessage', 1, 400, 'Bad Request: chat not found');
	const first = await notifyStaff(h.warehouse.transport, { event: 'test.one', message: 'Primeira.' });
	await notifyStaff(h.warehouse.transport, { event: 'test.two', message: 'Segunda.' });
	const texts = [(await h.telegram.nextMessage(STAFF_CHAT)).text, (await h.telegram.nextMessage(STAFF_CHAT)).text];
	expect(texts).toEqual(['🔔 Segunda.', '🔔 Primeira.']);
	await waitUntilDelivered(8);
	const row = (await outbox()).find((r) => r.id === first.id);
	expect(row).toMatchObject({ delivered: true, attempts: 2 });
});

async function waitUntilDelivered(count: number): Promise<void> {
	const deadline = Date.now() + 10_000;
	while (Date.now() < deadline) {
		const rows = await outbox();
		if (rows.filter((row) => row.delivered).length >= count) return;
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
	throw new Error(`fewer than ${count} notifications delivered`);
}
