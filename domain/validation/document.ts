// Brazilian taxpayer documents: CPF (people, 11 digits) and CNPJ (companies, 14 characters).
// CNPJ accepts the alphanumeric format that starts in July 2026 (12 characters 0-9/A-Z plus two
// numeric check digits; each character weighs its ASCII code minus 48, which keeps digits as they were).

export type DocumentType = 'cpf' | 'cnpj';

export interface BrazilianDocument {
	type: DocumentType;
	/** Without punctuation, upper case: what the database stores. */
	value: string;
}

export function stripDocument(value: string): string {
	return value.replace(/[.\-/\s]/g, '').toUpperCase();
}

function allSame(value: string): boolean {
	return /^(.)\1*$/.test(value);
}

function cpfCheckDigit(digits: string, firstWeight: number): number {
	let sum = 0;
	for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * (firstWeight - i);
	const rest = (sum * 10) % 11;
	return rest === 10 ? 0 : rest;
}

export function isValidCpf(value: string): boolean {
	const cpf = stripDocument(value);
	if (!/^\d{11}$/.test(cpf) || allSame(cpf)) return false;
	const first = cpfCheckDigit(cpf.slice(0, 9), 10);
	const second = cpfCheckDigit(cpf.slice(0, 10), 11);
	return first === Number(cpf[9]) && second === Number(cpf[10]);
}

function cnpjCheckDigit(chars: string): number {
	// Weights 2..9 from the right, repeating.
	let sum = 0;
	for (let i = 0; i < chars.length; i++) {
		const weight = ((chars.length - 1 - i) % 8) + 2;
		sum += (chars.charCodeAt(i) - 48) * weight;
	}
	const rest = sum % 11;
	return rest < 2 ? 0 : 11 - rest;
}

export function isValidCnpj(value: string): boolean {
	const cnpj = stripDocument(value);
	if (!/^[0-9A-Z]{12}\d{2}$/.test(cnpj) || allSame(cnpj)) return false;
	const first = cnpjCheckDigit(cnpj.slice(0, 12));
	const second = cnpjCheckDigit(cnpj.slice(0, 13));
	return first === Number(cnpj[12]) && second === Number(cnpj[13]);
}

/** The document as stored, or undefined when the check digits (or the shape) are wrong. */
export function parseDocument(value: string): BrazilianDocument | undefined {
	const stripped = stripDocument(value);
	if (stripped.length === 11 && isValidCpf(stripped)) return { type: 'cpf', value: stripped };
	if (stripped.length === 14 && isValidCnpj(stripped)) return { type: 'cnpj', value: stripped };
	return undefined;
}

export function formatDocument(document: string): string {
	if (document.length === 11) {
		return `${document.slice(0, 3)}.${document.slice(3, 6)}.${document.slice(6, 9)}-${document.slice(9)}`;
	}
	if (document.length === 14) {
		return `${document.slice(0, 2)}.${document.slice(2, 5)}.${document.slice(5, 8)}/${document.slice(8, 12)}-${document.slice(12)}`;
	}
	return document;
}
