// The bot's own tables (supabase/migrations/20260330000000_bot_state.sql) through `wh_bot_*`
// functions, so the pg and Supabase transports share the rules.
import { toDate, toNumber, toStringOrNull } from '../domain/warehouse/row-values';
import type { WarehouseTransport } from '../domain/warehouse/transport';

export interface StoredConversation {
	wizard: string;
	step: string;
	data: Record<string, unknown>;
	updatedAt: Date;
}

export interface AccessAttempt {
	userId: number | null;
	chatId: number | null;
	username: string | null;
	action: string;
	allowed: boolean;
}

export interface LastRun {
	source: string;
	step: string | null;
	status: string;
	startedAt: Date;
	finishedAt: Date | null;
	rowsWritten: number | null;
	errorMessage: string | null;
}

export interface ClientOverview {
	lastRuns: LastRun[];
	/** The google_ads_links row (no secrets), when the table and a row exist. */
	googleAds: Record<string, unknown> | null;
	/** The whatsapp_instances row (no secrets), when the table and a row exist. */
	whatsapp: Record<string, unknown> | null;
}

function jsonValue(value: unknown): unknown {
	return typeof value === 'string' ? JSON.parse(value) : value;
}

function objectOrNull(value: unknown): Record<string, unknown> | null {
	const parsed = jsonValue(value);
	return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
}

export class BotStore {
	constructor(private readonly transport: WarehouseTransport) {}

	async isStaff(userId: number): Promise<boolean> {
		const [row] = await this.transport.rpc<{ allowed: boolean }>('wh_bot_staff_allowed', { p_user_id: userId });
		return row?.allowed === true;
	}

	async upsertStaff(userId: number, name?: string, active = true): Promise<void> {
		await this.transport.rpc('wh_bot_staff_upsert', { p_user_id: userId, p_name: name ?? null, p_active: active });
	}

	async logAccess(attempt: AccessAttempt): Promise<void> {
		await this.transport.rpc('wh_bot_access_log', {
			p_user_id: attempt.userId,
			p_chat_id: attempt.chatId,
			p_username: attempt.username,
			p_action: attempt.action,
			p_allowed: attempt.allowed,
		});
	}

	async conversation(chatId: number, userId: number): Promise<StoredConversation | null> {
		const [row] = await this.transport.rpc('wh_bot_conversation_get', { p_chat_id: chatId, p_user_id: userId });
		if (!row) return null;
		return {
			wizard: String(row.wizard),
			step: String(row.step),
			data: objectOrNull(row.data) ?? {},
			updatedAt: toDate(row.updated_at),
		};
	}

	/**
	 * Saves the state. With `expectedStep`, only if the stored step is still that one: false means
	 * another update moved the wizard first (a double press), and this one must do nothing.
	 */
	async saveConversation(
		chatId: number,
		userId: number,
		state: { wizard: string; step: string; data: Record<string, unknown> },
		expectedStep?: string,
	): Promise<boolean> {
		const rows = await this.transport.rpc('wh_bot_conversation_save', {
			p_chat_id: chatId,
			p_user_id: userId,
			p_wizard: state.wizard,
			p_step: state.step,
			p_data: state.data,
			p_expected_step: expectedStep ?? null,
		});
		return rows.length > 0;
	}

	async clearConversation(chatId: number, userId: number): Promise<boolean> {
		const [row] = await this.transport.rpc<{ cleared: boolean }>('wh_bot_conversation_clear', {
			p_chat_id: chatId,
			p_user_id: userId,
		});
		return row?.cleared === true;
	}

	async clientOverview(clientId: string): Promise<ClientOverview> {
		const [row] = await this.transport.rpc('wh_bot_client_overview', { p_client_id: clientId });
		const runs = (jsonValue(row?.last_runs) as Record<string, unknown>[] | null) ?? [];
		return {
			lastRuns: runs.map((run) => ({
				source: String(run.source),
				step: toStringOrNull(run.step),
				status: String(run.status),
				startedAt: toDate(run.started_at),
				finishedAt: run.finished_at ? toDate(run.finished_at) : null,
				rowsWritten: run.rows_written === null || run.rows_written === undefined ? null : toNumber(run.rows_written),
				errorMessage: toStringOrNull(run.error_message),
			})),
			googleAds: objectOrNull(row?.google_ads),
			whatsapp: objectOrNull(row?.whatsapp),
		};
	}
}
