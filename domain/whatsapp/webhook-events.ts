// Meta's webhook body → flat events. One delivery may batch several entries (WABAs) and changes
// (numbers); each change names its business number in `metadata.phone_number_id`, which is how a
// shared app finds the client the event belongs to.

interface Metadata {
	phoneNumberId?: string;
	displayPhoneNumber?: string;
	wabaId?: string;
	field: string;
}

export interface InboundMessageEvent extends Metadata {
	kind: 'message';
	messageId: string;
	from: string;
	contactName?: string;
	timestamp?: string;
	type: string;
	/** The text a person wrote or chose (text body, button text, interactive reply title). */
	text?: string;
	raw: Record<string, unknown>;
}

export interface StatusEvent extends Metadata {
	kind: 'status';
	messageId: string;
	status: string;
	recipientId?: string;
	timestamp?: string;
	errors?: Array<Record<string, unknown>>;
	raw: Record<string, unknown>;
}

export interface ErrorEvent extends Metadata {
	kind: 'error';
	code?: number;
	title?: string;
	message?: string;
	raw: Record<string, unknown>;
}

/** Changes that are not about messages (template status, account updates…). */
export interface OtherEvent extends Metadata {
	kind: 'other';
	raw: Record<string, unknown>;
}

export type WebhookEvent = InboundMessageEvent | StatusEvent | ErrorEvent | OtherEvent;

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const asArray = (value: unknown): Json[] => (Array.isArray(value) ? value.map(asObject) : []);
const asText = (value: unknown): string | undefined =>
	value === undefined || value === null || value === '' ? undefined : String(value);

function messageText(message: Json): string | undefined {
	const interactive = asObject(message.interactive);
	return (
		asText(asObject(message.text).body) ??
		asText(asObject(message.button).text) ??
		asText(asObject(interactive.button_reply).title) ??
		asText(asObject(interactive.list_reply).title)
	);
}

export class WebhookPayloadError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'WebhookPayloadError';
	}
}

export function parseWebhook(body: unknown): WebhookEvent[] {
	const root = asObject(body);
	if (root.object !== 'whatsapp_business_account') {
		throw new WebhookPayloadError(`not a WhatsApp Business Account webhook (object: ${String(root.object ?? 'missing')})`);
	}
	const events: WebhookEvent[] = [];
	for (const entry of asArray(root.entry)) {
		const wabaId = asText(entry.id);
		for (const change of asArray(entry.changes)) {
			const field = String(change.field ?? '');
			const value = asObject(change.value);
			const metadata = asObject(value.metadata);
			const base: Metadata = {
				field,
				wabaId,
				phoneNumberId: asText(metadata.phone_number_id),
				displayPhoneNumber: asText(metadata.display_phone_number),
			};
			const contacts = asArray(value.contacts);
			const messages = asArray(value.messages);
			const statuses = asArray(value.statuses);
			const errors = asArray(value.errors);
			for (const message of messages) {
				const from = String(message.from ?? '');
				const contact = contacts.find((c) => c.wa_id === from) ?? contacts[0];
				events.push({
					...base,
					kind: 'message',
					messageId: String(message.id ?? ''),
					from,
					contactName: asText(asObject(contact?.profile).name),
					timestamp: asText(message.timestamp),
					type: String(message.type ?? 'unknown'),
					text: messageText(message),
					raw: message,
				});
			}
			for (const status of statuses) {
				events.push({
					...base,
					kind: 'status',
					messageId: String(status.id ?? ''),
					status: String(status.status ?? ''),
					recipientId: asText(status.recipient_id),
					timestamp: asText(status.timestamp),
					errors: Array.isArray(status.errors) ? asArray(status.errors) : undefined,
					raw: status,
				});
			}
			for (const error of errors) {
				events.push({
					...base,
					kind: 'error',
					code: typeof error.code === 'number' ? error.code : undefined,
					title: asText(error.title),
					message: asText(error.message),
					raw: error,
				});
			}
			if (messages.length + statuses.length + errors.length === 0) events.push({ ...base, kind: 'other', raw: value });
		}
	}
	return events;
}
