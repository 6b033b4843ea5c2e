// Link state per client and its history, through the warehouse's SQL functions
// (supabase/migrations/20260310000000_google_ads_links.sql), so pg and Supabase share the rules.
import { toDate, toStringOrNull } from '../warehouse/row-values';
import { WarehouseError, type WarehouseTransport } from '../warehouse/transport';
import { formatCustomerId } from './customer-id';
import { GoogleAdsInputError } from './errors';
import type { LinkStatus } from './status';

export interface StoredLink {
	clientId: string;
	clientName: string;
	customerId: string;
	status: LinkStatus;
	managerLinkId: string | null;
	resourceName: string | null;
	updatedAt: Date;
}

export type HistoryOutcome = 'ok' | 'noop' | 'failed';

export interface HistoryRow {
	id: string;
	clientId: string;
	customerId: string;
	fromStatus: LinkStatus | null;
	toStatus: LinkStatus;
	cause: string;
	actor: string;
	outcome: HistoryOutcome;
	apiRequestId: string | null;
	resourceName: string | null;
	managerLinkId: string | null;
	errorCode: string | null;
	detail: string | null;
	createdAt: Date;
}

export interface OperationRecord {
	clientId: string;
	customerId: string;
	status: LinkStatus;
	/** invite, withdraw, unlink… */
	cause: string;
	actor: string;
	outcome?: HistoryOutcome;
	managerLinkId?: string | null;
	resourceName?: string | null;
	apiRequestId?: string | null;
	detail?: string | null;
}

export interface RecordedChange {
	historyId: string | null;
	customerId?: string;
	fromStatus: LinkStatus;
	toStatus: LinkStatus;
	changed: boolean;
	at: Date;
}

function linkFromRow(row: Record<string, unknown>): StoredLink {
	return {
		clientId: String(row.client_id),
		clientName: String(row.client_name),
		customerId: String(row.customer_id),
		status: row.status as LinkStatus,
		managerLinkId: toStringOrNull(row.manager_link_id),
		resourceName: toStringOrNull(row.resource_name),
		updatedAt: toDate(row.updated_at),
	};
}

function historyFromRow(row: Record<string, unknown>): HistoryRow {
	return {
		id: String(row.id),
		clientId: String(row.client_id),
		customerId: String(row.customer_id),
		fromStatus: (row.from_status as LinkStatus | null) ?? null,
		toStatus: row.to_status as LinkStatus,
		cause: String(row.cause),
		actor: String(row.actor),
		outcome: row.outcome as HistoryOutcome,
		apiRequestId: toStringOrNull(row.api_request_id),
		resourceName: toStringOrNull(row.resource_name),
		managerLinkId: toStringOrNull(row.manager_link_id),
		errorCode: toStringOrNull(row.error_code),
		detail: toStringOrNull(row.detail),
		createdAt: toDate(row.created_at),
	};
}

function changeFromRow(row: Record<string, unknown>): RecordedChange {
	return {
		historyId: toStringOrNull(row.history_id),
		customerId: row.customer_id === undefined ? undefined : String(row.customer_id),
		fromStatus: row.from_status as LinkStatus,
		toStatus: row.to_status as LinkStatus,
		changed: row.changed === true || row.changed === 't',
		at: toDate(row.created_at),
	};
}

export class GoogleAdsLinksRepository {
	constructor(private readonly transport: WarehouseTransport) {}

	async get(clientId: string): Promise<StoredLink | null> {
		const rows = await this.transport.rpc('wh_gads_link_get', { p_client_id: clientId });
		return rows[0] ? linkFromRow(rows[0]) : null;
	}

	async list(): Promise<StoredLink[]> {
		return (await this.transport.rpc('wh_gads_link_list')).map(linkFromRow);
	}

	/** An operation: sets the state and always writes a history row. */
	async recordOperation(record: OperationRecord): Promise<RecordedChange> {
		try {
			const rows = await this.transport.rpc('wh_gads_link_record_operation', {
				p_client_id: record.clientId,
				p_customer_id: record.customerId,
				p_status: record.status,
				p_cause: record.cause,
				p_actor: record.actor,
				p_outcome: record.outcome ?? 'ok',
				p_manager_link_id: record.managerLinkId ?? null,
				p_resource_name: record.resourceName ?? null,
				p_api_request_id: record.apiRequestId ?? null,
				p_detail: record.detail ?? null,
			});
			return changeFromRow(rows[0]);
		} catch (error) {
			if (error instanceof WarehouseError && error.code === 'VW001') {
				throw new GoogleAdsInputError(
					'account_in_use',
					`Cannot record the Google Ads link: ${error.message}`,
					/another client/.test(error.message)
						? `A conta Google Ads ${formatCustomerId(record.customerId)} já está com convite pendente ou vinculada a outro cliente. Nada foi alterado.`
						: `O cliente ainda tem outra conta Google Ads com convite pendente ou vinculada: retire o convite ou desvincule essa conta antes. Nada foi alterado.`,
				);
			}
			throw error;
		}
	}

	/** An API refusal: a history row only. */
	async recordFailure(record: {
		clientId: string;
		customerId: string;
		cause: string;
		actor: string;
		errorCode: string;
		apiRequestId?: string | null;
		detail?: string | null;
	}): Promise<string> {
		const rows = await this.transport.rpc('wh_gads_link_record_failure', {
			p_client_id: record.clientId,
			p_customer_id: record.customerId,
			p_cause: record.cause,
			p_actor: record.actor,
			p_error_code: record.errorCode,
			p_api_request_id: record.apiRequestId ?? null,
			p_detail: record.detail ?? null,
		});
		return String(rows[0].history_id);
	}

	/** An observation: writes state and history only when the status changed. */
	async recordSync(record: {
		clientId: string;
		status: LinkStatus;
		actor: string;
		managerLinkId?: string | null;
		resourceName?: string | null;
		cause?: string;
	}): Promise<RecordedChange> {
		const rows = await this.transport.rpc('wh_gads_link_record_sync', {
			p_client_id: record.clientId,
			p_status: record.status,
			p_actor: record.actor,
			p_manager_link_id: record.managerLinkId ?? null,
			p_resource_name: record.resourceName ?? null,
			p_cause: record.cause ?? 'sync',
		});
		return changeFromRow(rows[0]);
	}

	/** Newest first. */
	async history(clientId: string, limit = 50): Promise<HistoryRow[]> {
		return (await this.transport.rpc('wh_gads_link_history', { p_client_id: clientId, p_limit: limit })).map(historyFromRow);
	}
}
