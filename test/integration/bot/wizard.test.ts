// /novo_cliente end to end: real bot (long polling against the fake Bot API), real PostgreSQL for
// the wizard state, fake n8n for the onboarding-invite workflow.
import { CNPJ, CPF, STAFF, startBotHarness, type BotHarness } from './harness';

let h: BotHarness;

beforeAll(async () => {
	h = await startBotHarness();
	await h.warehouse.clients.create({ name: 'Loja Existente', email: 'existente@example.com' });
});

afterAll(async () => {
	await h?.close();
});

beforeEach(() => {
	h.n8n.reset();
	h.n8n.server.requests.length = 0;
	h.telegram.skipMessages(STAFF);
});

async function conversationRows(userId = STAFF) {
	return h.sql<{ step: string; data: Record<string, unknown> }>('select step, data from public.bot_conversations where user_id = $1', [userId]);
}

test('the whole wizard, with a bad answer at every step, ends in the onboarding-invite workflow', async () => {
	expect((await h.say(STAFF, '/novo_cliente')).text).toMatch(/Novo cliente[\s\S]*1\/5 — Qual é o nome/);

	expect((await h.say(STAFF, 'loja existente')).text).toBe('Já existe um cliente chamado "loja existente". Envie outro nome (ou /cancelar).');
	expect((await h.say(STAFF, '  Loja   da Maria ')).text).toMatch(/^2\/5 — Qual é o e-mail/);

	expect((await h.say(STAFF, 'maria-arroba-loja.com')).text).toMatch(/^E-mail inválido: "maria-arroba-loja.com" — falta o "@"/);
	expect((await h.say(STAFF, 'maria@loja')).text).toMatch(/^E-mail inválido: "maria@loja" — confira o domínio/);
	expect((await h.say(STAFF, 'Contato@LojaDaMaria.com.br')).text).toMatch(/^3\/5 — Qual é o CNPJ ou CPF/);

	expect((await h.say(STAFF, '11.222.333/0001-82')).text).toBe(
		'CNPJ inválido: os dígitos verificadores não conferem. Confira os números e envie de novo.',
	);
	expect((await h.say(STAFF, '123.456.789-00')).text).toMatch(/^CPF inválido: os dígitos verificadores não conferem/);
	expect((await h.say(STAFF, '12345')).text).toMatch(/não é um CPF \(11 dígitos\) nem um CNPJ/);
	const askGads = await h.say(STAFF, CNPJ);
	expect(askGads.text).toMatch(/^4\/5 — Customer id do Google Ads/);
	expect(askGads.replyMarkup?.inline_keyboard.flat().map((b) => b.text)).toEqual(['⏭ Pular']);

	expect((await h.say(STAFF, '123-456-789')).text).toBe(
		'Customer id do Google Ads inválido: ele tem 9 dígitos e precisa ter 10. Envie no formato 123-456-7890.',
	);
	expect((await h.say(STAFF, '999-999-9999')).text).toMatch(/é a própria conta MCC da Viang/);
	expect((await h.say(STAFF, 'abc-def-ghij')).text).toMatch(/use só números e hífens/);
	expect((await h.say(STAFF, '123-456-7890')).text).toMatch(/^5\/5 — Número de WhatsApp/);

	expect((await h.say(STAFF, '12345')).text).toMatch(/^Número inválido: "12345" tem 5 dígitos/);
	expect((await h.say(STAFF, '(11) 8765-43210')).text).toMatch(/^Celular inválido/);
	expect((await h.say(STAFF, 'fale comigo')).text).toMatch(/use só números/);
	const summary = await h.say(STAFF, '+55 11 98765-4321');
	expect(summary.text).toBe(
		[
			'Confira os dados do novo cliente:',
			'• Nome: Loja da Maria',
			'• E-mail: contato@lojadamaria.com.br',
			'• Documento: CNPJ 11.222.333/0001-81',
			'• Google Ads: 123-456-7890',
			'• WhatsApp: +55 11 98765-4321',
			'',
			'Está tudo certo?',
		].join('\n'),
	);
	expect(summary.replyMarkup?.inline_keyboard.flat().map((b) => b.text)).toEqual(['✅ Confirmar', '❌ Cancelar']);
	expect((await conversationRows())[0].step).toBe('confirm');

	// Typing instead of pressing: a reminder, nothing sent.
	expect((await h.say(STAFF, 'ok')).text).toMatch(/Use os botões Confirmar ou Cancelar/);
	expect(h.n8n.calls('onboarding-invite')).toHaveLength(0);

	await h.press(STAFF, summary, '✅ Confirmar');
	const created = await h.telegram.nextMessage(STAFF);
	const calls = h.n8n.calls('onboarding-invite');
	expect(calls).toHaveLength(1);
	expect(calls[0].headers['x-viang-secret']).toBe(h.n8n.secret);
	expect(calls[0].body).toEqual({
		name: 'Loja da Maria',
		email: 'contato@lojadamaria.com.br',
		document: '11222333000181',
		googleAdsCustomerId: '1234567890',
		whatsappNumber: '+5511987654321',
		requestedBy: `telegram:${STAFF}`,
	});
	expect(created.text).toMatch(
		/^✅ Cliente "Loja da Maria" cadastrado\.\nID: [0-9a-f-]{36}\nConvite enviado para contato@lojadamaria\.com\.br\./,
	);
	// The summary lost its buttons and says it was sent.
	expect(summary.replyMarkup).toBeUndefined();
	expect(summary.text).toMatch(/Enviando para o n8n/);
	expect(await conversationRows()).toEqual([]);

	// A second press on the old summary does nothing.
	const again = h.telegram.pressButton(STAFF, summary, 'wiz:confirm');
	expect((await h.telegram.answerOf(again)).text).toBe('Este assistente não está mais ativo.');
	expect(h.n8n.calls('onboarding-invite')).toHaveLength(1);
});

test('a typed /novo-cliente (Telegram sees the command /novo) starts the same wizard; optional steps can be skipped', async () => {
	expect((await h.say(STAFF, '/novo-cliente')).text).toMatch(/1\/5 — Qual é o nome/);
	await h.say(STAFF, 'Loja Sem Extras');
	await h.say(STAFF, 'extras@example.com');
	const askGads = await h.say(STAFF, CPF);
	await h.press(STAFF, askGads, '⏭ Pular');
	expect((await h.telegram.nextMessage(STAFF)).text).toMatch(/^5\/5/);
	const summary = await h.say(STAFF, 'pular');
	expect(summary.text).toContain('• Documento: CPF 123.456.789-09');
	expect(summary.text).toContain('• Google Ads: não informado');
	expect(summary.text).toContain('• WhatsApp: não informado');
	await h.press(STAFF, summary, '✅ Confirmar');
	await h.telegram.nextMessage(STAFF);
	expect(h.n8n.calls('onboarding-invite')[0].body).toEqual({
		name: 'Loja Sem Extras',
		email: 'extras@example.com',
		document: '12345678909',
		requestedBy: `telegram:${STAFF}`,
	});
});

test('/novo-cliente@bot in a group and /novocliente work too', async () => {
	expect((await h.say(STAFF, '/novocliente')).text).toMatch(/1\/5/);
	expect((await h.say(STAFF, '/novo-cliente@viang_staff_bot')).text).toMatch(/comecei de novo do zero[\s\S]*1\/5/);
	expect((await h.say(STAFF, '/cancelar')).text).toMatch(/saí do assistente/);
});

test('/cancelar mid-wizard leaves it: nothing sent, later text is not an answer', async () => {
	await h.say(STAFF, '/novo_cliente');
	await h.say(STAFF, 'Loja Cancelada');
	expect((await conversationRows())[0].step).toBe('email');
	expect((await h.say(STAFF, '/cancelar')).text).toBe('Pronto, saí do assistente. Nada foi enviado.');
	expect(await conversationRows()).toEqual([]);
	expect((await h.say(STAFF, 'cancelada@example.com')).text).toBe('Não entendi. Use /ajuda para ver os comandos.');
	expect((await h.say(STAFF, '/cancelar')).text).toBe('Não há nenhum assistente em andamento.');
	expect(h.n8n.calls('onboarding-invite')).toHaveLength(0);
});

test('the Cancelar button on the summary cancels', async () => {
	await h.say(STAFF, '/novo_cliente');
	await h.say(STAFF, 'Loja Botão');
	await h.say(STAFF, 'botao@example.com');
	await h.say(STAFF, CNPJ);
	await h.say(STAFF, '-');
	const summary = await h.say(STAFF, 'pular');
	await h.press(STAFF, summary, '❌ Cancelar');
	expect(summary.text).toBe('Cadastro cancelado. Nada foi enviado.');
	expect(summary.replyMarkup).toBeUndefined();
	expect(await conversationRows()).toEqual([]);
	expect(h.n8n.calls('onboarding-invite')).toHaveLength(0);
});

test('a restart mid-wizard: a new bot on the same warehouse continues where staff were', async () => {
	await h.say(STAFF, '/novo_cliente');
	await h.say(STAFF, 'Loja Reiniciada');
	expect((await h.say(STAFF, 'reiniciada@example.com')).text).toMatch(/^3\/5/);

	await h.restart();

	expect((await h.say(STAFF, CNPJ)).text).toMatch(/^4\/5/);
	await h.say(STAFF, 'pular');
	const summary = await h.say(STAFF, '11 98765-4321');
	expect(summary.text).toContain('• Nome: Loja Reiniciada');
	expect(summary.text).toContain('• WhatsApp: +55 11 98765-4321');
	await h.restart();
	await h.press(STAFF, summary, '✅ Confirmar');
	expect((await h.telegram.nextMessage(STAFF)).text).toMatch(/Cliente "Loja Reiniciada" cadastrado/);
	expect(h.n8n.calls('onboarding-invite')[0].body).toMatchObject({
		name: 'Loja Reiniciada',
		email: 'reiniciada@example.com',
		whatsappNumber: '+5511987654321',
	});
});

test('n8n failing on Confirmar: a clear message, the data kept, and Confirmar again retries', async () => {
	await h.say(STAFF, '/novo_cliente');
	await h.say(STAFF, 'Loja Persistente');
	await h.say(STAFF, 'persistente@example.com');
	await h.say(STAFF, CNPJ);
	await h.say(STAFF, 'pular');
	const summary = await h.say(STAFF, 'pular');

	h.n8n.on('onboarding-invite', () => ({ status: 500, body: { message: 'SMTP fora do ar' } }));
	await h.press(STAFF, summary, '✅ Confirmar');
	const failed = await h.telegram.nextMessage(STAFF);
	expect(failed.text).toBe(
		'❌ O workflow "onboarding-invite" falhou no n8n (HTTP 500): SMTP fora do ar. Veja a execução no n8n.\n\n' +
			'Os dados continuam guardados: toque em Confirmar para tentar de novo ou Cancelar para desistir.',
	);
	expect((await conversationRows())[0].step).toBe('confirm');

	h.n8n.on('onboarding-invite', () => new Promise((resolve) => setTimeout(() => resolve({ body: {} }), 3_000).unref()));
	await h.press(STAFF, failed, '✅ Confirmar');
	const timedOut = await h.telegram.nextMessage(STAFF);
	expect(timedOut.text).toMatch(/^❌ O n8n não respondeu em 2 s \(workflow "onboarding-invite"\)\. A execução pode ter começado/);

	h.n8n.reset();
	await h.press(STAFF, timedOut, '✅ Confirmar');
	expect((await h.telegram.nextMessage(STAFF)).text).toMatch(/Cliente "Loja Persistente" cadastrado/);
	expect(await conversationRows()).toEqual([]);
});

test('two staff members run their own wizards side by side', async () => {
	const other = 1002;
	h.telegram.skipMessages(other);
	await h.say(STAFF, '/novo_cliente');
	await h.say(other, '/novo_cliente');
	expect((await h.say(STAFF, 'Loja Um')).text).toMatch(/^2\/5/);
	expect((await h.say(other, 'Loja Dois')).text).toMatch(/^2\/5/);
	const rows = await h.sql<{ user_id: string; data: { name: string } }>('select user_id, data from public.bot_conversations order by user_id');
	expect(rows.map((row) => [Number(row.user_id), row.data.name])).toEqual([
		[STAFF, 'Loja Um'],
		[other, 'Loja Dois'],
	]);
	await h.say(STAFF, '/cancelar');
	await h.say(other, '/cancelar');
});
