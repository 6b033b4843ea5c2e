// Days are calendar dates in America/Sao_Paulo (docs/metrics.md). Mercado Livre sends instants with
// various offsets (-04:00, -03:00, Z): we always convert the instant, never cut the string.
export const SAO_PAULO = 'America/Sao_Paulo';

const dayFormatter = new Intl.DateTimeFormat('en-CA', { timeZone: SAO_PAULO, year: 'numeric', month: '2-digit', day: '2-digit' });
const offsetFormatter = new Intl.DateTimeFormat('en-US', { timeZone: SAO_PAULO, timeZoneName: 'longOffset' });

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(value: string): boolean {
	if (!DAY.test(value)) return false;
	const date = new Date(`${value}T12:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function assertDay(value: string, what = 'day'): string {
	if (!isDay(value)) throw new Error(`${what} must be a date as YYYY-MM-DD, got "${value}"`);
	return value;
}

/** The São Paulo day of an instant (ISO string with offset, epoch ms or Date). */
export function spDay(instant: string | number | Date): string {
	const date = instant instanceof Date ? instant : new Date(instant);
	if (Number.isNaN(date.getTime())) throw new Error(`not an instant: ${String(instant)}`);
	return dayFormatter.format(date);
}

/** São Paulo's UTC offset at an instant, as "-03:00". */
export function spOffset(at: Date): string {
	const name = offsetFormatter.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT-03:00';
	const match = /GMT([+-]\d{2}:\d{2})?/.exec(name);
	return match?.[1] ?? '+00:00';
}

/** First instant of a São Paulo day as ISO with the local offset: 2026-03-01T00:00:00.000-03:00. */
export function spDayStartIso(day: string): string {
	assertDay(day);
	// The offset at noon UTC of that date is the day's offset (Brazil has had no DST since 2019,
	// and when it had, the switch happened at midnight; good enough for the boundary).
	const offset = spOffset(new Date(`${day}T12:00:00Z`));
	return `${day}T00:00:00.000${offset}`;
}

/** Last millisecond of a São Paulo day: 2026-03-01T23:59:59.999-03:00. */
export function spDayEndIso(day: string): string {
	assertDay(day);
	const offset = spOffset(new Date(`${day}T12:00:00Z`));
	return `${day}T23:59:59.999${offset}`;
}

export function addDays(day: string, n: number): string {
	const date = new Date(`${assertDay(day)}T12:00:00Z`);
	date.setUTCDate(date.getUTCDate() + n);
	return date.toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
	const days: string[] = [];
	for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
	return days;
}

export function todaySp(now: number = Date.now()): string {
	return spDay(now);
}

/** Formats an epoch-ms instant as ISO in São Paulo's offset (what ML's filters expect). */
export function toSpIso(ms: number): string {
	const date = new Date(ms);
	const offset = spOffset(date);
	const sign = offset.startsWith('-') ? -1 : 1;
	const [h, m] = offset.slice(1).split(':').map(Number);
	const local = new Date(ms + sign * (h * 60 + m) * 60_000).toISOString().slice(0, 23);
	return `${local}${offset}`;
}

/**
 * An instant from user input: ISO with offset or Z is taken as is; a date or a date-time without
 * offset is São Paulo local time (what a Brazilian user means by "2026-03-01 00:00").
 */
export function parseInstantSp(value: string): number {
	const text = value.trim();
	if (isDay(text)) return Date.parse(spDayStartIso(text));
	if (/(Z|[+-]\d{2}:?\d{2})$/i.test(text)) {
		const ms = Date.parse(text);
		if (Number.isNaN(ms)) throw new Error(`not a date/time: "${value}"`);
		return ms;
	}
	const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)$/.exec(text);
	if (!match) throw new Error(`not a date/time: "${value}"`);
	const offset = spOffset(new Date(`${match[1]}T12:00:00Z`));
	const ms = Date.parse(`${match[1]}T${match[2]}${offset}`);
	if (Number.isNaN(ms)) throw new Error(`not a date/time: "${value}"`);
	return ms;
}
