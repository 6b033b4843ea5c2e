// Money as exact decimal strings (docs/metrics.md: never binary floating point along the way).
// JSON numbers like 49.9 parse to the double nearest 49.9, whose shortest representation is
// "49.9" again, so String(n) recovers exactly what was sent; we only re-format that text.

/** Exact decimal string of a JSON number or numeric string, with at least two decimals ("49.90"). */
export function toDecimalString(value: number | string | null | undefined): string {
	if (value === null || value === undefined || value === '') throw new Error('missing amount');
	let text = typeof value === 'number' ? numberToPlainString(value) : value.trim();
	if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`not a decimal amount: ${String(value)}`);
	let negative = false;
	if (text.startsWith('-')) {
		negative = true;
		text = text.slice(1);
	}
	let [whole, fraction = ''] = text.split('.');
	whole = whole.replace(/^0+(?=\d)/, '');
	fraction = fraction.replace(/0+$/, '').padEnd(2, '0');
	const isZero = /^0*$/.test(whole + fraction);
	return `${negative && !isZero ? '-' : ''}${whole}.${fraction}`;
}

export function toDecimalOrNull(value: number | string | null | undefined): string | null {
	return value === null || value === undefined || value === '' ? null : toDecimalString(value);
}

/** String(n) without exponent notation (1e-7 → "0.0000001", 1e21 → "1000000000000000000000"). */
function numberToPlainString(n: number): string {
	if (!Number.isFinite(n)) throw new Error(`not a finite amount: ${n}`);
	const text = String(n);
	const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
	if (!match) return text;
	const [, sign, lead, rest = '', exp] = match;
	const digits = lead + rest;
	const point = 1 + Number(exp);
	if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
	if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
	return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Exact decimal arithmetic on strings through scaled BigInts (for tests and summaries). */
export function decimalToUnits(value: string, scale = 6): bigint {
	const text = toDecimalString(value);
	const negative = text.startsWith('-');
	const [whole, fraction] = (negative ? text.slice(1) : text).split('.');
	if (fraction.replace(/0+$/, '').length > scale) throw new Error(`more than ${scale} decimals: ${value}`);
	const units = BigInt(whole) * 10n ** BigInt(scale) + BigInt(fraction.padEnd(scale, '0').slice(0, scale));
	return negative ? -units : units;
}

export function unitsToDecimal(units: bigint, scale = 6): string {
	const negative = units < 0n;
	const abs = negative ? -units : units;
	const base = 10n ** BigInt(scale);
	const whole = abs / base;
	const fraction = (abs % base).toString().padStart(scale, '0');
	return toDecimalString(`${negative ? '-' : ''}${whole}.${fraction}`);
}

export function addDecimals(...values: string[]): string {
	return unitsToDecimal(values.reduce((acc, v) => acc + decimalToUnits(v), 0n));
}

export function multiplyDecimal(value: string, quantity: number): string {
	if (!Number.isInteger(quantity)) throw new Error('quantity must be an integer');
	return unitsToDecimal(decimalToUnits(value) * BigInt(quantity));
}

/** Rounds half away from zero to `places` (for ratios when stored). */
export function roundDecimal(value: string, places: number): string {
	const scale = 12;
	const units = decimalToUnits(value, scale);
	const step = 10n ** BigInt(scale - places);
	const negative = units < 0n;
	const abs = negative ? -units : units;
	const rounded = ((abs + step / 2n) / step) * step;
	const text = unitsToDecimal(negative ? -rounded : rounded, scale);
	const [whole, fraction] = text.split('.');
	return places === 0 ? whole : `${whole}.${fraction.padEnd(places, '0').slice(0, places)}`;
}
