// Contas a receber / a pagar → fin_client_day (docs/bling-upseller.md, "fin_client_day"):
//   day                 = the entry's due date (vencimento)
//   *_due               = Σ valor of the entries due that day (cancelled and returned ones excluded)
//   received / paid     = Σ settled amount of those entries: valor when settled (2), valor − saldo
//                         when partial (3) or partially returned (6), 0 when open (1) or confirmed (7)
//   *_overdue           = Σ open amount (saldo; valor when open/confirmed without saldo) of entries
//                         still open (1, 3, 7) whose due day is before the sync day (São Paulo)
// Every day of the synced range gets a row (zeros included), so an entry cancelled since the last
// sync leaves no stale amount behind.
import { addDecimals, decimalToUnits, toDecimalString, unitsToDecimal } from '../mercadolivre/decimal';
import { daysBetween } from '../mercadolivre/time';
import type { FinanceDayRow } from '../warehouse/stock-and-finance';
import { ACCOUNT_SITUATION as S, type BlingAccountEntry } from './api-types';

const EXCLUDED = new Set<number>([S.returned, S.cancelled]);
const OPEN = new Set<number>([S.open, S.partial, S.confirmed]);

export interface EntryAmounts {
	day: string;
	due: string;
	settled: string;
	open: string;
}

/** a − b, never below zero. */
function settledPart(a: string, b: string): string {
	const units = decimalToUnits(a) - decimalToUnits(b);
	return units > 0n ? unitsToDecimal(units) : '0.00';
}

/** The amounts one entry contributes, or null when it does not count (cancelled, returned, no due date). */
export function entryAmounts(entry: BlingAccountEntry): EntryAmounts | null {
	const situation = Number(entry.situacao);
	if (EXCLUDED.has(situation)) return null;
	const day = typeof entry.vencimento === 'string' ? entry.vencimento.slice(0, 10) : '';
	if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
	const due = toDecimalString(entry.valor ?? 0);
	const saldo = entry.saldo === null || entry.saldo === undefined ? null : toDecimalString(entry.saldo);
	let settled = '0.00';
	let open = '0.00';
	if (situation === S.settled) settled = due;
	else if (situation === S.partial || situation === S.partiallyReturned) settled = saldo === null ? '0.00' : settledPart(due, saldo);
	if (OPEN.has(situation)) open = saldo ?? due;
	return { day, due, settled, open };
}

/** Partial entries need their open balance; lists may omit `saldo` (then the detail is read). */
export function needsDetail(entry: BlingAccountEntry): boolean {
	const situation = Number(entry.situacao);
	return (situation === S.partial || situation === S.partiallyReturned) && (entry.saldo === null || entry.saldo === undefined);
}

export function computeFinanceDays(input: {
	receivables: readonly BlingAccountEntry[];
	payables: readonly BlingAccountEntry[];
	from: string;
	to: string;
	/** The sync day (São Paulo): entries due before it and still open are overdue. */
	asOf: string;
}): FinanceDayRow[] {
	const days = new Map<string, FinanceDayRow>(
		daysBetween(input.from, input.to).map((day) => [
			day,
			{ day, receivableDue: '0.00', received: '0.00', payableDue: '0.00', paid: '0.00', receivableOverdue: '0.00', payableOverdue: '0.00' },
		]),
	);
	const seen = new Set<string>();
	const apply = (entries: readonly BlingAccountEntry[], kind: 'receivable' | 'payable') => {
		for (const entry of entries) {
			// Pages can shift while we read them: count each entry once.
			const key = `${kind}:${entry.id}`;
			if (seen.has(key)) continue;
			seen.add(key);
			const amounts = entryAmounts(entry);
			if (!amounts) continue;
			const row = days.get(amounts.day);
			if (!row) continue;
			const overdue = amounts.day < input.asOf ? amounts.open : '0.00';
			if (kind === 'receivable') {
				row.receivableDue = addDecimals(row.receivableDue, amounts.due);
				row.received = addDecimals(row.received, amounts.settled);
				row.receivableOverdue = addDecimals(row.receivableOverdue, overdue);
			} else {
				row.payableDue = addDecimals(row.payableDue, amounts.due);
				row.paid = addDecimals(row.paid, amounts.settled);
				row.payableOverdue = addDecimals(row.payableOverdue, overdue);
			}
		}
	};
	apply(input.receivables, 'receivable');
	apply(input.payables, 'payable');
	return [...days.values()];
}
