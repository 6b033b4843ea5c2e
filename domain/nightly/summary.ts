// The end of a nightly run: totals, the failures by name, and the pt-BR message staff read in
// Telegram (event `nightly_summary`), with the /convite command for clients that lost access.
import { spDay } from '../mercadolivre/time';
import type { ClientRunResult } from './client-run';

export interface NightlySummary {
	day: string;
	clients_total: number;
	clients_ok: number;
	clients_failed: number;
	rows: number;
	duration_ms: number;
	started_at: string;
	finished_at: string;
	failures: Array<{ client_id: string; client_name: string; error: string; needs_reauth: boolean }>;
	message: string;
}

const numberPtBr = new Intl.NumberFormat('pt-BR');

export function formatDuration(ms: number): string {
	const seconds = Math.round(ms / 1000);
	if (seconds < 60) return `${seconds} s`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
	return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function dayBr(day: string): string {
	const [y, m, d] = day.split('-');
	return `${d}/${m}/${y}`;
}

export function summarizeNightly(results: readonly ClientRunResult[], startedAt: number, finishedAt: number = Date.now()): NightlySummary {
	const failures = results
		.filter((r) => r.status !== 'ok')
		.map((r) => ({ client_id: r.client_id, client_name: r.client_name, error: r.error ?? 'erro desconhecido', needs_reauth: r.needs_reauth }));
	const ok = results.length - failures.length;
	const rows = results.reduce((sum, r) => sum + (r.rows || 0), 0);
	const duration = finishedAt - startedAt;
	const day = spDay(startedAt);
	const lines = [
		`${failures.length === 0 ? '✅' : '⚠️'} ETL noturno de ${dayBr(day)}: ${ok} de ${results.length} clientes ok` +
			(failures.length > 0 ? `, ${failures.length} com falha` : '') +
			`; ${numberPtBr.format(rows)} linhas gravadas em ${formatDuration(duration)}.`,
	];
	if (results.length === 0) lines[0] = `ℹ️ ETL noturno de ${dayBr(day)}: nenhum cliente pronto (status ready) para sincronizar.`;
	if (failures.length > 0) {
		lines.push('', 'Falharam:');
		for (const failure of failures) {
			const hint = failure.needs_reauth ? ` (autorização perdida: envie /convite ${failure.client_name})` : '';
			lines.push(`• ${failure.client_name}: ${failure.error.slice(0, 300)}${hint}`);
		}
	}
	return {
		day,
		clients_total: results.length,
		clients_ok: ok,
		clients_failed: failures.length,
		rows,
		duration_ms: duration,
		started_at: new Date(startedAt).toISOString(),
		finished_at: new Date(finishedAt).toISOString(),
		failures,
		message: lines.join('\n').slice(0, 3900),
	};
}
