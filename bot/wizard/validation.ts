// Answers staff type, checked on the spot with a message that says how to get it right. The rules
// are the domain's (e-mail, CPF/CNPJ, Google Ads customer id); only the pt-BR wording is here.
import { parseCustomerId } from '../../domain/googleads/customer-id';
import { GoogleAdsInputError } from '../../domain/googleads/errors';
import { parseDocument, stripDocument } from '../../domain/validation/document';
import { isValidEmail, normalizeEmail } from '../../domain/validation/email';
import { formatCustomerId } from '../format';

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const fail = <T>(error: string): Checked<T> => ({ ok: false, error });

/** What staff type to skip an optional step. */
export function isSkip(text: string): boolean {
	return /^(pular|-|não|nao|nenhum|n)$/i.test(text.trim());
}

export function checkName(text: string): Checked<string> {
	const name = text.trim().replace(/\s+/g, ' ');
	if (name === '') return fail('O nome não pode ficar vazio. Envie o nome do cliente (ex.: Loja da Maria).');
	if (name.length > 200) return fail(`O nome tem ${name.length} caracteres; o máximo é 200. Envie um nome mais curto.`);
	if (name.startsWith('/')) return fail('O nome não pode começar com "/". Envie o nome do cliente.');
	return ok(name);
}

export function checkEmail(text: string): Checked<string> {
	const email = text.trim();
	if (!isValidEmail(email)) {
		const hint = email.includes('@') ? 'confira o domínio (ex.: contato@loja.com.br)' : 'falta o "@" (ex.: contato@loja.com.br)';
		return fail(`E-mail inválido: "${email.slice(0, 80)}" — ${hint}. Envie o e-mail de novo.`);
	}
	return ok(normalizeEmail(email));
}

export function checkDocument(text: string): Checked<string> {
	const stripped = stripDocument(text.trim());
	const parsed = parseDocument(stripped);
	if (parsed) return ok(parsed.value);
	if (stripped.length === 11 && /^\d+$/.test(stripped)) {
		return fail('CPF inválido: os dígitos verificadores não conferem. Confira os números e envie de novo.');
	}
	if (stripped.length === 14) {
		return fail('CNPJ inválido: os dígitos verificadores não conferem. Confira os números e envie de novo.');
	}
	return fail(
		`"${text.trim().slice(0, 30)}" não é um CPF (11 dígitos) nem um CNPJ (14 caracteres). ` +
			'Envie, por exemplo, 11.222.333/0001-81 ou 123.456.789-09.',
	);
}

export function checkCustomerId(text: string, managerCustomerId?: string): Checked<string> {
	// "123 456 7890" as some people copy it: the domain's rule wants dashes or nothing.
	const dashed = text.trim().replace(/^(\d{3})\s+(\d{3})\s+(\d{4})$/, '$1-$2-$3');
	try {
		return ok(parseCustomerId(dashed, { managerCustomerId }));
	} catch (error) {
		if (error instanceof GoogleAdsInputError && error.code === 'manager_customer_id') {
			return fail(
				`${formatCustomerId(text.replace(/-/g, ''))} é a própria conta MCC da Viang. Envie o customer id da conta Google Ads do cliente.`,
			);
		}
		const digits = text.replace(/\D/g, '').length;
		const why = /[^0-9\s-]/.test(text.trim())
			? 'use só números e hífens'
			: `ele tem ${digits} dígito${digits === 1 ? '' : 's'} e precisa ter 10`;
		return fail(`Customer id do Google Ads inválido: ${why}. Envie no formato 123-456-7890.`);
	}
}

/**
 * A WhatsApp number as E.164 (+5511987654321). Brazilian numbers may come without the country code
 * (DDD + number); other countries need the "+".
 */
export function checkPhone(text: string): Checked<string> {
	const raw = text.trim();
	const hint = 'Envie com DDD, por exemplo +55 11 98765-4321 ou (11) 98765-4321.';
	if (!/^\+?[\d\s().-]+$/.test(raw)) return fail(`Número inválido: "${raw.slice(0, 30)}" — use só números. ${hint}`);
	const digits = raw.replace(/\D/g, '');
	let e164: string;
	if (raw.startsWith('+')) e164 = digits;
	else if (digits.length === 10 || digits.length === 11) e164 = `55${digits}`;
	else if (digits.startsWith('55') && (digits.length === 12 || digits.length === 13)) e164 = digits;
	else return fail(`Número inválido: "${raw.slice(0, 30)}" tem ${digits.length} dígitos. ${hint}`);
	if (e164.startsWith('55')) {
		const national = e164.slice(2);
		if (!/^[1-9]{2}\d{8,9}$/.test(national)) return fail(`Número brasileiro inválido: confira o DDD e a quantidade de dígitos. ${hint}`);
		if (national.length === 11 && national[2] !== '9') {
			return fail(`Celular inválido: com 9 dígitos, o número precisa começar com 9. ${hint}`);
		}
	} else if (!/^[1-9]\d{7,14}$/.test(e164)) {
		return fail(`Número internacional inválido: são de 8 a 15 dígitos após o "+". ${hint}`);
	}
	return ok(`+${e164}`);
}
