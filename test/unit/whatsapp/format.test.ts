import { addDays, formatBrl, formatDayBr, formatInteger, yesterdaySaoPaulo } from '../../../domain/whatsapp';

describe('pt-BR formatting', () => {
	it('formats decimal strings as BRL without floating point', () => {
		expect(formatBrl('1234.56')).toBe('R$ 1.234,56');
		expect(formatBrl('0')).toBe('R$ 0,00');
		expect(formatBrl('5')).toBe('R$ 5,00');
		expect(formatBrl('1234567.8')).toBe('R$ 1.234.567,80');
		expect(formatBrl('0.105')).toBe('R$ 0,11');
		expect(formatBrl('99999999999999.99')).toBe('R$ 99.999.999.999.999,99');
		expect(formatBrl('-12.5')).toBe('-R$ 12,50');
		expect(formatBrl(null)).toBe('R$ 0,00');
		expect(() => formatBrl('12,50')).toThrow(/decimal/);
	});

	it('groups integers and formats days', () => {
		expect(formatInteger(1234567)).toBe('1.234.567');
		expect(formatInteger('12')).toBe('12');
		expect(formatDayBr('2026-03-14')).toBe('14/03/2026');
	});

	it('takes yesterday in São Paulo, not in UTC', () => {
		// 02:30 UTC on the 15th is still 23:30 of the 14th in São Paulo: yesterday is the 13th.
		expect(yesterdaySaoPaulo(new Date('2026-03-15T02:30:00Z'))).toBe('2026-03-13');
		expect(yesterdaySaoPaulo(new Date('2026-03-15T03:30:00Z'))).toBe('2026-03-14');
		expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
	});
});
