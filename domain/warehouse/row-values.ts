// Row values arrive as pg or PostgREST gives them; these helpers settle the differences.

export function toDate(value: unknown): Date {
	if (value instanceof Date) return value;
	if (typeof value === 'string' || typeof value === 'number') return new Date(value);
	throw new TypeError(`not a timestamp: ${String(value)}`);
}

export function toDateOrNull(value: unknown): Date | null {
	return value === null || value === undefined ? null : toDate(value);
}

export function toNumber(value: unknown): number {
	return typeof value === 'number' ? value : Number(value);
}

export function toStringArray(value: unknown): string[] {
	if (Array.isArray(value)) return value.map(String);
	return [];
}

export function toStringOrNull(value: unknown): string | null {
	return value === null || value === undefined ? null : String(value);
}
