// The steps of `/novo_cliente`, in order: what each asks, whether it may be skipped, and how its
// answer is checked and stored.
import { InlineKeyboard } from 'grammy';
import { buttons, wizard as texts } from '../messages';
import { formatCustomerId, formatDocumentLabeled, formatPhone } from '../format';
import type { BotServices } from '../services';
import { checkCustomerId, checkDocument, checkEmail, checkName, checkPhone, type Checked } from './validation';

export const NEW_CLIENT_WIZARD = 'novo_cliente';

export interface NewClientData {
	name?: string;
	email?: string;
	document?: string;
	/** null: skipped. */
	googleAdsCustomerId?: string | null;
	whatsappNumber?: string | null;
}

export type InputStepId = 'name' | 'email' | 'document' | 'google_ads' | 'whatsapp';
/** confirm: the summary is shown; submitting: the workflow call is under way. */
export type StepId = InputStepId | 'confirm' | 'submitting';

export interface InputStep {
	id: InputStepId;
	prompt: string;
	optional: boolean;
	check(text: string, services: BotServices): Promise<Checked<Partial<NewClientData>>>;
}

const sync = <T>(checked: Checked<T>, store: (value: T) => Partial<NewClientData>): Checked<Partial<NewClientData>> =>
	checked.ok ? { ok: true, value: store(checked.value) } : checked;

export const INPUT_STEPS: readonly InputStep[] = [
	{
		id: 'name',
		prompt: texts.askName,
		optional: false,
		async check(text, services) {
			const checked = checkName(text);
			if (!checked.ok) return checked;
			// Names are unique (any case): say so now rather than after the summary.
			if (await services.clients.findByIdOrName(checked.value)) return { ok: false, error: texts.duplicateName(checked.value) };
			return { ok: true, value: { name: checked.value } };
		},
	},
	{ id: 'email', prompt: texts.askEmail, optional: false, check: async (text) => sync(checkEmail(text), (email) => ({ email })) },
	{
		id: 'document',
		prompt: texts.askDocument,
		optional: false,
		check: async (text) => sync(checkDocument(text), (document) => ({ document })),
	},
	{
		id: 'google_ads',
		prompt: texts.askGoogleAds,
		optional: true,
		check: async (text, services) =>
			sync(checkCustomerId(text, services.managerCustomerId), (googleAdsCustomerId) => ({ googleAdsCustomerId })),
	},
	{
		id: 'whatsapp',
		prompt: texts.askWhatsApp,
		optional: true,
		check: async (text) => sync(checkPhone(text), (whatsappNumber) => ({ whatsappNumber })),
	},
];

export const SKIPPED: Record<InputStepId, Partial<NewClientData>> = {
	name: {},
	email: {},
	document: {},
	google_ads: { googleAdsCustomerId: null },
	whatsapp: { whatsappNumber: null },
};

export function inputStep(id: string): InputStep | undefined {
	return INPUT_STEPS.find((step) => step.id === id);
}

/** The step after `id`: the next input step, or the confirmation. */
export function nextStep(id: InputStepId): StepId {
	const index = INPUT_STEPS.findIndex((step) => step.id === id);
	return INPUT_STEPS[index + 1]?.id ?? 'confirm';
}

export const CALLBACK = { skip: 'wiz:skip', confirm: 'wiz:confirm', cancel: 'wiz:cancel' } as const;

export function promptKeyboard(step: InputStep): InlineKeyboard | undefined {
	return step.optional ? new InlineKeyboard().text(buttons.skip, CALLBACK.skip) : undefined;
}

export function confirmKeyboard(): InlineKeyboard {
	return new InlineKeyboard().text(buttons.confirm, CALLBACK.confirm).text(buttons.cancel, CALLBACK.cancel);
}

export function summary(data: NewClientData): string {
	return [
		texts.confirmTitle,
		`• Nome: ${data.name ?? '—'}`,
		`• E-mail: ${data.email ?? '—'}`,
		`• Documento: ${data.document ? formatDocumentLabeled(data.document) : '—'}`,
		`• Google Ads: ${data.googleAdsCustomerId ? formatCustomerId(data.googleAdsCustomerId) : 'não informado'}`,
		`• WhatsApp: ${data.whatsappNumber ? formatPhone(data.whatsappNumber) : 'não informado'}`,
		'',
		texts.confirmHint,
	].join('\n');
}
