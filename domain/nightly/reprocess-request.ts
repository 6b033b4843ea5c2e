// The reprocess webhook's input (the bot sends `{ clientId, dataInicio, requestedBy }`): checked
// before anything runs, with pt-BR errors staff read in Telegram. The nightly run, in queue mode,
// sends the same request with `mode: 'incremental'` and `wait: true` (see dispatch.ts).
import { isDay, todaySp } from '../mercadolivre/time';
import { formatEtlSources, parseEtlSources } from '../client-etl/sources';
import type { Client } from '../warehouse/types';

export interface ReprocessClientsPort {
	findByIdOrName(reference: string): Promise<Client | null>;
}

export interface ReprocessJob {
	client_id: string;
	client_name: string;
	data_inicio: string;
	data_fim: string;
	mode: 'full' | 'incremental';
	/** Normalized for client-etl: '' = every source the client is connected to. */
	sources: string;
	requested_by: string;
	/** Answer only when client-etl is done (queue-mode nightly); the bot gets an answer at once. */
	wait: boolean;
}

export type ReprocessCheck = { valid: true; job: ReprocessJob } | { valid: false; status: 400; error: string };

/** The oldest day a reprocess may start from (Mercado Livre keeps orders searchable for years; we keep 3). */
export const MAX_REPROCESS_DAYS = 3 * 366;
/** Clients whose tokens cannot work, or that are not set up yet, are refused. */
const REFUSED_STATUSES: Record<string, string> = {
	invited: 'ainda não autorizou o Mercado Livre (status invited)',
	needs_reauth: 'precisa autorizar o Mercado Livre de novo (status needs_reauth): envie /convite',
	disabled: 'está desativado (status disabled)',
};

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

function dayDiff(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

export async function checkReprocessRequest(body: unknown, clients: ReprocessClientsPort, now: number = Date.now()): Promise<ReprocessCheck> {
	const fail = (error: string): ReprocessCheck => ({ valid: false, status: 400, error });
	if (!body || typeof body !== 'object' || Array.isArray(body)) {
		return fail('Corpo inválido: envie um JSON com clientId, dataInicio (AAAA-MM-DD) e requestedBy.');
	}
	const input = body as Record<string, unknown>;
	const reference = text(input.clientId);
	if (!reference) return fail('Informe o cliente (clientId).');
	const dataInicio = text(input.dataInicio);
	if (!dataInicio) return fail('Informe a data de início (dataInicio) no formato AAAA-MM-DD.');
	if (!isDay(dataInicio)) return fail(`Data de início inválida: "${dataInicio.slice(0, 40)}". Use o formato AAAA-MM-DD, por exemplo 2026-08-01.`);
	const today = todaySp(now);
	if (dataInicio > today) return fail(`A data de início (${dataInicio}) está no futuro.`);
	if (dayDiff(dataInicio, today) > MAX_REPROCESS_DAYS) return fail(`A data de início (${dataInicio}) é antiga demais: o limite é de ${MAX_REPROCESS_DAYS} dias atrás.`);
	const dataFim = text(input.dataFim) || today;
	if (!isDay(dataFim)) return fail(`Data de fim inválida: "${dataFim.slice(0, 40)}". Use o formato AAAA-MM-DD.`);
	if (dataFim < dataInicio) return fail(`A data de fim (${dataFim}) é anterior à data de início (${dataInicio}).`);
	if (dataFim > today) return fail(`A data de fim (${dataFim}) está no futuro.`);
	const mode = text(input.mode) || 'full';
	if (mode !== 'full' && mode !== 'incremental') return fail(`Modo inválido: "${mode.slice(0, 20)}" (use full ou incremental).`);
	let sources: string;
	try {
		sources = formatEtlSources(parseEtlSources(input.sources));
	} catch {
		const given = Array.isArray(input.sources) ? input.sources.join(',') : text(input.sources);
		return fail(`Fontes inválidas: "${given.slice(0, 60)}" (use mercadolivre, bling ou upseller, separadas por vírgula; vazio = todas as conectadas).`);
	}
	const requestedBy = text(input.requestedBy);
	if (!requestedBy) return fail('Informe quem pediu o reprocessamento (requestedBy).');
	const client = await clients.findByIdOrName(reference);
	if (!client) return fail(`Cliente não encontrado: "${reference.slice(0, 80)}".`);
	const refused = REFUSED_STATUSES[client.status];
	if (refused) return fail(`O cliente ${client.name} ${refused}.`);
	return {
		valid: true,
		job: {
			client_id: client.id,
			client_name: client.name,
			data_inicio: dataInicio,
			data_fim: dataFim,
			mode,
			sources,
			requested_by: requestedBy.slice(0, 120),
			wait: input.wait === true,
		},
	};
}
