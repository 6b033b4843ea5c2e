// pt-BR formatting for messages people read on WhatsApp. Money arrives as decimal strings (numeric
// in SQL) and is formatted without going through floating point.

/** "1234.5" → "R$ 1.234,50"; "-3" → "-R$ 3,00". */
export function formatBrl(value: string | number | null | undefined): string {
	const text = String(value ?? '0').trim() || '0';
	const match = /^(-)?(\d*)(?:\.(\d*))?$/.exec(text);
	if (!match) throw new Error(`"${text}" is not a decimal amount`);
	const [, minus, whole = '', fraction = ''] = match;
	// Round half up at two decimals, on the digits.
	let cents = BigInt((whole || '0') + (fraction + '00').slice(0, 2));
	if (Number(fraction.charAt(2) || '0') >= 5) cents += 1n;
	const reais = (cents / 100n).toString();
	const centavos = (cents % 100n).toString().padStart(2, '0');
	const negative = minus === '-' && cents !== 0n;
	return `${negative ? '-' : ''}R$ ${groupThousands(reais)},${centavos}`;
}

/** 1234567 → "1.234.567". */
export function formatInteger(value: string | number | bigint | null | undefined): string {
	const text = String(value ?? '0');
	const negative = text.startsWith('-');
	const digits = text.replace(/^-/, '').split('.')[0] || '0';
	return `${negative ? '-' : ''}${groupThousands(digits)}`;
}

function groupThousands(digits: string): string {
	return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** "2026-03-14" → "14/03/2026". */
export function formatDayBr(day: string): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
	if (!match) throw new Error(`"${day}" is not a YYYY-MM-DD day`);
	return `${match[3]}/${match[2]}/${match[1]}`;
}
