// What a client-etl run means for the client's lifecycle (invited → authorized → backfilling →
// ready). A client still `backfilling` when its load ends:
//  - becomes `ready` when every source that ran succeeded and Mercado Livre was among them;
//  - otherwise goes back to `authorized` (tokens and the data that arrived are kept; the nightly
//    run skips it) and staff are told, through the staff_notifications hook, the command that
//    runs the load again: `/reprocessar <cliente> <data_inicio>`. That reprocess moves it to
//    `backfilling` again (planClientEtl) and, when it succeeds, to `ready`.
// A client that lost an authorization during its load (`needs_reauth`) stays so, and staff are
// told. Clients that were `ready` keep their status: the nightly summary reports their failures.
import { notifyStaff } from '../notifications/staff-notifications';
import { redactSecrets } from '../warehouse/redact';
import type { WarehouseTransport } from '../warehouse/transport';
import type { Client, ClientStatus } from '../warehouse/types';

export interface SettlePort {
	transport: WarehouseTransport;
	clients: {
		get(id: string): Promise<Client | null>;
		setStatus(id: string, status: ClientStatus, reason?: string): Promise<Client>;
	};
}

export interface EtlOutcome {
	/** No source failed. */
	ok: boolean;
	/** Mercado Livre ran and succeeded. */
	mercadolivreOk: boolean;
	error: string | null;
}

export interface SettleInput {
	clientId: string;
	dataInicio: string;
	dataFim?: string;
	/** The client's status when the run started (after it was moved to backfilling). */
	statusAtStart?: ClientStatus;
	outcome: EtlOutcome;
}

export interface SettleResult {
	client_status: ClientStatus;
	previous_client_status: ClientStatus;
	notified: boolean;
	retry_command: string | null;
}

export const BACKFILL_FAILED_EVENT = 'backfill_failed';

/** What staff type in the bot to run a client's load again from a day. */
export function retryCommand(clientName: string, dataInicio: string): string {
	return `/reprocessar ${clientName} ${dataInicio}`;
}

function dayBr(day: string): string {
	const [y, m, d] = day.split('-');
	return `${d}/${m}/${y}`;
}

function backfillFailedMessage(client: Client, input: SettleInput, lostAuthorization: boolean): string {
	const range = input.dataFim ? `de ${dayBr(input.dataInicio)} a ${dayBr(input.dataFim)}` : `desde ${dayBr(input.dataInicio)}`;
	const error = (input.outcome.error ?? (input.outcome.mercadolivreOk ? 'erro desconhecido' : 'o Mercado Livre não foi carregado')).slice(0, 600);
	const retry = retryCommand(client.name, input.dataInicio);
	if (lostAuthorization) {
		return (
			`⚠️ A carga de dados de ${client.name} (${range}) falhou: ${error}. O cliente perdeu uma autorização e ficou needs_reauth. ` +
			`Envie /convite ${client.name}; depois da nova autorização, se precisar: ${retry}`
		);
	}
	return (
		`⚠️ A carga de dados de ${client.name} (${range}) falhou: ${error}. O cliente voltou para authorized (fora do ETL noturno), ` +
		`com os tokens e os dados que já chegaram. Corrija a causa e tente de novo: ${retry}`
	);
}

export async function settleClientStatus(warehouse: SettlePort, input: SettleInput): Promise<SettleResult> {
	const client = await warehouse.clients.get(input.clientId);
	if (!client) throw new Error(`Viang client ${input.clientId} not found in the warehouse`);
	const unchanged: SettleResult = { client_status: client.status, previous_client_status: client.status, notified: false, retry_command: null };
	const { outcome } = input;
	const notify = async (lostAuthorization: boolean) =>
		notifyStaff(warehouse.transport, {
			event: BACKFILL_FAILED_EVENT,
			clientId: client.id,
			message: backfillFailedMessage(client, input, lostAuthorization),
			payload: {
				client_id: client.id,
				client_name: client.name,
				data_inicio: input.dataInicio,
				data_fim: input.dataFim ?? null,
				error: outcome.error,
				retry_command: retryCommand(client.name, input.dataInicio),
			},
		});

	if (client.status === 'backfilling') {
		if (outcome.ok && outcome.mercadolivreOk) {
			const ready = await warehouse.clients.setStatus(client.id, 'ready', 'carga concluída (client-etl)');
			return { ...unchanged, client_status: ready.status };
		}
		const reason = `carga falhou: ${(outcome.error ?? 'Mercado Livre não carregado').slice(0, 200)}`;
		const back = await warehouse.clients.setStatus(client.id, 'authorized', reason);
		await notify(false);
		return { ...unchanged, client_status: back.status, notified: true, retry_command: retryCommand(client.name, input.dataInicio) };
	}
	if (client.status === 'needs_reauth' && input.statusAtStart === 'backfilling' && !outcome.ok) {
		await notify(true);
		return { ...unchanged, notified: true, retry_command: retryCommand(client.name, input.dataInicio) };
	}
	return unchanged;
}

/**
 * For callers of client-etl (the onboarding backfill): settles the client from whatever the
 * sub-workflow answered. Its summary was settled inside client-etl already, so it is only read;
 * an error item (client-etl never reached its end: not published, warehouse down…) counts as a
 * failed load, so the client does not stay `backfilling` for ever.
 */
export async function settleAfterClientEtl(
	warehouse: SettlePort,
	input: { clientId: string; dataInicio: string; dataFim?: string; result: Record<string, unknown> },
): Promise<Record<string, unknown>> {
	const { result } = input;
	if (typeof result.client_status === 'string' && Array.isArray(result.sources) && typeof result.status === 'string') {
		return { ...result, settled_by: 'client-etl' };
	}
	const raw = result.error;
	const error =
		(typeof raw === 'string' && raw) ||
		(raw && typeof raw === 'object' && typeof (raw as { message?: unknown }).message === 'string' && (raw as { message: string }).message) ||
		'client-etl terminou sem resumo';
	const message = redactSecrets(String(error)).slice(0, 500);
	const before = await warehouse.clients.get(input.clientId);
	const settled = await settleClientStatus(warehouse, {
		clientId: input.clientId,
		dataInicio: input.dataInicio,
		dataFim: input.dataFim,
		statusAtStart: before?.status,
		outcome: { ok: false, mercadolivreOk: false, error: message },
	});
	return {
		client_id: input.clientId,
		client_name: before?.name ?? input.clientId,
		status: 'failed',
		error: message,
		...settled,
		settled_by: 'caller',
	};
}
