// fact_sku_day, agg_client_day and fact_ads_day are computed in SQL from staging
// (wh_refresh_client_facts); this only calls it.
import { toNumber } from './row-values';
import { ClientNotFoundError } from './errors';
import { WarehouseError, type WarehouseTransport } from './transport';

export interface RefreshResult {
	factSkuDayRows: number;
	aggClientDayRows: number;
	adsDayRows: number;
	/** Sum of the three. */
	rowsWritten: number;
}

export interface DirtyRefreshResult extends RefreshResult {
	ranges: Array<{ from: string; to: string }>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function toResult(row: Record<string, unknown>): RefreshResult {
	const factSkuDayRows = toNumber(row.fact_sku_day_rows);
	const aggClientDayRows = toNumber(row.agg_client_day_rows);
	const adsDayRows = toNumber(row.ads_day_rows);
	return { factSkuDayRows, aggClientDayRows, adsDayRows, rowsWritten: factSkuDayRows + aggClientDayRows + adsDayRows };
}

export class FactsRepository {
	constructor(private readonly transport: WarehouseTransport) {}

	/** Recomputes the client's facts for the days fromDay..toDay ('YYYY-MM-DD', Sao Paulo days). */
	async refreshClientFacts(clientId: string, fromDay: string, toDay: string): Promise<RefreshResult> {
		if (!DAY.test(fromDay) || !DAY.test(toDay)) throw new TypeError('Days are YYYY-MM-DD strings');
		try {
			const rows = await this.transport.rpc('wh_refresh_client_facts', { p_client_id: clientId, p_from: fromDay, p_to: toDay });
			return toResult(rows[0]);
		} catch (error) {
			if (error instanceof WarehouseError && error.code === 'VW002') throw new ClientNotFoundError(clientId);
			throw error;
		}
	}

	/** Recomputes every day the staging loads marked stale since the last refresh. */
	async refreshDirty(clientId: string): Promise<DirtyRefreshResult> {
		const rows = await this.transport.rpc('wh_refresh_dirty_facts', { p_client_id: clientId });
		const results = rows.map(toResult);
		return {
			factSkuDayRows: results.reduce((sum, r) => sum + r.factSkuDayRows, 0),
			aggClientDayRows: results.reduce((sum, r) => sum + r.aggClientDayRows, 0),
			adsDayRows: results.reduce((sum, r) => sum + r.adsDayRows, 0),
			rowsWritten: results.reduce((sum, r) => sum + r.rowsWritten, 0),
			ranges: rows.map((row) => ({ from: String(row.date_from), to: String(row.date_to) })),
		};
	}
}
