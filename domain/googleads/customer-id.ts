// Google Ads customer ids: 10 digits, written `123-456-7890` in the UI and digits only in the API.
import { GoogleAdsInputError } from './errors';

const DIGITS = /^[0-9]{10}$/;
const DASHED = /^[0-9]{3}-[0-9]{3}-[0-9]{4}$/;

/**
 * `1234567890` or `123-456-7890` → `1234567890`. Anything else, and the manager's own id (a
 * manager cannot invite itself), throws GoogleAdsInputError before any call is made.
 */
export function parseCustomerId(input: unknown, options: { managerCustomerId?: string; field?: string } = {}): string {
	const field = options.field ?? 'Customer ID';
	const text = typeof input === 'number' ? String(input) : typeof input === 'string' ? input.trim() : '';
	if (!text) {
		throw new GoogleAdsInputError(
			'invalid_customer_id',
			`${field} is empty: use 1234567890 or 123-456-7890`,
			'Falta o customer id do Google Ads: envie no formato 123-456-7890.',
		);
	}
	if (!DIGITS.test(text) && !DASHED.test(text)) {
		const digits = text.replace(/[^0-9]/g, '');
		const why = /[^0-9\s-]/.test(text)
			? 'it may contain only digits and dashes'
			: `it has ${digits.length} digits, a Google Ads customer id has 10`;
		const porque = /[^0-9\s-]/.test(text) ? 'use só números e hífens' : `ele tem ${digits.length} dígito(s) e precisa ter 10`;
		throw new GoogleAdsInputError(
			'invalid_customer_id',
			`${field} "${text.slice(0, 40)}" is not valid: ${why} (use 1234567890 or 123-456-7890)`,
			`Customer id do Google Ads inválido ("${text.slice(0, 40)}"): ${porque}. Envie no formato 123-456-7890.`,
		);
	}
	const id = text.replace(/-/g, '');
	if (options.managerCustomerId && id === options.managerCustomerId.replace(/-/g, '')) {
		throw new GoogleAdsInputError(
			'manager_customer_id',
			`${formatCustomerId(id)} is the manager account (MCC) itself: invite the client's own Google Ads account`,
			`${formatCustomerId(id)} é a própria conta MCC da Viang: envie o customer id da conta Google Ads do cliente.`,
		);
	}
	return id;
}

/** `1234567890` → `123-456-7890` (as Google Ads shows it). */
export function formatCustomerId(id: string): string {
	return DIGITS.test(id) ? `${id.slice(0, 3)}-${id.slice(3, 6)}-${id.slice(6)}` : id;
}

/** `customers/1234567890` → `1234567890`. */
export function customerIdFromResource(resource: string): string {
	return /customers\/([0-9]+)/.exec(resource)?.[1] ?? resource;
}
