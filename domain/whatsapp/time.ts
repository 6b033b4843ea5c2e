// Viang's days are São Paulo dates (docs/architecture.md).
export const SAO_PAULO = 'America/Sao_Paulo';

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: SAO_PAULO, year: 'numeric', month: '2-digit', day: '2-digit' });

export function daySaoPaulo(at: Date = new Date()): string {
	return dayFormat.format(at);
}

export function addDays(day: string, days: number): string {
	const date = new Date(`${day}T12:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

export function yesterdaySaoPaulo(at: Date = new Date()): string {
	return addDays(daySaoPaulo(at), -1);
}
