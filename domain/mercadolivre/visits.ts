// Daily visits per item through /items/{id}/visits/time_window (unit=day, at most 150 days a call).
import type { MlVisitRow } from '../warehouse/staging-types';
import { MercadoLivreClient } from './client';
import { extractVisits } from './extract';
import { addDays, daysBetween } from './time';

export const VISITS_MAX_DAYS = 150;

/** [from, to] cut into spans of at most 150 days, newest last. */
export function visitSpans(from: string, to: string): Array<{ ending: string; last: number; from: string }> {
	const spans: Array<{ ending: string; last: number; from: string }> = [];
	let start = from;
	while (start <= to) {
		const end = addDays(start, VISITS_MAX_DAYS - 1) < to ? addDays(start, VISITS_MAX_DAYS - 1) : to;
		spans.push({ ending: end, last: daysBetween(start, end).length, from: start });
		start = addDays(end, 1);
	}
	return spans;
}

export async function fetchItemVisits(client: MercadoLivreClient, itemId: string, from: string, to: string): Promise<MlVisitRow[]> {
	const rows: MlVisitRow[] = [];
	for (const span of visitSpans(from, to)) {
		rows.push(...extractVisits(await client.getItemVisits(itemId, span.last, span.ending), span.from, span.ending));
	}
	return rows;
}
