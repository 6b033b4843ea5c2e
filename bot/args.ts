// Command arguments: `<cliente> <valor>` where the client's name may have spaces (or quotes), and
// the start date of `/reprocessar`.
import type { Checked } from './wizard/validation';

export interface ClientAndValue {
	client: string;
	value: string;
}

/**
 * Every way to read `text` as a client reference followed by a value of 1..`maxValueTokens` words,
 * the most likely first (shortest value). `"Loja 2" 11 98765-4321` is read with the quotes only.
 */
export function splitClientAndValue(text: string, maxValueTokens = 1): ClientAndValue[] {
	const trimmed = text.trim();
	const quoted = /^"([^"]+)"\s+(.+)$/.exec(trimmed) ?? /^“([^”]+)”\s+(.+)$/.exec(trimmed);
	if (quoted) return [{ client: quoted[1].trim(), value: quoted[2].trim() }];
	const tokens = trimmed.split(/\s+/).filter((token) => token !== '');
	const splits: ClientAndValue[] = [];
	for (let take = 1; take <= Math.min(maxValueTokens, tokens.length - 1); take++) {
		splits.push({ client: tokens.slice(0, -take).join(' '), value: tokens.slice(-take).join(' ') });
	}
	return splits;
}

/** Strips surrounding quotes from a lone client reference. */
export function clientReference(text: string): string {
	return text.trim().replace(/^["“](.*)["”]$/, '$1').trim();
}

function isRealDay(year: number, month: number, day: number): boolean {
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Today in São Paulo as 'YYYY-MM-DD'. */
export function todaySaoPaulo(now = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo' }).format(now);
}

/** DD/MM/AAAA or AAAA-MM-DD → 'YYYY-MM-DD'; not in the future. */
export function parseStartDate(text: string, now = new Date()): Checked<string> {
	const value = text.trim();
	const br = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
	const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	const parts = br ? [Number(br[3]), Number(br[2]), Number(br[1])] : iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : undefined;
	if (!parts) {
		return { ok: false, error: `Data inválida: "${value.slice(0, 20)}". Use DD/MM/AAAA (ex.: 01/03/2026) ou AAAA-MM-DD.` };
	}
	const [year, month, day] = parts;
	if (!isRealDay(year, month, day)) return { ok: false, error: `A data ${value} não existe no calendário.` };
	const iso8601 = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
	if (iso8601 > todaySaoPaulo(now)) return { ok: false, error: `A data ${value} está no futuro: reprocesse a partir de hoje ou antes.` };
	if (year < 2000) return { ok: false, error: `A data ${value} é antiga demais.` };
	return { ok: true, value: iso8601 };
}
