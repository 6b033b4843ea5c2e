// One client of a nightly run: the client-etl call (sub-workflow or queued webhook, passed in),
// its outcome read from whatever client-etl answered, and an updates_log row (source `nightly`,
// step `client`) whatever happened, so a run is auditable even when client-etl never started.
import { redactSecrets } from '../warehouse/redact';
import type { RunFinish, RunStart } from '../warehouse/runs';
import type { Client } from '../warehouse/types';
import type { DueClient } from './due-clients';

export interface ClientRunPort {
	runs: {
		start(run: RunStart): Promise<{ id: number }>;
		finish(id: number, result: RunFinish): Promise<void>;
	};
	clients: { get(id: string): Promise<Client | null> };
}

export interface ClientRunResult {
	client_id: string;
	client_name: string;
	status: 'ok' | 'failed';
	rows: number;
	duration_ms: number;
	error: string | null;
	/** The client lost its authorization (marked needs_reauth): staff must send a new invite. */
	needs_reauth: boolean;
	/** What client-etl answered (its summary), when it answered. */
	summary: Record<string, unknown> | null;
}

/** What client-etl answered for one client: its output item(s). */
export type ClientEtlCall = (input: DueClient) => Promise<Array<Record<string, unknown>>>;

const NIGHTLY_SOURCE = 'nightly';

function messageOf(value: unknown): string | null {
	const text = rawMessage(value);
	return text === null ? null : redactSecrets(text).slice(0, 1000);
}

function rawMessage(value: unknown): string | null {
	if (value === undefined || value === null || value === '' || value === false) return null;
	if (typeof value === 'string') return value;
	if (value instanceof Error) return value.message;
	if (typeof value === 'object') {
		const object = value as Record<string, unknown>;
		if (typeof object.message === 'string') return object.message;
		return JSON.stringify(value).slice(0, 500);
	}
	return String(value);
}

/** An error reported inside client-etl's output (continue-on-fail items, status fields). */
export function outputError(output: Array<Record<string, unknown>>): string | null {
	for (const item of output) {
		const error = messageOf(item.error);
		if (error) return error;
		const status = typeof item.status === 'string' ? item.status.toLowerCase() : '';
		if (status === 'error' || status === 'failed') return messageOf(item.message) ?? `client-etl answered status ${status}`;
	}
	return null;
}

function numberOf(value: unknown): number {
	const n = typeof value === 'string' ? Number(value) : value;
	return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}

/**
 * Rows written: client-etl's summary total (`rows_written`, with per-source `sources`), or a Sync
 * Client summary at the top level or under `summary`/`sources`/`results`.
 */
export function rowsOf(output: Array<Record<string, unknown>>): number {
	let rows = 0;
	for (const item of output) {
		if (item.rows_written !== undefined && Array.isArray(item.sources)) {
			rows += numberOf(item.rows_written);
			continue;
		}
		const nested = [item, item.summary, ...(Array.isArray(item.sources) ? item.sources : []), ...(Array.isArray(item.results) ? item.results : [])];
		for (const part of nested) {
			if (!part || typeof part !== 'object') continue;
			const p = part as Record<string, unknown>;
			rows += numberOf(p.rowsWritten ?? p.rows_written) + numberOf(p.factRowsWritten ?? p.fact_rows_written);
		}
	}
	return rows;
}

export async function runOneClient(warehouse: ClientRunPort, input: DueClient, call: ClientEtlCall, now: () => number = Date.now): Promise<ClientRunResult> {
	const started = now();
	const run = await warehouse.runs.start({ clientId: input.client_id, source: NIGHTLY_SOURCE, step: 'client', dateFrom: input.data_inicio, dateTo: input.data_fim });
	let output: Array<Record<string, unknown>> = [];
	let error: string | null = null;
	try {
		output = await call(input);
		error = outputError(output);
	} catch (thrown) {
		error = messageOf(thrown) ?? 'client-etl falhou sem mensagem';
	}
	const rows = rowsOf(output);
	await warehouse.runs.finish(run.id, { status: error ? 'error' : 'success', rowsWritten: rows, error: error ?? undefined });
	// The vault moves the client to needs_reauth on invalid_grant; the status is the reliable signal.
	const needsReauth = error !== null && (await warehouse.clients.get(input.client_id))?.status === 'needs_reauth';
	return {
		client_id: input.client_id,
		client_name: input.client_name,
		status: error ? 'failed' : 'ok',
		rows,
		duration_ms: now() - started,
		error,
		needs_reauth: needsReauth,
		summary: output[0] ?? null,
	};
}
