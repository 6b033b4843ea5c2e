// One client-etl run as its workflow's steps call it (workflows/client-etl.json):
//   planClientEtl   → which sources run (sources.ts), the run's updates_log row (source client_etl)
//   startSource     → that source's updates_log row (source mercadolivre | bling | upseller)
//   (the provider node's Warehouse Sync, continuing on error)
//   recordSource    → closes the source's row with its rows or error; the next source runs regardless
//   finishClientEtl → overall status, closes the run's row, settles the client's status
// The state travels as the workflow item (snake_case, like the sub-workflow's inputs); only
// summaries and redacted error messages ever go in it.
import { FINANCE_DAYS_AHEAD, FINANCE_DAYS_BACK, type BlingSyncPart } from '../bling/etl';
import type { MlSyncPart } from '../mercadolivre/etl';
import { addDays, isDay, todaySp } from '../mercadolivre/time';
import { redactSecrets } from '../warehouse/redact';
import type { RunFinish, RunStart } from '../warehouse/runs';
import type { Client, ClientStatus, CredentialSummary } from '../warehouse/types';
import { retryCommand, settleClientStatus, type SettlePort, type SettleResult } from './client-status';
import { connectionOf, ETL_SOURCES, formatEtlSources, parseEtlSources, SOURCE_NAMES, type EtlSource } from './sources';

export interface ClientEtlPort extends SettlePort {
	clients: SettlePort['clients'] & {
		require(reference: string): Promise<Client>;
		credentials(id: string): Promise<CredentialSummary[]>;
	};
	runs: {
		start(run: RunStart): Promise<{ id: number; startedAt?: Date }>;
		finish(id: number, result: RunFinish): Promise<void>;
	};
}

export type EtlMode = 'full' | 'incremental';

export interface ClientEtlInput {
	clientId: string;
	/** 'YYYY-MM-DD' (São Paulo). */
	dataInicio: string;
	/** Default: today. */
	dataFim?: string;
	/** Comma-separated string or array; empty = every connected source. */
	sources?: unknown;
	mode?: string;
}

export interface SourceResult {
	source: EtlSource;
	status: 'success' | 'failed' | 'skipped';
	rows_read: number;
	rows_written: number;
	/** Redacted, at most 500 characters; why it failed or was skipped. */
	error: string | null;
	/** A few counts from the provider's summary (orders, snapshots, receivables…). */
	details: Record<string, number | string | null>;
	run_id: number | null;
	duration_ms: number;
}

export interface ClientEtlState {
	client_id: string;
	client_name: string;
	data_inicio: string;
	data_fim: string;
	mode: EtlMode;
	/** The request, normalized: '' = every connected source. */
	sources_requested: string;
	run: Record<EtlSource, boolean>;
	ml_parts: MlSyncPart[];
	bling_parts: BlingSyncPart[];
	/** Bling's finance range (due dates): its default window, widened back to data_inicio. */
	bling_from: string;
	bling_to: string;
	run_id: number;
	started_at: string;
	client_status_before: ClientStatus;
	client_status: ClientStatus;
	results: SourceResult[];
	/** Set by startSource, cleared by recordSource. */
	current?: { source: EtlSource; run_id: number; started_at: string } | null;
}

export type ClientEtlStatus = 'success' | 'partial' | 'failed' | 'skipped';

/** What client-etl answers: one item per run (nightly, reprocess and onboarding read it). */
export interface ClientEtlSummary {
	client_id: string;
	client_name: string;
	data_inicio: string;
	data_fim: string;
	mode: EtlMode;
	status: ClientEtlStatus;
	/** The failed sources, `Bling: <error>; …`; null when none failed. */
	error: string | null;
	rows_written: number;
	sources: SourceResult[];
	run_id: number;
	duration_ms: number;
	client_status: ClientStatus;
	client_status_before: ClientStatus;
	/** Staff got a notification (a backfill that failed). */
	notified: boolean;
	/** The bot command that runs the same load again, when it failed. */
	retry_command: string | null;
}

const SKIP_REASONS: Record<'not_connected' | 'needs_reauth', (name: string) => string> = {
	not_connected: (name) => `${name} não está conectado para este cliente (sem credenciais no cofre)`,
	needs_reauth: (name) => `${name} precisa ser autorizado de novo (credencial needs_reauth)`,
};

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

/** Checks the input and decides the sources; throws (writing nothing) on bad input or unknown sources. */
export async function planClientEtl(warehouse: ClientEtlPort, input: ClientEtlInput, now: number = Date.now()): Promise<ClientEtlState> {
	const requested = parseEtlSources(input.sources);
	const today = todaySp(now);
	const dataInicio = text(input.dataInicio);
	if (!isDay(dataInicio)) throw new Error(`data_inicio must be a day YYYY-MM-DD, got "${dataInicio.slice(0, 40)}"`);
	const dataFim = text(input.dataFim) || today;
	if (!isDay(dataFim)) throw new Error(`data_fim must be a day YYYY-MM-DD, got "${dataFim.slice(0, 40)}"`);
	if (dataFim < dataInicio) throw new Error(`data_fim (${dataFim}) is before data_inicio (${dataInicio})`);
	const mode = (text(input.mode) || 'full') as EtlMode;
	if (mode !== 'full' && mode !== 'incremental') throw new Error(`mode must be full or incremental, got "${String(mode).slice(0, 20)}"`);
	const clientId = text(input.clientId);
	if (!clientId) throw new Error('client_id is empty');
	const client = await warehouse.clients.require(clientId);
	const credentials = await warehouse.clients.credentials(client.id);

	const run = { mercadolivre: false, bling: false, upseller: false } as Record<EtlSource, boolean>;
	const skipped: SourceResult[] = [];
	for (const source of ETL_SOURCES) {
		const connection = connectionOf(source, credentials);
		const wanted = requested.sources.includes(source);
		if (wanted && connection === 'connected') run[source] = true;
		// Named but unusable, or connected once and now dead: say so. Never-connected sources are not news.
		else if (wanted && (requested.explicit || connection === 'needs_reauth')) {
			skipped.push(emptyResult(source, 'skipped', SKIP_REASONS[connection as 'not_connected' | 'needs_reauth'](SOURCE_NAMES[source])));
		}
	}

	const blingDefaultFrom = addDays(today, -FINANCE_DAYS_BACK);
	const started = await warehouse.runs.start({ clientId: client.id, source: 'client_etl', step: mode, dateFrom: dataInicio, dateTo: dataFim });
	for (const result of skipped) {
		const row = await warehouse.runs.start({ clientId: client.id, source: result.source, step: mode, dateFrom: dataInicio, dateTo: dataFim });
		await warehouse.runs.finish(row.id, { status: 'skipped', error: result.error ?? undefined });
		result.run_id = row.id;
	}
	// A client that is authorized but has no data yet is loading now (the onboarding marks it itself).
	let status = client.status;
	if (status === 'authorized' && run.mercadolivre) {
		status = (await warehouse.clients.setStatus(client.id, 'backfilling', `client-etl: carga desde ${dataInicio}`)).status;
	}
	return {
		client_id: client.id,
		client_name: client.name,
		data_inicio: dataInicio,
		data_fim: dataFim,
		mode,
		sources_requested: formatEtlSources(requested),
		run,
		ml_parts: requested.mlParts,
		bling_parts: requested.blingParts,
		bling_from: dataInicio < blingDefaultFrom ? dataInicio : blingDefaultFrom,
		bling_to: addDays(today, FINANCE_DAYS_AHEAD),
		run_id: started.id,
		started_at: new Date(now).toISOString(),
		client_status_before: client.status,
		client_status: status,
		results: skipped,
		current: null,
	};
}

function emptyResult(source: EtlSource, status: SourceResult['status'], error: string | null): SourceResult {
	return { source, status, rows_read: 0, rows_written: 0, error, details: {}, run_id: null, duration_ms: 0 };
}

/** The dates a source's updates_log row covers. */
function rangeOf(state: ClientEtlState, source: EtlSource): { dateFrom: string; dateTo: string } {
	if (source === 'bling') return { dateFrom: state.bling_from, dateTo: state.bling_to };
	if (source === 'upseller') return { dateFrom: todaySp(Date.parse(state.started_at)), dateTo: todaySp(Date.parse(state.started_at)) };
	return { dateFrom: state.data_inicio, dateTo: state.data_fim };
}

export async function startSource(warehouse: Pick<ClientEtlPort, 'runs'>, state: ClientEtlState, source: EtlSource, now: number = Date.now()): Promise<ClientEtlState> {
	if (!ETL_SOURCES.includes(source)) throw new Error(`unknown source "${String(source)}"`);
	const row = await warehouse.runs.start({ clientId: state.client_id, source, step: state.mode, ...rangeOf(state, source) });
	return { ...state, current: { source, run_id: row.id, started_at: new Date(now).toISOString() } };
}

function num(value: unknown): number {
	const n = typeof value === 'string' ? Number(value) : value;
	return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}

/** A readable, redacted message from whatever an n8n error item carries. */
export function errorText(value: unknown): string | null {
	if (value === undefined || value === null || value === '' || value === false) return null;
	let message: string;
	if (typeof value === 'string') message = value;
	else if (value instanceof Error) message = value.message;
	else if (typeof value === 'object' && typeof (value as { message?: unknown }).message === 'string') message = (value as { message: string }).message;
	else message = JSON.stringify(value);
	return redactSecrets(message).slice(0, 500);
}

/** Rows and a few counts of a provider's sync summary (domain/*\/etl.ts). */
export function sourceCounts(source: EtlSource, output: Record<string, unknown>): Pick<SourceResult, 'rows_read' | 'rows_written' | 'details'> {
	const pick = (...keys: string[]) => Object.fromEntries(keys.map((k) => [k, typeof output[k] === 'string' ? (output[k] as string) : num(output[k])]));
	if (source === 'mercadolivre') {
		return {
			rows_read: num(output.orders) + num(output.items) + num(output.visits) + num(output.adGroupDays),
			rows_written: num(output.rowsWritten) + num(output.factRowsWritten),
			details: pick('orders', 'lines', 'items', 'visits', 'adGroups', 'factRowsWritten'),
		};
	}
	if (source === 'bling') {
		return {
			rows_read: num(output.products) + num(output.receivables) + num(output.payables),
			rows_written: num(output.rowsWritten),
			details: pick('skus', 'snapshots', 'receivables', 'payables', 'financeDays'),
		};
	}
	return { rows_read: num(output.snapshots), rows_written: num(output.rowsWritten), details: pick('warehouses', 'skus', 'snapshots') };
}

/** Closes the current source's row with what its sync node answered (a summary or `{ error }`). */
export async function recordSource(
	warehouse: Pick<ClientEtlPort, 'runs'>,
	state: ClientEtlState,
	output: Record<string, unknown>,
	now: number = Date.now(),
): Promise<ClientEtlState> {
	const current = state.current;
	if (!current) throw new Error('no source was started: put Client ETL → Start Source before the sync node');
	const error = errorText(output.error);
	const counts = error ? { rows_read: 0, rows_written: 0, details: {} } : sourceCounts(current.source, output);
	await warehouse.runs.finish(current.run_id, {
		status: error ? 'error' : 'success',
		rowsRead: counts.rows_read,
		rowsWritten: counts.rows_written,
		error: error ?? undefined,
	});
	const result: SourceResult = {
		source: current.source,
		status: error ? 'failed' : 'success',
		...counts,
		error,
		run_id: current.run_id,
		duration_ms: Math.max(0, now - Date.parse(current.started_at)),
	};
	return { ...state, results: [...state.results, result], current: null };
}

export function overallStatus(results: readonly SourceResult[]): ClientEtlStatus {
	const ran = results.filter((r) => r.status !== 'skipped');
	const failed = ran.filter((r) => r.status === 'failed');
	if (ran.length === 0) return 'skipped';
	if (failed.length === 0) return 'success';
	return failed.length === ran.length ? 'failed' : 'partial';
}

/** Closes the run's row, settles the client's status (client-status.ts) and answers the summary. */
export async function finishClientEtl(warehouse: ClientEtlPort, state: ClientEtlState, now: number = Date.now()): Promise<ClientEtlSummary> {
	// Results in source order, whatever order the steps ran in.
	const results = [...state.results].sort((a, b) => ETL_SOURCES.indexOf(a.source) - ETL_SOURCES.indexOf(b.source));
	const status = overallStatus(results);
	const failed = results.filter((r) => r.status === 'failed');
	const error = failed.length > 0 ? failed.map((r) => `${SOURCE_NAMES[r.source]}: ${r.error ?? 'erro desconhecido'}`).join('; ').slice(0, 1000) : null;
	const rows = results.reduce((sum, r) => sum + r.rows_written, 0);
	await warehouse.runs.finish(state.run_id, {
		status: status === 'success' ? 'success' : status === 'skipped' ? 'skipped' : 'error',
		rowsWritten: rows,
		error: error ?? undefined,
	});
	const settled: SettleResult = await settleClientStatus(warehouse, {
		clientId: state.client_id,
		dataInicio: state.data_inicio,
		dataFim: state.data_fim,
		statusAtStart: state.client_status,
		outcome: {
			ok: failed.length === 0,
			mercadolivreOk: results.some((r) => r.source === 'mercadolivre' && r.status === 'success'),
			error,
		},
	});
	return {
		client_id: state.client_id,
		client_name: state.client_name,
		data_inicio: state.data_inicio,
		data_fim: state.data_fim,
		mode: state.mode,
		status,
		error,
		rows_written: rows,
		sources: results,
		run_id: state.run_id,
		duration_ms: Math.max(0, now - Date.parse(state.started_at)),
		client_status: settled.client_status,
		client_status_before: state.client_status_before,
		notified: settled.notified,
		retry_command: error ? retryCommand(state.client_name, state.data_inicio) : null,
	};
}

/** Reads a plan/state item back (the workflow hands it from node to node). */
export function asState(value: unknown): ClientEtlState {
	const state = (typeof value === 'string' ? JSON.parse(value) : value) as ClientEtlState | undefined;
	if (!state || typeof state !== 'object' || typeof state.client_id !== 'string' || typeof state.run_id !== 'number' || !Array.isArray(state.results)) {
		throw new Error('not a client-etl state: this input must come from Client ETL → Plan Sources (or Record Source)');
	}
	return state;
}
