// The WhatsApp tables of the warehouse, through the wh_wa_* functions (same logic on the pg and the
// Supabase transports). Rows come back normalised: ISO timestamps, decimal strings for money.
import { WarehouseError, type WarehouseTransport } from '../warehouse/transport';
import { WhatsAppInstanceExistsError, WhatsAppInstanceNotFoundError } from './errors';
import type { DayFigures } from './rules';

export interface Instance {
	id: string;
	clientId: string;
	clientName: string;
	phoneNumberId: string;
	displayPhoneNumber: string;
	phoneDigits: string;
	wabaId: string;
	verifiedName: string | null;
	status: 'active' | 'paused';
	/** As stored; parseRules() validates and fills defaults. */
	rules: Record<string, unknown>;
	createdAt: string;
	updatedAt: string;
}

export interface NewInstance {
	clientId: string;
	phoneNumberId: string;
	displayPhoneNumber: string;
	wabaId: string;
	verifiedName?: string | null;
	rules?: Record<string, unknown>;
}

export type Reservation =
	| { status: 'opted_out'; logId: string }
	| { status: 'reserved'; logId: string; scheduledAt: string; waitMs: number; attempts: number };

export interface ReserveInput {
	instanceId: string;
	waId: string;
	kind: string;
	purpose: string;
	payload?: Record<string, unknown>;
	intervalMs: number;
	/** Take a deferred message again instead of logging a new one. */
	logId?: string;
}

export interface DueSend {
	logId: string;
	instanceId: string;
	waId: string;
	kind: string;
	purpose: string;
	payload: Record<string, unknown>;
	attempts: number;
	nextAttemptAt: string;
	errorCode: string | null;
}

export interface SendLogRow {
	logId: string;
	waId: string;
	kind: string;
	purpose: string;
	payload: Record<string, unknown>;
	status: 'pending' | 'sent' | 'deferred' | 'failed' | 'skipped';
	scheduledAt: string;
	nextAttemptAt: string | null;
	attempts: number;
	wamid: string | null;
	errorCode: string | null;
	errorMessage: string | null;
	createdAt: string;
}

type Row = Record<string, unknown>;

const iso = (value: unknown): string => new Date(value as string).toISOString();
const isoOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : iso(value));
const textOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
	return UUID.test(value);
}

function instanceFromRow(row: Row): Instance {
	return {
		id: String(row.id),
		clientId: String(row.client_id),
		clientName: String(row.client_name ?? ''),
		phoneNumberId: String(row.phone_number_id),
		displayPhoneNumber: String(row.display_phone_number),
		phoneDigits: String(row.phone_digits),
		wabaId: String(row.waba_id),
		verifiedName: textOrNull(row.verified_name),
		status: row.status as Instance['status'],
		rules: (row.rules ?? {}) as Record<string, unknown>,
		createdAt: iso(row.created_at),
		updatedAt: iso(row.updated_at),
	};
}

export class WhatsAppStore {
	constructor(readonly transport: WarehouseTransport) {}

	async createInstance(input: NewInstance): Promise<Instance> {
		try {
			const [row] = await this.transport.rpc('wh_wa_instance_create', {
				p_client_id: input.clientId,
				p_phone_number_id: input.phoneNumberId,
				p_display_phone_number: input.displayPhoneNumber,
				p_waba_id: input.wabaId,
				p_verified_name: input.verifiedName ?? null,
				p_rules: input.rules ?? {},
			});
			// The created row lacks the client's name: read it back through the joined getter.
			return await this.requireInstance(String(row.id));
		} catch (error) {
			if (error instanceof WarehouseError && (error.code === 'VW001' || error.code === '23505')) {
				throw new WhatsAppInstanceExistsError(input.displayPhoneNumber);
			}
			throw error;
		}
	}

	async getInstance(id: string): Promise<Instance | null> {
		if (!isUuid(id)) return null;
		const [row] = await this.transport.rpc('wh_wa_instance_get', { p_instance_id: id });
		return row ? instanceFromRow(row) : null;
	}

	async instanceByPhoneNumberId(phoneNumberId: string): Promise<Instance | null> {
		const [row] = await this.transport.rpc('wh_wa_instance_get', { p_phone_number_id: String(phoneNumberId) });
		return row ? instanceFromRow(row) : null;
	}

	/** By instance id (uuid) or Meta's phone number id (digits). */
	async requireInstance(reference: string): Promise<Instance> {
		const ref = String(reference ?? '').trim();
		const found = isUuid(ref) ? await this.getInstance(ref) : /^[0-9]+$/.test(ref) ? await this.instanceByPhoneNumberId(ref) : null;
		if (!found) throw new WhatsAppInstanceNotFoundError(ref);
		return found;
	}

	async listInstances(clientId?: string): Promise<Instance[]> {
		const rows = await this.transport.rpc('wh_wa_instance_list', { p_client_id: clientId ?? null });
		return rows.map(instanceFromRow);
	}

	async updateInstance(id: string, change: { rules?: Record<string, unknown>; status?: Instance['status'] }): Promise<Instance> {
		const rows = await this.transport.rpc('wh_wa_instance_update', {
			p_instance_id: id,
			p_rules: change.rules ?? null,
			p_status: change.status ?? null,
		});
		if (rows.length === 0) throw new WhatsAppInstanceNotFoundError(id);
		return this.requireInstance(id);
	}

	async deleteInstance(id: string): Promise<boolean> {
		const rows = await this.transport.rpc('wh_wa_instance_delete', { p_instance_id: id });
		return rows.length > 0;
	}

	async optOut(instanceId: string, waId: string): Promise<{ optedOutAt: string; created: boolean }> {
		const [row] = await this.transport.rpc('wh_wa_opt_out', { p_instance_id: instanceId, p_wa_id: waId });
		return { optedOutAt: iso(row.opted_out_at), created: Boolean(row.created) };
	}

	async optIn(instanceId: string, waId: string): Promise<boolean> {
		const [row] = await this.transport.rpc('wh_wa_opt_in', { p_instance_id: instanceId, p_wa_id: waId });
		return Boolean(row?.removed);
	}

	async isOptedOut(instanceId: string, waId: string): Promise<boolean> {
		const rows = await this.transport.rpc('wh_wa_opt_out_list', { p_instance_id: instanceId, p_wa_id: waId });
		return rows.length > 0;
	}

	async optOuts(instanceId: string): Promise<Array<{ waId: string; optedOutAt: string }>> {
		const rows = await this.transport.rpc('wh_wa_opt_out_list', { p_instance_id: instanceId });
		return rows.map((row) => ({ waId: String(row.wa_id), optedOutAt: iso(row.opted_out_at) }));
	}

	async reserveSend(input: ReserveInput): Promise<Reservation> {
		const [row] = await this.transport.rpc('wh_wa_send_reserve', {
			p_instance_id: input.instanceId,
			p_wa_id: input.waId,
			p_kind: input.kind,
			p_purpose: input.purpose,
			p_payload: input.payload ?? null,
			p_interval_ms: input.intervalMs,
			p_log_id: input.logId ?? null,
		});
		const logId = String(row.log_id);
		if (row.status === 'opted_out') return { status: 'opted_out', logId };
		return {
			status: 'reserved',
			logId,
			scheduledAt: iso(row.scheduled_at),
			waitMs: Number(row.wait_ms),
			attempts: Number(row.attempts),
		};
	}

	async sendResult(
		logId: string,
		result: {
			status: 'sent' | 'deferred' | 'failed';
			wamid?: string;
			errorCode?: string;
			errorMessage?: string;
			nextAttemptAt?: Date;
			/** For `sent`: the contact's next slot is at least this long after now. */
			intervalMs?: number;
		},
	): Promise<void> {
		await this.transport.rpc('wh_wa_send_result', {
			p_log_id: logId,
			p_status: result.status,
			p_wamid: result.wamid ?? null,
			p_error_code: result.errorCode ?? null,
			p_error_message: result.errorMessage ?? null,
			p_next_attempt_at: result.nextAttemptAt?.toISOString() ?? null,
			p_interval_ms: result.intervalMs ?? null,
		});
	}

	async dueSends(instanceId?: string, limit = 50): Promise<DueSend[]> {
		const rows = await this.transport.rpc('wh_wa_send_due', { p_instance_id: instanceId ?? null, p_limit: limit });
		return rows.map((row) => ({
			logId: String(row.log_id),
			instanceId: String(row.instance_id),
			waId: String(row.wa_id),
			kind: String(row.kind),
			purpose: String(row.purpose),
			payload: (row.payload ?? {}) as Record<string, unknown>,
			attempts: Number(row.attempts),
			nextAttemptAt: iso(row.next_attempt_at),
			errorCode: textOrNull(row.error_code),
		}));
	}

	async sendLog(instanceId: string, waId?: string, limit = 50): Promise<SendLogRow[]> {
		const rows = await this.transport.rpc('wh_wa_send_log', { p_instance_id: instanceId, p_wa_id: waId ?? null, p_limit: limit });
		return rows.map((row) => ({
			logId: String(row.log_id),
			waId: String(row.wa_id),
			kind: String(row.kind),
			purpose: String(row.purpose),
			payload: (row.payload ?? {}) as Record<string, unknown>,
			status: row.status as SendLogRow['status'],
			scheduledAt: iso(row.scheduled_at),
			nextAttemptAt: isoOrNull(row.next_attempt_at),
			attempts: Number(row.attempts),
			wamid: textOrNull(row.wamid),
			errorCode: textOrNull(row.error_code),
			errorMessage: textOrNull(row.error_message),
			createdAt: iso(row.created_at),
		}));
	}

	async logUnrouted(phoneNumberId: string, detail: string): Promise<string> {
		const [row] = await this.transport.rpc('wh_wa_log_unrouted', { p_phone_number_id: phoneNumberId, p_detail: detail });
		return String(row.id);
	}

	async clientDay(clientId: string, day: string): Promise<DayFigures> {
		const [row] = await this.transport.rpc('wh_wa_client_day', { p_client_id: clientId, p_day: day });
		if (!row) throw new Error(`client ${clientId} not found`);
		return {
			clientName: String(row.client_name),
			day,
			hasData: Boolean(row.has_data),
			grossRevenue: String(row.gross_revenue ?? '0'),
			ordersCount: Number(row.orders_count ?? 0),
			unitsSold: Number(row.units_sold ?? 0),
			avgTicket: textOrNull(row.avg_ticket),
		};
	}
}
