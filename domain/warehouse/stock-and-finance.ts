// Stock snapshots and daily finance, filled by the Bling and UpSeller ETLs.
import { chunk } from './batches';
import { toNumber } from './row-values';
import type { WarehouseTransport } from './transport';

export interface StockSnapshotRow {
	sku: string;
	source: 'bling' | 'upseller' | 'mercadolivre';
	/** '' when the source has a single warehouse. */
	warehouse?: string;
	takenAt: string;
	quantity: string | number;
	/** Decimal string; null when the source has no cost price. */
	unitCost?: string | null;
}

export interface FinanceDayRow {
	day: string;
	receivableDue: string;
	received: string;
	payableDue: string;
	paid: string;
	receivableOverdue: string;
	payableOverdue: string;
}

export class StockRepository {
	constructor(private readonly transport: WarehouseTransport) {}

	async insertSnapshots(clientId: string, rows: readonly StockSnapshotRow[]): Promise<{ rowsWritten: number }> {
		let rowsWritten = 0;
		for (const batch of chunk(rows, 1000)) {
			const result = await this.transport.rpc('wh_stock_insert_snapshots', { p_client_id: clientId, p_rows: batch });
			rowsWritten += toNumber(result[0].rows_written);
		}
		return { rowsWritten };
	}
}

export class FinanceRepository {
	constructor(private readonly transport: WarehouseTransport) {}

	async upsertDays(clientId: string, rows: readonly FinanceDayRow[]): Promise<{ rowsWritten: number }> {
		let rowsWritten = 0;
		for (const batch of chunk(rows, 1000)) {
			const result = await this.transport.rpc('wh_fin_upsert_days', { p_client_id: clientId, p_rows: batch });
			rowsWritten += toNumber(result[0].rows_written);
		}
		return { rowsWritten };
	}
}
