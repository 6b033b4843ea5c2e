// Every message Viang sends on WhatsApp goes through here, so the limits hold everywhere:
// - an opted-out contact is never sent to (the reservation refuses and logs `skipped`);
// - one message per 6 s to the same contact from the same number (the warehouse hands out slots,
//   so parallel executions pace together; a slot further away than `maxWaitMs` is deferred);
// - Meta's "later" answers (131056 pair rate, 130429 throughput, HTTP 429) are retried once in
//   place when the wait is short, otherwise kept as `deferred` for resendDue();
// - anything else is logged `failed` and thrown.
import { isApiError } from '../http/api-error';
import { sleep as realSleep } from '../http/rate-limiter';
import { assertWaId } from './config';
import { GRAPH_CODES, graphErrorCode, redactMetaTokens, RETRY_LATER_CODES } from './errors';
import type { OutgoingMessage, SendResult } from './graph-client';
import type { DueSend, Reservation, ReserveInput, WhatsAppStore } from './store';

export type MessagePurpose = 'manual' | 'rule_reply' | 'opt_out_confirmation' | 'opt_in_confirmation' | 'daily_summary' | 'retry';

/** The part of the Graph client the sender uses. */
export interface MessageTransport {
	sendMessage(phoneNumberId: string, to: string, message: OutgoingMessage, clientId?: string): Promise<SendResult>;
}

export type SendStore = Pick<WhatsAppStore, 'reserveSend' | 'sendResult' | 'dueSends'>;

export interface SendingInstance {
	id: string;
	clientId: string;
	phoneNumberId: string;
}

export type SendOutcome =
	| { status: 'sent'; logId: string; to: string; wamid: string; waId?: string; attempts: number; waitedMs: number }
	| { status: 'skipped'; reason: 'opted_out'; logId: string; to: string }
	| { status: 'deferred'; logId: string; to: string; nextAttemptAt: string; errorCode: string }
	| { status: 'failed'; logId: string; to: string; errorCode?: string; error: string };

export interface SenderOptions {
	/** Meta's pair rate: one message per 6 s to the same user. */
	pairIntervalMs?: number;
	/** Longest wait in place (for the pair slot or a short retry); longer ones are deferred. */
	maxWaitMs?: number;
	/** Back-off after 130429 / HTTP 429 before the next try. */
	throughputBackoffMs?: number;
	/** Tries in place after a "later" answer before deferring. */
	inlineRetries?: number;
	sleep?: (ms: number) => Promise<void>;
	now?: () => number;
}

export class WhatsAppSender {
	private readonly pairIntervalMs: number;
	private readonly maxWaitMs: number;
	private readonly throughputBackoffMs: number;
	private readonly inlineRetries: number;
	private readonly sleep: (ms: number) => Promise<void>;
	private readonly now: () => number;

	constructor(
		private readonly transport: MessageTransport,
		private readonly store: SendStore,
		options: SenderOptions = {},
	) {
		this.pairIntervalMs = options.pairIntervalMs ?? 6_000;
		this.maxWaitMs = options.maxWaitMs ?? 15_000;
		this.throughputBackoffMs = options.throughputBackoffMs ?? 1_000;
		this.inlineRetries = options.inlineRetries ?? 1;
		this.sleep = options.sleep ?? realSleep;
		this.now = options.now ?? Date.now;
	}

	async send(instance: SendingInstance, to: string, message: OutgoingMessage, purpose: MessagePurpose = 'manual'): Promise<SendOutcome> {
		const waId = assertWaId(to);
		const reservation = await this.reserve({
			instanceId: instance.id,
			waId,
			kind: message.type,
			purpose,
			payload: message as unknown as Record<string, unknown>,
		});
		if (reservation.status === 'opted_out') return { status: 'skipped', reason: 'opted_out', logId: reservation.logId, to: waId };
		return this.deliver(instance, waId, message, reservation, this.inlineRetries, true);
	}

	/** Sends the deferred messages whose time has come; one outcome per message, never throws for one. */
	async resendDue(resolveInstance: (instanceId: string) => Promise<SendingInstance>, instanceId?: string, limit = 50): Promise<SendOutcome[]> {
		const due: DueSend[] = await this.store.dueSends(instanceId, limit);
		const outcomes: SendOutcome[] = [];
		for (const row of due) {
			const instance = await resolveInstance(row.instanceId);
			const reservation = await this.reserve({
				instanceId: row.instanceId,
				waId: row.waId,
				kind: row.kind,
				purpose: row.purpose,
				logId: row.logId,
			});
			if (reservation.status === 'opted_out') {
				outcomes.push({ status: 'skipped', reason: 'opted_out', logId: row.logId, to: row.waId });
				continue;
			}
			outcomes.push(await this.deliver(instance, row.waId, row.payload as unknown as OutgoingMessage, reservation, 0, false));
		}
		return outcomes;
	}

	private reserve(input: Omit<ReserveInput, 'intervalMs'>): Promise<Reservation> {
		return this.store.reserveSend({ ...input, intervalMs: this.pairIntervalMs });
	}

	private async deliver(
		instance: SendingInstance,
		waId: string,
		message: OutgoingMessage,
		reservation: Extract<Reservation, { status: 'reserved' }>,
		retriesLeft: number,
		throwOnFailure: boolean,
		waitedBefore = 0,
	): Promise<SendOutcome> {
		const { logId } = reservation;
		if (reservation.waitMs > this.maxWaitMs) {
			return this.defer(logId, waId, new Date(reservation.scheduledAt), 'pacing', 'next slot for this contact is too far away');
		}
		if (reservation.waitMs > 0) await this.sleep(reservation.waitMs);
		const waited = waitedBefore + reservation.waitMs;
		try {
			const result = await this.transport.sendMessage(instance.phoneNumberId, waId, message, instance.clientId);
			await this.store.sendResult(logId, { status: 'sent', wamid: result.wamid, intervalMs: this.pairIntervalMs });
			return { status: 'sent', logId, to: waId, wamid: result.wamid, waId: result.waId, attempts: reservation.attempts, waitedMs: waited };
		} catch (error) {
			const code = graphErrorCode(error);
			const text = redactMetaTokens(error instanceof Error ? error.message : String(error));
			const later = (code !== undefined && RETRY_LATER_CODES.includes(code)) || (isApiError(error) && error.status === 429);
			if (!later) {
				await this.store.sendResult(logId, { status: 'failed', errorCode: code, errorMessage: text });
				if (throwOnFailure) throw error;
				return { status: 'failed', logId, to: waId, errorCode: code, error: text };
			}
			const delay = code === GRAPH_CODES.pairRateLimit ? this.pairIntervalMs : this.throughputBackoffMs;
			const deferred = await this.defer(logId, waId, new Date(this.now() + delay), code ?? '429', text);
			if (retriesLeft <= 0 || delay > this.maxWaitMs) return deferred;
			await this.sleep(delay);
			const again = await this.reserve({ instanceId: instance.id, waId, kind: message.type, purpose: 'retry', logId });
			if (again.status === 'opted_out') return { status: 'skipped', reason: 'opted_out', logId, to: waId };
			return this.deliver(instance, waId, message, again, retriesLeft - 1, throwOnFailure, waited + delay);
		}
	}

	private async defer(logId: string, waId: string, at: Date, errorCode: string, message: string): Promise<SendOutcome> {
		await this.store.sendResult(logId, { status: 'deferred', errorCode, errorMessage: message, nextAttemptAt: at });
		return { status: 'deferred', logId, to: waId, nextAttemptAt: at.toISOString(), errorCode };
	}
}

export function textMessage(body: string): OutgoingMessage {
	const text = body.trim();
	if (text === '') throw new Error('The message text is empty');
	if (text.length > 4096) throw new Error(`The message text has ${text.length} characters; WhatsApp allows 4096`);
	return { type: 'text', text: { body: text, preview_url: false } };
}

export function templateMessage(name: string, language: string, bodyParameters: string[] = []): OutgoingMessage {
	const template: Extract<OutgoingMessage, { type: 'template' }>['template'] = { name: name.trim(), language: { code: language.trim() || 'pt_BR' } };
	if (!template.name) throw new Error('The template name is empty');
	if (bodyParameters.length > 0) {
		template.components = [{ type: 'body', parameters: bodyParameters.map((text) => ({ type: 'text', text })) }];
	}
	return { type: 'template', template };
}
