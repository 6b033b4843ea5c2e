// Automation rules of one instance (the `rules` jsonb that staff edit) and how an inbound message
// is answered. Pure: the decision says what to do; inbound.ts does it (store the opt-out, read the
// figures, send). Keywords compare without case, accents or surrounding punctuation.
import { z } from 'zod';
import { formatBrl, formatDayBr, formatInteger } from './format';

export const DEFAULT_OPT_OUT_CONFIRMATION =
	'Pronto! Você não vai mais receber mensagens automáticas deste número. Para voltar a receber, envie VOLTAR.';
export const DEFAULT_OPT_IN_CONFIRMATION = 'Tudo certo! Você voltou a receber as mensagens automáticas deste número.';

const keyword = z.string().trim().min(1).max(100);
const waId = z.string().regex(/^\+?[0-9 ()-]{8,20}$/, 'número de WhatsApp inválido').transform((v) => v.replace(/\D+/g, ''));

export const keywordRuleSchema = z
	.object({
		keywords: z.array(keyword).min(1),
		/** word: the keyword appears as whole word(s) in the message; exact: the message is only the keyword. */
		match: z.enum(['word', 'exact']).default('word'),
		/** reply_text: answer `text`; sales_yesterday: answer yesterday's figures of the client. */
		action: z.enum(['reply_text', 'sales_yesterday']).default('reply_text'),
		text: z.string().max(4096).optional(),
	})
	.strict()
	.refine((rule) => rule.action !== 'reply_text' || (rule.text ?? '').trim() !== '', {
		message: 'uma regra reply_text precisa de "text"',
	});

export const rulesSchema = z
	.object({
		keywordReplies: z.array(keywordRuleSchema).default([]),
		optOut: z
			.object({
				keywords: z.array(keyword).min(1).default(['sair']),
				confirmation: z.string().min(1).max(4096).default(DEFAULT_OPT_OUT_CONFIRMATION),
			})
			.strict()
			.default({}),
		optIn: z
			.object({
				keywords: z.array(keyword).default(['voltar']),
				confirmation: z.string().min(1).max(4096).default(DEFAULT_OPT_IN_CONFIRMATION),
			})
			.strict()
			.default({}),
		/** Answer to anything no rule matched; absent: stay silent. */
		fallbackText: z.string().min(1).max(4096).optional(),
		dailySummary: z
			.object({
				enabled: z.boolean().default(false),
				/** HH:MM, São Paulo time; the daily workflow runs at 08:00 and sends the ones due then. */
				time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM').default('08:00'),
				recipients: z.array(waId).default([]),
				/** An approved template whose body takes {{1}} client, {{2}} day, {{3}} revenue, {{4}} orders, {{5}} units. */
				template: z.string().regex(/^[a-z0-9_]{1,512}$/, 'nome de template: minúsculas, números e _').default('resumo_diario'),
				language: z.string().min(2).max(10).default('pt_BR'),
			})
			.strict()
			.default({}),
	})
	.strict();

export type KeywordRule = z.infer<typeof keywordRuleSchema>;
export type Rules = z.infer<typeof rulesSchema>;
export type RulesInput = z.input<typeof rulesSchema>;

/** What a new instance starts with: "vendas" answers yesterday's sales, "sair" opts out. */
export const DEFAULT_RULES_INPUT: RulesInput = {
	keywordReplies: [{ keywords: ['vendas'], match: 'word', action: 'sales_yesterday' }],
	optOut: { keywords: ['sair'] },
	dailySummary: { enabled: false, time: '08:00', recipients: [], template: 'resumo_diario', language: 'pt_BR' },
};

export class InvalidRulesError extends Error {
	readonly issues: string[];

	constructor(issues: string[]) {
		super(`Regras de automação inválidas: ${issues.join('; ')}`);
		this.name = 'InvalidRulesError';
		this.issues = issues;
	}
}

/** Validates staff-edited rules (object or JSON text) and fills the defaults. */
export function parseRules(input: unknown): Rules {
	let value = input;
	if (typeof input === 'string') {
		const text = input.trim();
		try {
			value = text === '' ? {} : JSON.parse(text);
		} catch (error) {
			throw new InvalidRulesError([`JSON inválido (${(error as Error).message})`]);
		}
	}
	const result = rulesSchema.safeParse(value ?? {});
	if (!result.success) {
		throw new InvalidRulesError(result.error.issues.map((issue) => `${issue.path.join('.') || '(raiz)'}: ${issue.message}`));
	}
	return result.data;
}

export function defaultRules(): Rules {
	return parseRules(DEFAULT_RULES_INPUT);
}

/** "  Vendas?! " → "vendas"; "Olá, VENDAS de ontem" → "ola vendas de ontem". */
export function normalizeText(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

export function keywordMatches(text: string, keywordText: string, match: 'word' | 'exact'): boolean {
	const message = normalizeText(text);
	const wanted = normalizeText(keywordText);
	if (wanted === '' || message === '') return false;
	if (match === 'exact') return message === wanted;
	return ` ${message} `.includes(` ${wanted} `);
}

export type InboundDecision =
	| { action: 'opt_out'; keyword: string; reply: string }
	| { action: 'opt_in'; keyword: string; reply: string }
	| { action: 'reply_text'; keyword?: string; reply: string }
	| { action: 'sales_yesterday'; keyword: string; intro?: string }
	| { action: 'ignore'; reason: 'no_text' | 'opted_out' | 'no_match' | 'instance_paused' };

export interface InboundInput {
	text?: string;
	optedOut: boolean;
	instanceStatus?: string;
}

const firstMatch = (text: string, keywords: string[], match: 'word' | 'exact') =>
	keywords.find((candidate) => keywordMatches(text, candidate, match));

/**
 * Order: a paused instance answers nothing; an opted-out contact only gets the opt-in; opt-out
 * keywords (whole message) come before every keyword reply; then keyword replies in order; then the
 * fallback text.
 */
export function evaluateInbound(rules: Rules, input: InboundInput): InboundDecision {
	if (input.instanceStatus && input.instanceStatus !== 'active') return { action: 'ignore', reason: 'instance_paused' };
	const text = (input.text ?? '').trim();
	if (text === '') return { action: 'ignore', reason: 'no_text' };
	if (input.optedOut) {
		const optIn = firstMatch(text, rules.optIn.keywords, 'exact');
		return optIn ? { action: 'opt_in', keyword: optIn, reply: rules.optIn.confirmation } : { action: 'ignore', reason: 'opted_out' };
	}
	const optOut = firstMatch(text, rules.optOut.keywords, 'exact');
	if (optOut) return { action: 'opt_out', keyword: optOut, reply: rules.optOut.confirmation };
	for (const rule of rules.keywordReplies) {
		const found = firstMatch(text, rule.keywords, rule.match);
		if (!found) continue;
		if (rule.action === 'sales_yesterday') return { action: 'sales_yesterday', keyword: found, intro: rule.text?.trim() || undefined };
		return { action: 'reply_text', keyword: found, reply: rule.text as string };
	}
	if (rules.fallbackText) return { action: 'reply_text', reply: rules.fallbackText };
	return { action: 'ignore', reason: 'no_match' };
}

export interface DayFigures {
	clientName: string;
	day: string;
	hasData: boolean;
	grossRevenue: string;
	ordersCount: number;
	unitsSold: number;
	avgTicket: string | null;
}

/** The "vendas" answer: yesterday's figures in pt-BR (BRL). */
export function salesReply(figures: DayFigures, intro?: string): string {
	const day = formatDayBr(figures.day);
	const head = intro ? `${intro}\n\n` : '';
	if (!figures.hasData || (figures.ordersCount === 0 && Number(figures.grossRevenue) === 0)) {
		return `${head}📊 ${figures.clientName}: nenhuma venda registrada ontem (${day}).`;
	}
	const lines = [
		`📊 Vendas de ontem (${day}) — ${figures.clientName}`,
		`Faturamento: ${formatBrl(figures.grossRevenue)}`,
		`Pedidos: ${formatInteger(figures.ordersCount)}`,
		`Unidades: ${formatInteger(figures.unitsSold)}`,
	];
	if (figures.avgTicket !== null) lines.push(`Ticket médio: ${formatBrl(figures.avgTicket)}`);
	return head + lines.join('\n');
}

/** Body parameters of the daily summary template, in {{1}}…{{5}} order. */
export function dailySummaryParameters(figures: DayFigures): string[] {
	return [
		figures.clientName,
		formatDayBr(figures.day),
		formatBrl(figures.grossRevenue),
		formatInteger(figures.ordersCount),
		formatInteger(figures.unitsSold),
	];
}

/** Whether the daily summary is due in the run at `runTime` (HH:MM, São Paulo): same hour. */
export function dailySummaryDue(rules: Rules, runTime: string): boolean {
	if (!rules.dailySummary.enabled || rules.dailySummary.recipients.length === 0) return false;
	return rules.dailySummary.time.slice(0, 2) === runTime.slice(0, 2);
}
