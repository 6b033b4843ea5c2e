// The staff notification hook (outbox in the warehouse): workflows and the CLI call notifyStaff;
// the Telegram bot takes pending messages, sends them to the staff chat and records the result.
import type { WarehouseTransport } from '../warehouse/transport';

export interface StaffNotification {
	event: string;
	message: string;
	clientId?: string | null;
	payload?: Record<string, unknown>;
}

export interface PendingNotification extends Required<Omit<StaffNotification, 'clientId'>> {
	id: string;
	clientId: string | null;
	createdAt: string;
	attempts: number;
}

const EVENT = /^[a-z0-9_.:-]{1,64}$/;

export async function notifyStaff(
	transport: WarehouseTransport,
	notification: StaffNotification,
): Promise<{ id: string; createdAt: string }> {
	if (!EVENT.test(notification.event)) {
		throw new Error(`Notification event "${notification.event}" must be 1-64 lowercase letters, digits or _.:-`);
	}
	const message = notification.message.trim();
	if (message.length === 0) throw new Error('A staff notification needs a message');
	const [row] = await transport.rpc<{ id: string | number; created_at: Date | string }>('wh_notify_staff', {
		p_event: notification.event,
		p_message: message.slice(0, 4000),
		p_client_id: notification.clientId ?? null,
		p_payload: notification.payload ?? {},
	});
	return { id: String(row.id), createdAt: new Date(row.created_at).toISOString() };
}

export async function pendingStaffNotifications(transport: WarehouseTransport, limit = 20): Promise<PendingNotification[]> {
	const rows = await transport.rpc<{
		id: string | number;
		event: string;
		client_id: string | null;
		message: string;
		payload: Record<string, unknown>;
		created_at: Date | string;
		attempts: number;
	}>('wh_staff_notifications_pending', { p_limit: limit });
	return rows.map((row) => ({
		id: String(row.id),
		event: row.event,
		clientId: row.client_id,
		message: row.message,
		payload: row.payload ?? {},
		createdAt: new Date(row.created_at).toISOString(),
		attempts: Number(row.attempts),
	}));
}

export async function recordStaffNotificationResult(
	transport: WarehouseTransport,
	id: string,
	delivered: boolean,
	error?: string,
): Promise<void> {
	await transport.rpc('wh_staff_notification_result', { p_id: id, p_delivered: delivered, p_error: error ?? null });
}
