// Which clients the nightly run syncs, and from when: every `ready` client, incremental from its
// last successful orders sync (the watermark); a client without one starts `firstRunDays` back.
// Every source the client is connected to runs (Mercado Livre, Bling, UpSeller: domain/client-etl).
import { ORDERS_WATERMARK_SOURCE, WATERMARK_OVERLAP_MS } from '../mercadolivre/etl';
import { addDays, spDay, todaySp } from '../mercadolivre/time';
import type { Client } from '../warehouse/types';
import type { Watermark } from '../warehouse/runs';

/** The slice of the warehouse this module reads. */
export interface DueClientsPort {
	clients: { list(): Promise<Client[]> };
	runs: { getWatermark(clientId: string, source: string): Promise<Watermark | null> };
}

/** One client-etl call (the sub-workflow's inputs, snake_case like its trigger). */
export interface DueClient {
	client_id: string;
	client_name: string;
	data_inicio: string;
	data_fim: string;
	mode: 'incremental';
	/** '' = every source the client is connected to (client-etl decides). */
	sources: string;
	/** ISO instant of the last successful orders sync, null before the first. */
	last_success_at: string | null;
}

export interface DueClientsOptions {
	/** Days back for a client that never synced successfully (default 90, the Product Ads limit). */
	firstRunDays?: number;
	now?: number;
}

export async function listDueClients(warehouse: DueClientsPort, options: DueClientsOptions = {}): Promise<DueClient[]> {
	const now = options.now ?? Date.now();
	const today = todaySp(now);
	const firstRunDays = options.firstRunDays ?? 90;
	const ready = (await warehouse.clients.list()).filter((client) => client.status === 'ready');
	const due: DueClient[] = [];
	for (const client of ready) {
		const mark = await warehouse.runs.getWatermark(client.id, ORDERS_WATERMARK_SOURCE);
		const since = mark?.watermark ? Date.parse(mark.watermark) : NaN;
		const dataInicio = Number.isNaN(since) ? addDays(today, -(firstRunDays - 1)) : spDay(since - WATERMARK_OVERLAP_MS);
		due.push({
			client_id: client.id,
			client_name: client.name,
			data_inicio: dataInicio,
			data_fim: today,
			mode: 'incremental',
			sources: '',
			last_success_at: Number.isNaN(since) ? null : new Date(since).toISOString(),
		});
	}
	return due;
}
