// Which client a webhook event belongs to: the instance that owns `metadata.phone_number_id`.
// Events of numbers without an instance are logged in the warehouse (updates_log) and handed back
// as unrouted, never dropped silently.
import type { Instance, WhatsAppStore } from './store';
import type { WebhookEvent } from './webhook-events';

export interface RoutedEvent {
	event: WebhookEvent;
	instance: Instance;
}

export interface RoutingResult {
	routed: RoutedEvent[];
	unrouted: WebhookEvent[];
	/** Changes about the account, not a number (template status…). */
	account: WebhookEvent[];
}

export async function routeEvents(
	store: Pick<WhatsAppStore, 'instanceByPhoneNumberId' | 'logUnrouted'>,
	events: WebhookEvent[],
): Promise<RoutingResult> {
	const result: RoutingResult = { routed: [], unrouted: [], account: [] };
	const instances = new Map<string, Instance | null>();
	const unknown = new Map<string, WebhookEvent[]>();
	for (const event of events) {
		const phoneNumberId = event.phoneNumberId;
		if (!phoneNumberId) {
			result.account.push(event);
			continue;
		}
		if (!instances.has(phoneNumberId)) instances.set(phoneNumberId, await store.instanceByPhoneNumberId(phoneNumberId));
		const instance = instances.get(phoneNumberId);
		if (instance) {
			result.routed.push({ event, instance });
		} else {
			result.unrouted.push(event);
			unknown.set(phoneNumberId, [...(unknown.get(phoneNumberId) ?? []), event]);
		}
	}
	for (const [phoneNumberId, list] of unknown) {
		const kinds = list.map((e) => e.kind).join(', ');
		const display = list[0].displayPhoneNumber ? ` (${list[0].displayPhoneNumber})` : '';
		await store.logUnrouted(phoneNumberId, `número${display} sem instância; ${list.length} evento(s) não roteado(s): ${kinds}`);
	}
	return result;
}

/** One flat item per event, the shape the trigger emits. */
export function eventItem(event: WebhookEvent, instance: Instance | null): Record<string, unknown> {
	const common = {
		event: instance || !event.phoneNumberId ? event.kind : 'unrouted',
		eventKind: event.kind,
		instanceId: instance?.id ?? null,
		clientId: instance?.clientId ?? null,
		clientName: instance?.clientName ?? null,
		phoneNumberId: event.phoneNumberId ?? null,
		displayPhoneNumber: event.displayPhoneNumber ?? null,
		wabaId: event.wabaId ?? null,
		field: event.field,
	};
	switch (event.kind) {
		case 'message':
			return {
				...common,
				from: event.from,
				contactName: event.contactName ?? null,
				messageId: event.messageId,
				type: event.type,
				text: event.text ?? null,
				timestamp: event.timestamp ?? null,
				raw: event.raw,
			};
		case 'status':
			return {
				...common,
				messageId: event.messageId,
				status: event.status,
				recipientId: event.recipientId ?? null,
				timestamp: event.timestamp ?? null,
				errors: event.errors ?? [],
				raw: event.raw,
			};
		case 'error':
			return { ...common, code: event.code ?? null, title: event.title ?? null, message: event.message ?? null, raw: event.raw };
		default:
			return { ...common, raw: event.raw };
	}
}
