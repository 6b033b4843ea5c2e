import { addDays, daysBetween, parseInstantSp, spDay, spDayEndIso, spDayStartIso, toSpIso } from '../../../domain/mercadolivre/time';

describe('São Paulo days', () => {
	it('converts the instant, never cuts the string (midnight with other offsets)', () => {
		// 00:30 in -04:00 is 01:30 in São Paulo: same day.
		expect(spDay('2026-03-02T00:30:00.000-04:00')).toBe('2026-03-02');
		// 02:30Z is 23:30 of the previous day in São Paulo.
		expect(spDay('2026-03-02T02:30:00.000Z')).toBe('2026-03-01');
		// 23:30 in -04:00 is 00:30 of the next day in São Paulo.
		expect(spDay('2026-03-01T23:30:00.000-04:00')).toBe('2026-03-02');
		expect(spDay('2026-03-02T00:00:00.000-03:00')).toBe('2026-03-02');
		expect(spDay('2026-03-01T23:59:59.999-03:00')).toBe('2026-03-01');
	});

	it('handles the DST years of the past (São Paulo had -02:00 in summer until 2019)', () => {
		expect(spDay('2018-12-01T01:30:00.000Z')).toBe('2018-11-30');
		expect(spDayStartIso('2018-12-01')).toBe('2018-12-01T00:00:00.000-02:00');
	});

	it('builds day boundaries with the local offset', () => {
		expect(spDayStartIso('2026-03-01')).toBe('2026-03-01T00:00:00.000-03:00');
		expect(spDayEndIso('2026-03-01')).toBe('2026-03-01T23:59:59.999-03:00');
		expect(toSpIso(Date.parse('2026-03-01T03:00:00.000Z'))).toBe('2026-03-01T00:00:00.000-03:00');
	});

	it('reads user input as São Paulo time unless it has an offset', () => {
		expect(parseInstantSp('2026-03-01')).toBe(Date.parse('2026-03-01T03:00:00Z'));
		expect(parseInstantSp('2026-03-01T10:00:00')).toBe(Date.parse('2026-03-01T13:00:00Z'));
		expect(parseInstantSp('2026-03-01T10:00:00Z')).toBe(Date.parse('2026-03-01T10:00:00Z'));
		expect(() => parseInstantSp('yesterday')).toThrow('not a date/time');
	});

	it('walks days across month ends', () => {
		expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
		expect(daysBetween('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
	});
});
