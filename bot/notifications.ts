// Delivers the warehouse's staff notification outbox (onboarding finished, nightly summary and
// failures, re-authorization needed, Google Ads link changes) to the staff chat: polls every few
// seconds, marks each message delivered, and leaves failed ones pending so the next poll retries.
import { GrammyError, type Api } from 'grammy';
import {
	pendingStaffNotifications,
	recordStaffNotificationResult,
	type PendingNotification,
} from '../domain/notifications/staff-notifications';
import type { WarehouseTransport } from '../domain/warehouse/transport';
import type { BotLogger } from './services';

/** After this many failed attempts a message is left alone (it stays in the outbox, undelivered). */
export const MAX_ATTEMPTS = 20;

const ICONS: Array<[RegExp, string]> = [
	[/fail|error|erro|falh/, '❌'],
	[/reauth|reautoriz/, '🔑'],
	[/onboarding/, '✅'],
	[/nightly|summary|resumo/, '🌙'],
	[/google_?ads|gads|mcc/, '📈'],
	[/whatsapp/, '📱'],
];

export function notificationText(notification: Pick<PendingNotification, 'event' | 'message'>): string {
	const icon = ICONS.find(([pattern]) => pattern.test(notification.event))?.[1] ?? '🔔';
	return `${icon} ${notification.message}`.slice(0, 4096);
}

export interface DeliveryOptions {
	transport: WarehouseTransport;
	api: Api;
	chatId: number;
	intervalMs: number;
	logger: BotLogger;
	batchSize?: number;
}

export interface DeliveryResult {
	delivered: number;
	failed: number;
}

export class NotificationDelivery {
	private timer: NodeJS.Timeout | undefined;
	private running: Promise<unknown> | undefined;
	private stopped = true;

	constructor(private readonly options: DeliveryOptions) {}

	start(): void {
		if (!this.stopped) return;
		this.stopped = false;
		this.schedule(0);
	}

	async stop(): Promise<void> {
		this.stopped = true;
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		await this.running;
	}

	/** One pass over the outbox. Stops at the first transient failure (Telegram down, rate limit). */
	async deliverPending(): Promise<DeliveryResult> {
		const result: DeliveryResult = { delivered: 0, failed: 0 };
		const pending = await pendingStaffNotifications(this.options.transport, this.options.batchSize ?? 50);
		for (const notification of pending) {
			if (notification.attempts >= MAX_ATTEMPTS) continue;
			try {
				await this.options.api.sendMessage(this.options.chatId, notificationText(notification), {
					link_preview_options: { is_disabled: true },
				});
			} catch (error) {
				result.failed++;
				const message = error instanceof GrammyError ? `${error.error_code}: ${error.description}` : (error as Error).message;
				await recordStaffNotificationResult(this.options.transport, notification.id, false, message);
				this.options.logger.warn(`notificação ${notification.id} não entregue (tentativa ${notification.attempts + 1}): ${message}`);
				// A 400 is about this message only; anything else will hit the next ones too.
				if (error instanceof GrammyError && error.error_code === 400) continue;
				break;
			}
			await recordStaffNotificationResult(this.options.transport, notification.id, true);
			result.delivered++;
		}
		return result;
	}

	private schedule(delayMs: number): void {
		if (this.stopped) return;
		this.timer = setTimeout(() => {
			this.running = this.deliverPending()
				.catch((error) => this.options.logger.warn(`entrega de notificações falhou: ${(error as Error).message}`))
				.finally(() => this.schedule(this.options.intervalMs));
		}, delayMs);
	}
}
