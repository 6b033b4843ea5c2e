// Errors of the WhatsApp domain. Staff read the UserInputError ones (pt-BR); Graph API failures
// arrive as ApiError (domain/http) carrying Meta's numeric code as `code`.
import { isApiError } from '../http/api-error';
import { UserInputError, type StaffFailure } from '../validation/errors';

/** Meta error codes the sender acts on. */
export const GRAPH_CODES = {
	/** One message per 6 s to the same user from the same business number. */
	pairRateLimit: '131056',
	/** The business number's messages per second. */
	throughput: '130429',
	invalidToken: '190',
	spamRateLimit: '131048',
} as const;

/** Codes that mean "later", not "never". */
export const RETRY_LATER_CODES: readonly string[] = [GRAPH_CODES.pairRateLimit, GRAPH_CODES.throughput];

/** Meta's code of a failed call, when the failure came from the Graph API. */
export function graphErrorCode(error: unknown): string | undefined {
	return isApiError(error) ? error.code : undefined;
}

// Meta sometimes quotes a malformed token back ("Malformed access token EAAB…").
const META_TOKEN = /\bEAA[A-Za-z0-9]{10,}/g;

export function redactMetaTokens(text: string, ...secrets: string[]): string {
	let out = text.replace(META_TOKEN, 'EAA***');
	for (const secret of secrets) if (secret && secret.length >= 6) out = out.split(secret).join('***');
	return out;
}

/** Reads Graph's `{"error":{"message","code","error_data":{"details"}}}`. */
export function describeGraphError(body: unknown, ...secrets: string[]): { code?: string; message?: string } {
	const error = (body as { error?: Record<string, unknown> } | undefined)?.error;
	if (!error || typeof error !== 'object') {
		return typeof body === 'string' && body ? { message: redactMetaTokens(body.slice(0, 300), ...secrets) } : {};
	}
	const details = (error.error_data as { details?: unknown } | undefined)?.details;
	const message = [error.message, details && details !== error.message ? String(details) : undefined]
		.filter((part) => part !== undefined && part !== '')
		.join(' — ');
	return {
		code: error.code === undefined ? undefined : String(error.code),
		message: message ? redactMetaTokens(message, ...secrets) : undefined,
	};
}

export class WhatsAppInstanceNotFoundError extends UserInputError {
	constructor(reference: string) {
		super(`Instância de WhatsApp não encontrada: "${reference}"`);
		this.name = 'WhatsAppInstanceNotFoundError';
	}
}

export class WhatsAppInstanceExistsError extends UserInputError {
	constructor(phone: string) {
		super(`O número ${phone} já tem uma instância de WhatsApp`);
		this.name = 'WhatsAppInstanceExistsError';
	}
}

/**
 * The wizard looked through every WhatsApp Business Account of the app and the number is not
 * there: only the client (or staff, in the client's Business Manager) can add it.
 */
export class NumberNotInAppError extends UserInputError {
	readonly phone: string;

	constructor(phone: string, wabaIds: string[], known: string[]) {
		const seen = known.length > 0 ? ` Números já no app: ${known.join(', ')}.` : ' O app ainda não tem nenhum número.';
		super(
			`O número ${phone} ainda não foi adicionado ao app Meta da Viang ` +
				`(procurado em ${wabaIds.length} conta(s) WhatsApp Business: ${wabaIds.join(', ') || 'nenhuma configurada'}).` +
				seen +
				' O que o cliente precisa fazer: no Meta Business Suite (business.facebook.com) → Configurações do negócio → ' +
				'Contas do WhatsApp, adicionar este número à conta WhatsApp Business compartilhada com o app da Viang, ' +
				'confirmar o código recebido por SMS ou ligação e aguardar o número aparecer como "Conectado". ' +
				'Depois disso, rode o assistente de novo.',
		);
		this.name = 'NumberNotInAppError';
		this.phone = phone;
	}
}

export class NoWabaConfiguredError extends UserInputError {
	constructor() {
		super('A credencial WhatsApp Cloud não tem nenhum WhatsApp Business Account ID: preencha o campo WABA IDs.');
		this.name = 'NoWabaConfiguredError';
	}
}

/** Neither a phone number (8 to 15 digits, with or without "+55") nor a Meta phone number id. */
export class InvalidPhoneNumberError extends UserInputError {
	constructor(phone: string) {
		super(
			`Número de WhatsApp inválido: "${phone.slice(0, 40)}". Envie com DDD (ex.: +55 11 98765-4321) ou o phone number id da Meta.`,
		);
		this.name = 'InvalidPhoneNumberError';
	}
}

/** What staff read when a WhatsApp action fails (the bot's /whatsapp through whatsapp-instance). */
export function whatsAppStaffFailure(error: unknown, ...secrets: string[]): StaffFailure {
	if (error instanceof UserInputError) return { message: error.message, userError: true, code: error.name };
	if (isApiError(error)) {
		if (error.code === GRAPH_CODES.invalidToken) {
			return {
				message: 'A Meta recusou o token de acesso do app da Viang: atualize a credencial WhatsApp Cloud no n8n.',
				userError: false,
				code: error.code,
			};
		}
		if (error.kind === 'timeout' || error.kind === 'network') {
			return { message: 'Não consegui falar com a Meta (WhatsApp). Tente de novo em instantes.', userError: false, code: error.kind };
		}
		const detail = error.providerMessage ? `: ${redactMetaTokens(error.providerMessage, ...secrets)}` : ` (HTTP ${error.status ?? '?'})`;
		return { message: `A Meta (WhatsApp) recusou o pedido${detail}`, userError: false, code: error.code ?? error.kind };
	}
	const message = error instanceof Error ? error.message : String(error);
	return { message: `Erro inesperado no WhatsApp: ${redactMetaTokens(message, ...secrets)}`, userError: false };
}
