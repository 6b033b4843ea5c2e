import { computeFinanceDays, entryAmounts, needsDetail } from '../../../domain/bling/finance';

const entry = (id: number, situacao: number, vencimento: string, valor: number, saldo?: number) => ({ id, situacao, vencimento, valor, saldo });

describe('Bling finance → fin_client_day', () => {
	it('reads each situação as documented', () => {
		expect(entryAmounts(entry(1, 1, '2026-03-10', 100))).toEqual({ day: '2026-03-10', due: '100.00', settled: '0.00', open: '100.00' });
		expect(entryAmounts(entry(2, 2, '2026-03-10', 59.9, 0))).toEqual({ day: '2026-03-10', due: '59.90', settled: '59.90', open: '0.00' });
		expect(entryAmounts(entry(3, 3, '2026-03-10', 100, 30.1))).toEqual({ day: '2026-03-10', due: '100.00', settled: '69.90', open: '30.10' });
		expect(entryAmounts(entry(4, 4, '2026-03-10', 100))).toBeNull();
		expect(entryAmounts(entry(5, 5, '2026-03-10', 100))).toBeNull();
		expect(entryAmounts(entry(6, 6, '2026-03-10', 100, 40))).toEqual({ day: '2026-03-10', due: '100.00', settled: '60.00', open: '0.00' });
		expect(entryAmounts(entry(7, 7, '2026-03-10', 10))).toEqual({ day: '2026-03-10', due: '10.00', settled: '0.00', open: '10.00' });
		expect(needsDetail(entry(8, 3, '2026-03-10', 10))).toBe(true);
		expect(needsDetail(entry(9, 1, '2026-03-10', 10))).toBe(false);
	});

	it('sums per due day, overdue only before the sync day, zero rows for quiet days, each entry once', () => {
		const rows = computeFinanceDays({
			receivables: [entry(1, 1, '2026-03-01', 100), entry(2, 2, '2026-03-01', 50.05, 0), entry(3, 3, '2026-03-03', 80, 20), entry(3, 3, '2026-03-03', 80, 20)],
			payables: [entry(1, 1, '2026-03-01', 30.3), entry(2, 1, '2026-03-03', 12), entry(9, 1, '2026-04-01', 999)],
			from: '2026-03-01',
			to: '2026-03-03',
			asOf: '2026-03-03',
		});
		expect(rows).toEqual([
			{ day: '2026-03-01', receivableDue: '150.05', received: '50.05', receivableOverdue: '100.00', payableDue: '30.30', paid: '0.00', payableOverdue: '30.30' },
			{ day: '2026-03-02', receivableDue: '0.00', received: '0.00', receivableOverdue: '0.00', payableDue: '0.00', paid: '0.00', payableOverdue: '0.00' },
			// Due on the sync day itself: not overdue yet.
			{ day: '2026-03-03', receivableDue: '80.00', received: '60.00', receivableOverdue: '0.00', payableDue: '12.00', paid: '0.00', payableOverdue: '0.00' },
		]);
	});
});
