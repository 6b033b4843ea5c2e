import {
	dailySummaryDue,
	dailySummaryParameters,
	defaultRules,
	evaluateInbound,
	InvalidRulesError,
	keywordMatches,
	normalizeText,
	parseRules,
	salesReply,
	type DayFigures,
} from '../../../domain/whatsapp';

const rules = parseRules({
	keywordReplies: [
		{ keywords: ['vendas', 'faturamento'], action: 'sales_yesterday' },
		{ keywords: ['horário', 'horario de atendimento'], text: 'Atendemos de segunda a sexta, das 9h às 18h.' },
		{ keywords: ['oi'], match: 'exact', text: 'Olá! Envie VENDAS para ver as vendas de ontem.' },
	],
	optOut: { keywords: ['sair', 'parar'] },
	fallbackText: 'Não entendi. Envie VENDAS ou SAIR.',
});

const figures: DayFigures = {
	clientName: 'Loja Teste',
	day: '2026-03-14',
	hasData: true,
	grossRevenue: '12345.6',
	ordersCount: 1234,
	unitsSold: 1500,
	avgTicket: '10.00',
};

describe('normalising and matching keywords', () => {
	it('ignores case, accents and surrounding punctuation', () => {
		expect(normalizeText('  VENDAS?! ')).toBe('vendas');
		expect(normalizeText('Horário de Atendimento')).toBe('horario de atendimento');
		expect(keywordMatches('Quais as vendas de ontem?', 'vendas', 'word')).toBe(true);
		expect(keywordMatches('Vendas', 'VENDAS', 'exact')).toBe(true);
	});

	it('matches whole words only, and exact means the whole message', () => {
		expect(keywordMatches('revendas', 'vendas', 'word')).toBe(false);
		expect(keywordMatches('oi tudo bem', 'oi', 'exact')).toBe(false);
		expect(keywordMatches('', 'oi', 'word')).toBe(false);
	});
});

describe('evaluateInbound', () => {
	const run = (text: string | undefined, optedOut = false, instanceStatus = 'active') =>
		evaluateInbound(rules, { text, optedOut, instanceStatus });

	it('"vendas" (any case, inside a sentence) asks for yesterday\'s sales', () => {
		expect(run('vendas')).toEqual({ action: 'sales_yesterday', keyword: 'vendas', intro: undefined });
		expect(run('Me manda o FATURAMENTO')).toMatchObject({ action: 'sales_yesterday', keyword: 'faturamento' });
	});

	it('text replies, with multi-word keywords and accents', () => {
		expect(run('qual o horario?')).toEqual({
			action: 'reply_text',
			keyword: 'horário',
			reply: 'Atendemos de segunda a sexta, das 9h às 18h.',
		});
		expect(run('Horário de atendimento')).toMatchObject({ action: 'reply_text' });
		expect(run('Oi')).toMatchObject({ action: 'reply_text', keyword: 'oi' });
	});

	it('the first matching rule wins, in order', () => {
		expect(run('vendas e horario')).toMatchObject({ action: 'sales_yesterday' });
	});

	it('opt-out keywords must be the whole message and win over every reply', () => {
		expect(run('SAIR')).toEqual({ action: 'opt_out', keyword: 'sair', reply: rules.optOut.confirmation });
		expect(run('parar.')).toMatchObject({ action: 'opt_out', keyword: 'parar' });
		// "não quero sair" is not an opt-out: it falls through to the fallback.
		expect(run('não quero sair')).toMatchObject({ action: 'reply_text', reply: 'Não entendi. Envie VENDAS ou SAIR.' });
	});

	it('an opted-out contact gets nothing but the opt-in', () => {
		expect(run('vendas', true)).toEqual({ action: 'ignore', reason: 'opted_out' });
		expect(run('sair', true)).toEqual({ action: 'ignore', reason: 'opted_out' });
		expect(run('Voltar', true)).toEqual({ action: 'opt_in', keyword: 'voltar', reply: rules.optIn.confirmation });
	});

	it('"voltar" from a contact who never opted out is an ordinary message', () => {
		expect(run('voltar')).toMatchObject({ action: 'reply_text', reply: 'Não entendi. Envie VENDAS ou SAIR.' });
	});

	it('falls back, or stays silent without a fallback', () => {
		expect(run('bom dia')).toMatchObject({ action: 'reply_text', reply: 'Não entendi. Envie VENDAS ou SAIR.' });
		expect(evaluateInbound(defaultRules(), { text: 'bom dia', optedOut: false })).toEqual({ action: 'ignore', reason: 'no_match' });
	});

	it('ignores messages without text and paused instances', () => {
		expect(run(undefined)).toEqual({ action: 'ignore', reason: 'no_text' });
		expect(run('   ')).toEqual({ action: 'ignore', reason: 'no_text' });
		expect(run('vendas', false, 'paused')).toEqual({ action: 'ignore', reason: 'instance_paused' });
	});
});

describe('parseRules', () => {
	it('fills the defaults: "vendas" → sales, "sair" → opt-out, no daily summary', () => {
		const defaults = defaultRules();
		expect(defaults.keywordReplies).toEqual([{ keywords: ['vendas'], match: 'word', action: 'sales_yesterday' }]);
		expect(defaults.optOut.keywords).toEqual(['sair']);
		expect(defaults.optIn.keywords).toEqual(['voltar']);
		expect(defaults.dailySummary).toEqual({ enabled: false, time: '08:00', recipients: [], template: 'resumo_diario', language: 'pt_BR' });
		expect(parseRules('')).toEqual(parseRules({}));
	});

	it('accepts JSON text and normalises recipients to digits', () => {
		const parsed = parseRules('{"dailySummary":{"enabled":true,"recipients":["+55 (11) 98765-4321"]}}');
		expect(parsed.dailySummary.recipients).toEqual(['5511987654321']);
	});

	it('refuses invalid rules with the path of each problem (pt-BR)', () => {
		const attempt = (value: unknown) => {
			try {
				parseRules(value);
			} catch (error) {
				return error as InvalidRulesError;
			}
			throw new Error('expected InvalidRulesError');
		};
		expect(attempt('{not json').message).toMatch(/^Regras de automação inválidas: JSON inválido/);
		expect(attempt({ keywordReplies: [{ keywords: ['oi'] }] }).issues.join()).toMatch(/keywordReplies\.0.*precisa de "text"/);
		expect(attempt({ keywordReplies: [{ keywords: [], action: 'sales_yesterday' }] }).issues.join()).toMatch(/keywordReplies\.0\.keywords/);
		expect(attempt({ dailySummary: { time: '8h' } }).issues.join()).toMatch(/dailySummary\.time: use HH:MM/);
		expect(attempt({ dailySummary: { template: 'Resumo Diário' } }).issues.join()).toMatch(/dailySummary\.template/);
		expect(attempt({ unknownKey: true }).issues.join()).toMatch(/unknownKey|Unrecognized/);
	});
});

describe('sales reply and daily summary', () => {
	it('writes yesterday\'s figures in pt-BR BRL', () => {
		expect(salesReply(figures)).toBe(
			'📊 Vendas de ontem (14/03/2026) — Loja Teste\nFaturamento: R$ 12.345,60\nPedidos: 1.234\nUnidades: 1.500\nTicket médio: R$ 10,00',
		);
		expect(salesReply({ ...figures, avgTicket: null }, 'Bom dia!')).toMatch(/^Bom dia!\n\n📊 .*\nUnidades: 1\.500$/s);
	});

	it('says so when the day had no sales', () => {
		expect(salesReply({ ...figures, hasData: false, grossRevenue: '0', ordersCount: 0, unitsSold: 0 })).toBe(
			'📊 Loja Teste: nenhuma venda registrada ontem (14/03/2026).',
		);
	});

	it('fills the summary template\'s {{1}}…{{5}}', () => {
		expect(dailySummaryParameters(figures)).toEqual(['Loja Teste', '14/03/2026', 'R$ 12.345,60', '1.234', '1.500']);
	});

	it('is due only when enabled, with recipients, in the configured hour', () => {
		const on = parseRules({ dailySummary: { enabled: true, recipients: ['5511987654321'], time: '08:30' } });
		expect(dailySummaryDue(on, '08:00')).toBe(true);
		expect(dailySummaryDue(on, '09:00')).toBe(false);
		expect(dailySummaryDue(parseRules({ dailySummary: { enabled: true } }), '08:00')).toBe(false);
		expect(dailySummaryDue(defaultRules(), '08:00')).toBe(false);
	});
});
