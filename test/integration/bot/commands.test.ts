// Every command against a real warehouse (read-only ones) and the fake n8n webhooks (actions).
import { GoogleAdsLinksRepository } from '../../../domain/googleads/links-repository';
import { HELP } from '../../../bot/messages';
import type { Client } from '../../../domain/warehouse/types';
import { STAFF, startBotHarness, type BotHarness } from './harness';

let h: BotHarness;
let maria: Client;
let loja2: Client;

beforeAll(async () => {
	h = await startBotHarness();
	for (let i = 1; i <= 11; i++) {
		await h.warehouse.clients.create({ name: `Cliente ${String(i).padStart(2, '0')}`, email: `c${i}@example.com` });
	}
	maria = await h.warehouse.clients.create({ name: 'Loja da Maria', email: 'maria@example.com', document: '11.222.333/0001-81' });
	loja2 = await h.warehouse.clients.create({ name: 'Loja 2', email: 'loja2@example.com' });
	await h.warehouse.clients.setStatus(maria.id, 'authorized');
	await h.warehouse.vault.storeTokens(maria.id, 'mercadolivre', {
		accessToken: 'APP_USR-secret-access',
		refreshToken: 'TG-secret-refresh',
		expiresAt: new Date(Date.now() + 3_600_000),
	});
	await h.warehouse.clients.setStatus(maria.id, 'backfilling');
	await h.warehouse.clients.setStatus(maria.id, 'ready');
	const orders = await h.warehouse.runs.start({ clientId: maria.id, source: 'ml_orders', step: 'incremental' });
	await h.warehouse.runs.finish(orders.id, { status: 'success', rowsRead: 1500, rowsWritten: 1234 });
	const items = await h.warehouse.runs.start({ clientId: maria.id, source: 'ml_items' });
	await h.warehouse.runs.finish(items.id, { status: 'error', error: 'HTTP 503 do Mercado Livre' });
	await h.warehouse.vault.markNeedsReauth(maria.id, 'mercadolivre', 'invalid_grant');
	await h.warehouse.clients.setStatus(maria.id, 'needs_reauth', 'invalid_grant');
	await new GoogleAdsLinksRepository(h.warehouse.transport).recordOperation({
		clientId: maria.id,
		customerId: '1234567890',
		status: 'PENDING',
		cause: 'invite',
		actor: 'test',
	});
	// WhatsApp instances belong to another feature (its own migration); the bot only reads them.
	await h.sql(
		`insert into public.whatsapp_instances (client_id, phone_number_id, display_phone_number, phone_digits, waba_id, status)
		values ($1, '109876543210', '+55 11 98765-4321', '5511987654321', '2233445566', 'active')`,
		[maria.id],
	);
});

afterAll(async () => {
	await h?.close();
});

beforeEach(() => {
	h.n8n.reset();
	h.n8n.server.requests.length = 0;
	h.telegram.skipMessages(STAFF);
});

test('the command menu is registered at start-up, pt-BR descriptions, valid names', () => {
	const commands = h.telegram.commands ?? [];
	expect(commands.map((c) => c.command)).toEqual([
		'novo_cliente', 'clientes', 'cliente', 'convite', 'reprocessar', 'mcc', 'whatsapp', 'painel', 'ajuda', 'cancelar',
	]);
	expect(commands.find((c) => c.command === 'novo_cliente')?.description).toBe('Cadastrar um cliente e enviar o convite');
});

test('/ajuda and /start explain the commands', async () => {
	expect((await h.say(STAFF, '/ajuda')).text).toBe(HELP);
	expect((await h.say(STAFF, '/start')).text).toBe(HELP);
});

test('/clientes pages 10 at a time; ◀ ▶ edit the same message', async () => {
	const page1 = await h.say(STAFF, '/clientes');
	expect(page1.text.split('\n')[0]).toBe('👥 Clientes: 13 — página 1 de 2');
	expect(page1.text).toContain('✉️ Cliente 01 — Convidado (aguardando autorização)');
	expect(page1.text.split('\n').filter((line) => / — /.test(line) && !line.startsWith('👥'))).toHaveLength(10);
	expect(page1.replyMarkup?.inline_keyboard.flat().map((b) => b.text)).toEqual(['Próxima ▶']);

	await h.press(STAFF, page1, 'Próxima ▶');
	expect(page1.text.split('\n')[0]).toBe('👥 Clientes: 13 — página 2 de 2');
	expect(page1.text).not.toContain('Cliente 01');
	expect(page1.text).toContain('⚠️ Loja da Maria — Precisa reautorizar');
	expect(page1.replyMarkup?.inline_keyboard.flat().map((b) => b.text)).toEqual(['◀ Anterior']);

	await h.press(STAFF, page1, '◀ Anterior');
	expect(page1.text.split('\n')[0]).toBe('👥 Clientes: 13 — página 1 de 2');
	expect(h.telegram.unreadMessages(STAFF)).toEqual([]);
});

test('/cliente shows onboarding, last run per source, Google Ads, WhatsApp and open problems — never a token', async () => {
	const details = await h.say(STAFF, '/cliente loja da maria');
	expect(details.text).toContain('📋 Loja da Maria');
	expect(details.text).toContain(`ID: ${maria.id}`);
	expect(details.text).toContain('Documento: CNPJ 11.222.333/0001-81');
	expect(details.text).toMatch(/Onboarding: ⚠️ Precisa reautorizar \(desde \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\)/);
	expect(details.text).toMatch(/• Mercado Livre — pedidos: ✅ sucesso em .* \(1\.234 linhas\)/);
	expect(details.text).toMatch(/• Mercado Livre — anúncios: ❌ erro em .* — HTTP 503 do Mercado Livre/);
	expect(details.text).toMatch(/Google Ads: 123-456-7890 — convite pendente/);
	expect(details.text).toMatch(/WhatsApp: \+55 11 98765-4321 — ativa \(phone number id 109876543210\)/);
	expect(details.text).toContain('• 🔑 Precisa reautorizar Mercado Livre: envie um novo convite com /convite Loja da Maria');
	expect(details.text).toContain('• ❌ A última carga de Mercado Livre — anúncios falhou');
	for (const secret of ['APP_USR-secret-access', 'TG-secret-refresh']) expect(details.text).not.toContain(secret);

	expect((await h.say(STAFF, `/cliente ${maria.id}`)).text).toContain('📋 Loja da Maria');
	const quiet = await h.say(STAFF, '/cliente Cliente 03');
	expect(quiet.text).toContain('Últimas cargas: nenhuma ainda.');
	expect(quiet.text).toContain('Google Ads: nenhuma conta informada (use /mcc).');
	expect(quiet.text).toContain('WhatsApp: nenhuma instância (use /whatsapp).');
	expect(quiet.text).toContain('Pendências: nenhuma ✅');
});

test('/cliente with an unknown name suggests close ones; without a name shows how to use it', async () => {
	expect((await h.say(STAFF, '/cliente maria')).text).toBe(
		'Não encontrei o cliente "maria". Use o nome exato ou o id (veja /clientes).\nVocê quis dizer:\n• Loja da Maria',
	);
	expect((await h.say(STAFF, '/cliente Ninguém')).text).toBe('Não encontrei o cliente "Ninguém". Use o nome exato ou o id (veja /clientes).');
	expect((await h.say(STAFF, '/cliente')).text).toMatch(/^Uso: \/cliente <nome ou id>/);
});

test('/convite sends a new invite through the onboarding-invite workflow', async () => {
	expect((await h.say(STAFF, '/convite Loja da Maria')).text).toBe(
		'✉️ Novo convite enviado para contato@cliente.com.br (cliente "Loja da Maria").',
	);
	const [call] = h.n8n.calls('onboarding-invite');
	expect(call.headers['x-viang-secret']).toBe(h.n8n.secret);
	expect(call.body).toEqual({ clientId: maria.id, resend: true, requestedBy: `telegram:${STAFF}` });
	expect((await h.say(STAFF, '/convite')).text).toMatch(/^Uso: \/convite/);
});

test('/reprocessar takes DD/MM/AAAA or AAAA-MM-DD and starts the reprocess workflow', async () => {
	expect((await h.say(STAFF, '/reprocessar Loja da Maria 01/03/2026', { username: 'ana' })).text).toBe(
		'🔄 Reprocessamento de "Loja da Maria" a partir de 01/03/2026 iniciado no n8n. Acompanhe em Executions; falhas aparecem aqui.',
	);
	expect(h.n8n.calls('reprocess')[0].body).toEqual({ clientId: maria.id, dataInicio: '2026-03-01', requestedBy: `telegram:${STAFF} (@ana)` });
	await h.say(STAFF, '/reprocessar Loja 2 2026-02-15');
	expect(h.n8n.calls('reprocess')[1].body).toMatchObject({ clientId: loja2.id, dataInicio: '2026-02-15' });

	expect((await h.say(STAFF, '/reprocessar Loja da Maria 31/02/2026')).text).toBe('A data 31/02/2026 não existe no calendário.');
	expect((await h.say(STAFF, '/reprocessar Loja da Maria ontem')).text).toMatch(/^Data inválida: "ontem"\. Use DD\/MM\/AAAA/);
	expect((await h.say(STAFF, '/reprocessar Loja da Maria 01/01/2099')).text).toMatch(/está no futuro/);
	expect((await h.say(STAFF, '/reprocessar Fantasma 01/03/2026')).text).toMatch(/^Não encontrei o cliente "Fantasma"/);
	expect((await h.say(STAFF, '/reprocessar')).text).toMatch(/^Uso: \/reprocessar/);
	expect(h.n8n.calls('reprocess')).toHaveLength(2);
});

test('/mcc validates the customer id and calls the mcc-invite workflow', async () => {
	expect((await h.say(STAFF, '/mcc Loja da Maria 123-456-7890')).text).toBe(
		'📈 Google Ads 123-456-7890 de "Loja da Maria": convite pendente (aguardando o cliente aceitar).\n' +
			'O cliente precisa aceitar o convite no Google Ads; eu aviso aqui quando mudar.',
	);
	expect(h.n8n.calls('mcc-invite')[0].body).toEqual({ clientId: maria.id, customerId: '1234567890', requestedBy: `telegram:${STAFF}` });
	// A name ending in a number: quotes, or let the bot find the split that names a client.
	await h.say(STAFF, '/mcc "Loja 2" 1112223333');
	await h.say(STAFF, '/mcc Loja 2 111 222 3334');
	expect(h.n8n.calls('mcc-invite').slice(1).map((call) => call.body)).toEqual([
		{ clientId: loja2.id, customerId: '1112223333', requestedBy: `telegram:${STAFF}` },
		{ clientId: loja2.id, customerId: '1112223334', requestedBy: `telegram:${STAFF}` },
	]);

	expect((await h.say(STAFF, '/mcc Loja da Maria 123-456-789')).text).toBe(
		'Customer id do Google Ads inválido: ele tem 9 dígitos e precisa ter 10. Envie no formato 123-456-7890.',
	);
	expect((await h.say(STAFF, '/mcc Loja da Maria 9999999999')).text).toMatch(/própria conta MCC/);
	expect(h.n8n.calls('mcc-invite')).toHaveLength(3);

	// An account already invited: no second invitation, and staff are told so.
	h.n8n.on('mcc-invite', () => ({ body: { status: 'PENDING', action: 'already_pending' } }));
	expect((await h.say(STAFF, '/mcc Loja da Maria 123-456-7890')).text).toBe(
		'📈 Google Ads 123-456-7890 de "Loja da Maria": convite pendente (aguardando o cliente aceitar).\n' +
			'Obs.: o convite já estava pendente; nenhum convite novo foi enviado.\n' +
			'O cliente precisa aceitar o convite no Google Ads; eu aviso aqui quando mudar.',
	);
	// The workflow's refusal (HTTP 400, pt-BR { error }) is shown as it is.
	h.n8n.on('mcc-invite', () => ({ status: 400, body: { error: 'O cliente "Loja da Maria" já tem a conta Google Ads 111-222-3333 com convite pendente.' } }));
	expect((await h.say(STAFF, '/mcc Loja da Maria 123-456-7890')).text).toBe(
		'❌ Google Ads 123-456-7890 de "Loja da Maria": O cliente "Loja da Maria" já tem a conta Google Ads 111-222-3333 com convite pendente.',
	);
});

test('/whatsapp validates the number and calls the whatsapp-instance workflow; its { error } is shown', async () => {
	expect((await h.say(STAFF, '/whatsapp Loja da Maria +55 (11) 98765-4321')).text).toBe(
		'📱 Instância de WhatsApp de "Loja da Maria" (+55 11 98765-4321): connected.\nID da instância: wa-inst-1',
	);
	expect(h.n8n.calls('whatsapp-instance')[0].body).toEqual({
		clientId: maria.id,
		phoneNumber: '+5511987654321',
		requestedBy: `telegram:${STAFF}`,
	});
	await h.say(STAFF, '/whatsapp Loja 2 11 91234-5678');
	expect(h.n8n.calls('whatsapp-instance')[1].body).toMatchObject({ clientId: loja2.id, phoneNumber: '+5511912345678' });

	h.n8n.on('whatsapp-instance', () => ({ body: { error: 'Número já usado por outra instância' } }));
	expect((await h.say(STAFF, '/whatsapp Loja da Maria 11987654321')).text).toBe(
		'❌ O n8n não conseguiu criar a instância de WhatsApp de "Loja da Maria": Número já usado por outra instância',
	);
	expect((await h.say(STAFF, '/whatsapp Loja da Maria 12345')).text).toMatch(/^Número inválido: "12345" tem 5 dígitos/);
	expect(h.n8n.calls('whatsapp-instance')).toHaveLength(3);

	// What the shipped workflow answers: the instance with Meta's phone number id and any warning…
	h.n8n.on('whatsapp-instance', () => ({
		body: { instanceId: 'b1c2', status: 'active', phoneNumberId: '109876543210', warnings: ['O número ainda não foi verificado (código: NOT_VERIFIED).'] },
	}));
	expect((await h.say(STAFF, '/whatsapp Loja 2 11 91234-5678')).text).toBe(
		'📱 Instância de WhatsApp de "Loja 2" (+55 11 91234-5678): ativa.\nID da instância: b1c2\n' +
			'Phone number id (Meta): 109876543210\n⚠️ O número ainda não foi verificado (código: NOT_VERIFIED).',
	);
	// …or a refusal (HTTP 400) with a pt-BR explanation longer than a line, shown whole.
	const long = `O número +55 11 91234-5678 ainda não foi adicionado ao app Meta da Viang. ${'Passo a passo. '.repeat(30)}Fim.`;
	h.n8n.on('whatsapp-instance', () => ({ status: 400, body: { error: long } }));
	expect((await h.say(STAFF, '/whatsapp Loja 2 11 91234-5678')).text).toBe(
		`❌ O n8n não conseguiu criar a instância de WhatsApp de "Loja 2": ${long}`,
	);
});

test('/painel answers that dashboards are not configured yet (after finding the client)', async () => {
	expect((await h.say(STAFF, '/painel Loja da Maria')).text).toBe(
		'Os painéis (Metabase) ainda não estão configurados neste bot, então não consigo gerar o link agora.',
	);
	expect((await h.say(STAFF, '/painel Fantasma')).text).toMatch(/^Não encontrei o cliente/);
});

test('n8n errors become clear pt-BR messages', async () => {
	h.n8n.deactivate('reprocess');
	expect((await h.say(STAFF, '/reprocessar Loja da Maria 01/03/2026')).text).toBe(
		'❌ O workflow "reprocess" não está ativo no n8n (HTTP 404). Ative-o no n8n e tente de novo.',
	);
	h.n8n.on('reprocess', () => ({ status: 400, body: { message: 'dataInicio no futuro' } }));
	expect((await h.say(STAFF, '/reprocessar Loja da Maria 01/03/2026')).text).toBe('❌ O n8n recusou o pedido: dataInicio no futuro.');
	h.n8n.on('mcc-invite', () => ({ status: 502, body: { error: 'O Google Ads recusou o pedido: a cota acabou.' } }));
	expect((await h.say(STAFF, '/mcc Loja da Maria 123-456-7890')).text).toBe(
		'❌ O workflow "mcc-invite" falhou no n8n (HTTP 502): O Google Ads recusou o pedido: a cota acabou. Veja a execução no n8n.',
	);
	h.n8n.on('onboarding-invite', () => ({ body: { unexpected: true } }));
	expect((await h.say(STAFF, '/convite Loja da Maria')).text).toBe(
		'❌ O workflow "onboarding-invite" respondeu num formato inesperado. Veja a execução no n8n.',
	);
	h.n8n.server.setFaults({ drop: 1 });
	try {
		expect((await h.say(STAFF, '/convite Loja da Maria')).text).toMatch(/^❌ Não consegui falar com o n8n \(workflow "onboarding-invite"\)/);
	} finally {
		h.n8n.server.setFaults({});
	}
	// The secret is checked: a wrong one is refused by n8n, and the message says which setting.
	const secret = h.config.webhookSecret;
	await h.restartWith({ webhookSecret: 'wrong-secret-value' });
	try {
		expect((await h.say(STAFF, '/convite Loja da Maria')).text).toBe(
			'❌ O n8n recusou a autenticação do bot no workflow "onboarding-invite" (HTTP 403): confira VIANG_WEBHOOK_SECRET.',
		);
		await h.restartWith({ webhookSecret: undefined });
		expect((await h.say(STAFF, '/convite Loja da Maria')).text).toMatch(/^❌ A integração com o n8n não está configurada \(falta VIANG_WEBHOOK_SECRET/);
	} finally {
		await h.restartWith({ webhookSecret: secret });
	}
	expect(h.logs.join('\n')).not.toContain(h.n8n.secret);
});

test('plain text outside a wizard: "not understood" in private', async () => {
	expect((await h.say(STAFF, 'bom dia')).text).toBe('Não entendi. Use /ajuda para ver os comandos.');
});
