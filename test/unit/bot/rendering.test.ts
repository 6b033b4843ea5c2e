import { renderClientsPage } from '../../../bot/commands/clientes';
import { problems, renderClientDetails } from '../../../bot/commands/cliente';
import { MENU } from '../../../bot/messages';
import { notificationText } from '../../../bot/notifications';
import { HYPHENATED } from '../../../bot/commands/novo-cliente';
import { redactingLogger } from '../../../bot/services';
import type { Client } from '../../../domain/warehouse/types';

function client(name: string, overrides: Partial<Client> = {}): Client {
	const at = new Date('2026-03-01T12:00:00Z');
	return {
		id: '00000000-0000-4000-8000-000000000001',
		name,
		contactEmail: 'c@example.com',
		document: null,
		documentType: null,
		mlUserId: null,
		blingAccountId: null,
		upsellerAccountId: null,
		status: 'ready',
		statusChangedAt: at,
		createdAt: at,
		updatedAt: at,
		...overrides,
	};
}

test('clients pages: 10 per page, buttons only where there is somewhere to go, page clamped', () => {
	const clients = Array.from({ length: 25 }, (_, i) => client(`C${i + 1}`));
	const first = renderClientsPage(clients, 0);
	expect(first.text.split('\n')[0]).toBe('👥 Clientes: 25 — página 1 de 3');
	expect(first.keyboard?.inline_keyboard.flat().map((b) => b.text)).toEqual(['Próxima ▶']);
	const middle = renderClientsPage(clients, 1);
	expect(middle.keyboard?.inline_keyboard.flat().map((b) => ('callback_data' in b ? b.callback_data : ''))).toEqual(['clientes:0', 'clientes:2']);
	expect(renderClientsPage(clients, 99).text).toContain('página 3 de 3');
	expect(renderClientsPage(clients.slice(0, 3), 0).keyboard).toBeUndefined();
	expect(renderClientsPage([], 0).text).toMatch(/Nenhum cliente cadastrado/);
});

test('open problems of a client', () => {
	const now = new Date('2026-03-10T12:00:00Z');
	const overview = { lastRuns: [], googleAds: { status: 'REJECTED', customer_id: '1234567890' }, whatsapp: null };
	expect(problems(client('Velho', { status: 'invited' }), [], overview, now)).toEqual([
		'✉️ Convite enviado há 9 dias e ainda não autorizado: considere /convite Velho',
		'📈 O cliente recusou o convite do Google Ads: combine com ele e use /mcc de novo',
	]);
	const text = renderClientDetails(client('Ok'), [], { lastRuns: [], googleAds: null, whatsapp: null }, now);
	expect(text).toContain('Onboarding: ✅ Pronto (desde 01/03/2026 09:00)');
	expect(text).toContain('Pendências: nenhuma ✅');
});

test('notifications get an icon by event', () => {
	expect(notificationText({ event: 'onboarding.finished', message: 'x' })).toBe('✅ x');
	expect(notificationText({ event: 'nightly.failures', message: 'x' })).toBe('❌ x');
	expect(notificationText({ event: 'other', message: 'x' })).toBe('🔔 x');
});

test('menu command names are valid for Telegram; /novo-cliente variants are caught', () => {
	for (const { command, description } of MENU) {
		expect(command).toMatch(/^[a-z0-9_]{1,32}$/);
		expect(description.length).toBeGreaterThan(0);
		expect(description.length).toBeLessThanOrEqual(256);
	}
	for (const text of ['/novo-cliente', '/novo-cliente@viang_bot', '/NOVO-CLIENTE agora']) expect(HYPHENATED.test(text)).toBe(true);
	expect(HYPHENATED.test('/novo-clientes')).toBe(false);
});

test('the logger never prints the bot token', () => {
	const lines: string[] = [];
	const logger = redactingLogger({ info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) }, ['123:SECRET-TOKEN', undefined]);
	logger.error('GET https://api.telegram.org/bot123:SECRET-TOKEN/getMe failed');
	expect(lines).toEqual(['GET https://api.telegram.org/bot***/getMe failed']);
});
