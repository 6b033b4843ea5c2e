import { clientReference, parseStartDate, splitClientAndValue, todaySaoPaulo } from '../../../bot/args';

const NOW = new Date('2026-03-10T12:00:00Z');

test('client and value: shortest value first; quotes win', () => {
	expect(splitClientAndValue('Loja da Maria 01/03/2026')).toEqual([{ client: 'Loja da Maria', value: '01/03/2026' }]);
	expect(splitClientAndValue('Loja 2 11 98765-4321', 3)).toEqual([
		{ client: 'Loja 2 11', value: '98765-4321' },
		{ client: 'Loja 2', value: '11 98765-4321' },
		{ client: 'Loja', value: '2 11 98765-4321' },
	]);
	expect(splitClientAndValue('"Loja 2" 123-456-7890', 3)).toEqual([{ client: 'Loja 2', value: '123-456-7890' }]);
	expect(splitClientAndValue('Loja')).toEqual([]);
	expect(splitClientAndValue('   ')).toEqual([]);
	expect(clientReference(' "Loja 2" ')).toBe('Loja 2');
});

test('start date: DD/MM/AAAA or AAAA-MM-DD, real, not in the future', () => {
	expect(parseStartDate('01/03/2026', NOW)).toEqual({ ok: true, value: '2026-03-01' });
	expect(parseStartDate('1/3/2026', NOW)).toEqual({ ok: true, value: '2026-03-01' });
	expect(parseStartDate('2026-03-10', NOW)).toEqual({ ok: true, value: '2026-03-10' });
	expect(parseStartDate('2026-03-11', NOW)).toMatchObject({ ok: false, error: expect.stringMatching(/está no futuro/) });
	expect(parseStartDate('29/02/2026', NOW)).toEqual({ ok: false, error: 'A data 29/02/2026 não existe no calendário.' });
	expect(parseStartDate('03-01-2026', NOW)).toMatchObject({ ok: false, error: expect.stringMatching(/^Data inválida/) });
	expect(parseStartDate('01/01/1999', NOW)).toMatchObject({ ok: false, error: expect.stringMatching(/antiga demais/) });
});

test('today is São Paulo’s day', () => {
	expect(todaySaoPaulo(new Date('2026-03-11T02:00:00Z'))).toBe('2026-03-10');
});
