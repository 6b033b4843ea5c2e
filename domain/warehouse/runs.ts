// updates_log (one row per run step) and the per (client, source) watermark of the last success.
import { errorMessage } from './redact';
import { toDate, toDateOrNull, toNumber, toStringOrNull } from './row-values';
import type { WarehouseTransport } from './transport';

export interface RunStart {
	clientId: string | null;
	/** e.g. `ml_orders`, `ml_items`, `ml_visits`, `ml_ads`, `bling_stock`, `facts`. */
	source: string;
	step?: string;
	dateFrom?: string | null;
	dateTo?: string | null;
}

export type RunStatus = 'running' | 'success' | 'error' | 'skipped';

export interface RunFinish {
	status: Exclude<RunStatus, 'running'>;
	rowsRead?: number;
	rowsWritten?: number;
	/** An Error or text; tokens are redacted before it is stored. */
	error?: unknown;
	/** Secrets known to the caller, redacted from the message wherever they occur. */
	secrets?: string[];
}

export interface RunRecord {
	id: number;
	source: string;
	step: string | null;
	dateFrom: string | null;
	dateTo: string | null;
	startedAt: Date;
	finishedAt: Date | null;
	rowsRead: number | null;
	rowsWritten: number | null;
	status: RunStatus;
	errorMessage: string | null;
}

export interface Watermark {
	lastSuccessAt: Date;
	watermark: string | null;
}

export class RunsRepository {
	constructor(private readonly transport: WarehouseTransport) {}

	async start(run: RunStart): Promise<{ id: number; startedAt: Date }> {
		const rows = await this.transport.rpc('wh_run_start', {
			p_client_id: run.clientId,
			p_source: run.source,
			p_step: run.step ?? null,
			p_date_from: run.dateFrom ?? null,
			p_date_to: run.dateTo ?? null,
		});
		return { id: toNumber(rows[0].id), startedAt: toDate(rows[0].started_at) };
	}

	async finish(id: number, result: RunFinish): Promise<void> {
		await this.transport.rpc('wh_run_finish', {
			p_id: id,
			p_status: result.status,
			p_rows_read: result.rowsRead ?? null,
			p_rows_written: result.rowsWritten ?? null,
			p_error_message: result.error === undefined ? null : errorMessage(result.error, result.secrets),
		});
	}

	async recent(clientId: string, limit = 20): Promise<RunRecord[]> {
		const rows = await this.transport.rpc('wh_runs_recent', { p_client_id: clientId, p_limit: limit });
		return rows.map((row) => ({
			id: toNumber(row.id),
			source: String(row.source),
			step: toStringOrNull(row.step),
			dateFrom: toStringOrNull(row.date_from),
			dateTo: toStringOrNull(row.date_to),
			startedAt: toDate(row.started_at),
			finishedAt: toDateOrNull(row.finished_at),
			rowsRead: row.rows_read === null ? null : toNumber(row.rows_read),
			rowsWritten: row.rows_written === null ? null : toNumber(row.rows_written),
			status: row.status as RunStatus,
			errorMessage: toStringOrNull(row.error_message),
		}));
	}

	async getWatermark(clientId: string, source: string): Promise<Watermark | null> {
		const rows = await this.transport.rpc('wh_watermark_get', { p_client_id: clientId, p_source: source });
		if (rows.length === 0) return null;
		return { lastSuccessAt: toDate(rows[0].last_success_at), watermark: toStringOrNull(rows[0].watermark) };
	}

	/** Call after a successful sync; `lastSuccessAt` defaults to the database's now(). */
	async setWatermark(clientId: string, source: string, watermark: string | null, lastSuccessAt?: Date): Promise<Watermark> {
		const rows = await this.transport.rpc('wh_watermark_set', {
			p_client_id: clientId,
			p_source: source,
			p_watermark: watermark,
			p_last_success_at: lastSuccessAt ? lastSuccessAt.toISOString() : null,
		});
		return { lastSuccessAt: toDate(rows[0].last_success_at), watermark: toStringOrNull(rows[0].watermark) };
	}
}
