// Mercado Livre notifications (webhooks). They are not signed: we never trust the body beyond
// "something changed at `resource` for `user_id`", and always re-read the resource with the
// seller's own token.
import { MercadoLivreClient } from './client';

export interface MlNotification {
	_id?: string;
	resource: string;
	user_id: number | string;
	topic: string;
	application_id?: number | string;
	attempts?: number;
	sent?: string;
	received?: string;
}

export function parseNotification(body: unknown): MlNotification | null {
	if (!body || typeof body !== 'object') return null;
	const b = body as Record<string, unknown>;
	if (typeof b.resource !== 'string' || typeof b.topic !== 'string') return null;
	if (typeof b.user_id !== 'number' && typeof b.user_id !== 'string') return null;
	if (!b.resource.startsWith('/') || b.resource.includes('..') || /^\/\//.test(b.resource)) return null;
	return b as unknown as MlNotification;
}

/** Topic names as configured in ML's developer panel; `orders_v2` is the current order topic. */
export const ML_TOPICS = ['orders_v2', 'items', 'shipments', 'questions', 'messages', 'payments', 'orders_feedback', 'claims'] as const;

/** Re-reads the notified resource (a path like /orders/123) with the seller's token. */
export async function fetchNotifiedResource(client: MercadoLivreClient, notification: MlNotification): Promise<unknown> {
	const path = notification.resource.split('?')[0];
	return (await client.get<unknown>(`notifications.${notification.topic}`, path)).body;
}

export interface NotificationResult {
	/** 'emit': re-read resource ready; 'ignored': topic filtered out; 'unknown_user': no client has this ML account; 'invalid': not a notification. */
	outcome: 'emit' | 'ignored' | 'unknown_user' | 'invalid' | 'fetch_failed';
	clientId?: string;
	notification?: MlNotification;
	resource?: unknown;
	error?: string;
}

export interface HandleNotificationInput {
	body: unknown;
	/** Topics to emit; empty = all. */
	topics: readonly string[];
	/** The Viang client whose Mercado Livre account id this is, or null. */
	findClientId: (mlUserId: string) => Promise<string | null>;
	clientFor: (clientId: string) => MercadoLivreClient;
}

/** The trigger's logic: filter by topic, match the seller to a client, re-read the resource. */
export async function handleNotification(input: HandleNotificationInput): Promise<NotificationResult> {
	const notification = parseNotification(input.body);
	if (!notification) return { outcome: 'invalid' };
	if (input.topics.length > 0 && !input.topics.includes(notification.topic)) return { outcome: 'ignored', notification };
	const clientId = await input.findClientId(String(notification.user_id));
	if (!clientId) return { outcome: 'unknown_user', notification };
	try {
		const resource = await fetchNotifiedResource(input.clientFor(clientId), notification);
		return { outcome: 'emit', clientId, notification, resource };
	} catch (error) {
		return { outcome: 'fetch_failed', clientId, notification, error: error instanceof Error ? error.message : String(error) };
	}
}
