// The quick wizard: staff give a client and the number the client added to the Viang Meta app;
// the wizard finds that number's phone number id among the app's numbers (every WABA) and creates
// the client's instance with the default rules. A number that is not there yet gets a message
// saying what the client must do.
import { phoneDigits } from './config';
import { InvalidPhoneNumberError, NoWabaConfiguredError, NumberNotInAppError } from './errors';
import type { PhoneNumber, WhatsAppCloudClient } from './graph-client';
import { DEFAULT_RULES_INPUT, parseRules } from './rules';
import type { Instance, WhatsAppStore } from './store';

/** Brazilian numbers typed without the country code are tried with 55 too. */
function candidates(phone: string): string[] {
	const digits = phoneDigits(phone);
	const list = [digits];
	if (digits.length === 10 || digits.length === 11) list.push(`55${digits}`);
	return list;
}

export async function findPhoneNumber(
	client: Pick<WhatsAppCloudClient, 'listAllPhoneNumbers'>,
	wabaIds: string[],
	phone: string,
): Promise<PhoneNumber> {
	// Checked before any call: a typo is told apart from a number the client has not added yet.
	const typed = String(phone ?? '').trim();
	const digits = phoneDigits(typed);
	const e164 = typed.startsWith('+');
	if (!/^\+?[\d\s().-]+$/.test(typed) || digits.length === 0 || digits.length > 20 || (e164 && !/^\d{8,15}$/.test(digits))) {
		throw new InvalidPhoneNumberError(typed);
	}
	if (wabaIds.length === 0) throw new NoWabaConfiguredError();
	const wanted = candidates(phone);
	const numbers = await client.listAllPhoneNumbers(wabaIds);
	const found = numbers.find((n) => wanted.includes(phoneDigits(n.display_phone_number)) || n.id === wanted[0]);
	if (!found) throw new NumberNotInAppError(String(phone).trim(), wabaIds, numbers.map((n) => n.display_phone_number));
	return found;
}

/** pt-BR notes for staff about a number that exists but is not ready to send yet. */
export function readinessWarnings(number: PhoneNumber): string[] {
	const warnings: string[] = [];
	if (number.code_verification_status && number.code_verification_status !== 'VERIFIED') {
		warnings.push(`O número ainda não foi verificado (código: ${number.code_verification_status}).`);
	}
	if (number.status && number.status !== 'CONNECTED') {
		warnings.push(`O número está com status ${number.status} na Meta: só envia depois de "CONNECTED".`);
	}
	if (number.name_status && !['APPROVED', 'AVAILABLE_WITHOUT_REVIEW'].includes(number.name_status)) {
		warnings.push(`O nome de exibição está em ${number.name_status}.`);
	}
	return warnings;
}

export interface WizardResult {
	instance: Instance;
	phoneNumber: PhoneNumber;
	warnings: string[];
}

export async function createInstanceForNumber(input: {
	client: Pick<WhatsAppCloudClient, 'listAllPhoneNumbers'>;
	store: Pick<WhatsAppStore, 'createInstance'>;
	wabaIds: string[];
	clientId: string;
	phone: string;
	rules?: unknown;
}): Promise<WizardResult> {
	const rules = parseRules(input.rules ?? DEFAULT_RULES_INPUT);
	const phoneNumber = await findPhoneNumber(input.client, input.wabaIds, input.phone);
	const instance = await input.store.createInstance({
		clientId: input.clientId,
		phoneNumberId: phoneNumber.id,
		displayPhoneNumber: phoneNumber.display_phone_number,
		wabaId: phoneNumber.waba_id,
		verifiedName: phoneNumber.verified_name ?? null,
		rules: rules as unknown as Record<string, unknown>,
	});
	return { instance, phoneNumber, warnings: readinessWarnings(phoneNumber) };
}
