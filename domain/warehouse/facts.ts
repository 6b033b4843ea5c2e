// fact_sku_day, agg_client_day and fact_ads_day are computed in SQL from staging
// (wh_refresh_client_facts); this only calls it.
import { runLimited } from './batches';
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

	/**
	 * Recomputes every day the staging loads marked stale since the last refresh, one refresh per
	 * run of consecutive days. On pg, long runs are cut at month boundaries into `concurrency`
	 * pieces refreshed at once on separate connections (each its own transaction; every day is
	 * computed on its own, so the tables end up identical); on Supabase, one call does it all.
	 */
	async refreshDirty(clientId: string, options: { concurrency?: number } = {}): Promise<DirtyRefreshResult> {
		if (this.transport.kind !== 'pg') {
			const rows = await this.transport.rpc('wh_refresh_dirty_facts', { p_client_id: clientId });
			return summarise(
				rows.map((row) => ({ from: String(row.date_from), to: String(row.date_to) })),
				rows.map(toResult),
			);
		}
		const concurrency = Math.max(1, options.concurrency ?? 2);
		const islands = (await this.transport.rpc('wh_fact_dirty_ranges', { p_client_id: clientId })).map((row) => ({
			from: String(row.date_from),
			to: String(row.date_to),
		}));
		const pieces = islands.flatMap((island) => splitAtMonths(island.from, island.to, concurrency));
		const results = await runLimited(pieces, concurrency, (piece) => this.refreshClientFacts(clientId, piece.from, piece.to));
		return summarise(islands, results);
	}
}

function summarise(ranges: Array<{ from: string; to: string }>, results: RefreshResult[]): DirtyRefreshResult {
	return {
		factSkuDayRows: results.reduce((sum, r) => sum + r.factSkuDayRows, 0),
		aggClientDayRows: results.reduce((sum, r) => sum + r.aggClientDayRows, 0),
		adsDayRows: results.reduce((sum, r) => sum + r.adsDayRows, 0),
		rowsWritten: results.reduce((sum, r) => sum + r.rowsWritten, 0),
		ranges,
	};
}

const DAY_MS = 86_400_000;
const dayNumber = (day: string): number => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayString = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

/**
 * Cuts from..to into at most `pieces` runs of whole months (the refresh locks per client and
 * month, so pieces sharing a month would wait for each other), of about equal length. Runs
 * shorter than two months stay whole.
 */
export function splitAtMonths(from: string, to: string, pieces: number): Array<{ from: string; to: string }> {
	const first = dayNumber(from);
	const last = dayNumber(to);
	const total = last - first + 1;
	if (pieces <= 1 || total < 62) return [{ from, to }];
	// Month segments [start, end] inside the range.
	const segments: Array<[number, number]> = [];
	for (let start = first; start <= last; ) {
		const date = new Date(start * DAY_MS);
		const nextMonth = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / DAY_MS;
		const end = Math.min(last, nextMonth - 1);
		segments.push([start, end]);
		start = end + 1;
	}
	const result: Array<{ from: string; to: string }> = [];
	let pieceStart = first;
	let covered = 0;
	for (let i = 0; i < segments.length; i++) {
		const [, end] = segments[i];
		covered = end - first + 1;
		const target = (total * (result.length + 1)) / pieces;
		const isLast = i === segments.length - 1;
		// Close the piece here when the next month would take it further from its share.
		const withNext = isLast ? covered : segments[i + 1][1] - first + 1;
		if (isLast || (result.length < pieces - 1 && Math.abs(withNext - target) >= Math.abs(covered - target))) {
			result.push({ from: dayString(pieceStart), to: dayString(end) });
			pieceStart = end + 1;
		}
	}
	return result;
}
