// JSON parsing that keeps integers beyond 2^53 exact (as strings). Mercado Livre ids are numbers
// in JSON; the staging contract keeps every id as a string. Uses the reviver's source text
// (Node ≥ 21); on older runtimes the plain value is kept.
type ReviverContext = { source?: string };

export function parseJsonLossless(text: string): unknown {
	return JSON.parse(text, function (this: unknown, _key: string, value: unknown, context?: ReviverContext) {
		if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value) && context?.source) {
			return context.source;
		}
		return value;
	} as (this: unknown, key: string, value: unknown) => unknown);
}

/** An id from ML JSON (number or string) as a string. */
export function idString(value: unknown): string {
	if (typeof value === 'string' && value !== '') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'bigint') return value.toString();
	throw new Error(`missing id: ${JSON.stringify(value)}`);
}

export function idOrNull(value: unknown): string | null {
	return value === null || value === undefined || value === '' ? null : idString(value);
}
