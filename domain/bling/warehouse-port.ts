// The slice of the warehouse (domain/warehouse) the Bling and UpSeller ETLs use, typed
// structurally so the ETL, the nodes and the tests depend on behaviour, not on one implementation.
import type { FinanceDayRow, StockSnapshotRow } from '../warehouse/stock-and-finance';
import type { BlingVaultPort } from './session';

export interface RunsPort {
	start(run: { clientId: string | null; source: string; step?: string; dateFrom?: string | null; dateTo?: string | null }): Promise<{ id: number }>;
	finish(id: number, result: { status: 'success' | 'error' | 'skipped'; rowsRead?: number; rowsWritten?: number; error?: unknown }): Promise<void>;
}

export interface StockPort {
	insertSnapshots(clientId: string, rows: readonly StockSnapshotRow[]): Promise<{ rowsWritten: number }>;
}

export interface FinancePort {
	upsertDays(clientId: string, rows: readonly FinanceDayRow[]): Promise<{ rowsWritten: number }>;
}

export interface ClientsPort {
	get(id: string): Promise<{ id: string } | null>;
}

export interface BlingWarehousePort {
	vault: BlingVaultPort;
	stock: StockPort;
	finance: FinancePort;
	runs: RunsPort;
	clients: ClientsPort;
}

/** Runs one part of a sync with its updates_log row (success or error, rows read and written). */
export async function loggedPart<T extends { rowsRead: number; rowsWritten: number }>(
	runs: RunsPort,
	run: { clientId: string; source: string; step?: string; dateFrom?: string | null; dateTo?: string | null },
	work: () => Promise<T>,
): Promise<T> {
	const started = await runs.start(run);
	try {
		const result = await work();
		await runs.finish(started.id, { status: 'success', rowsRead: result.rowsRead, rowsWritten: result.rowsWritten });
		return result;
	} catch (error) {
		await runs.finish(started.id, { status: 'error', error }).catch(() => undefined);
		throw error;
	}
}
