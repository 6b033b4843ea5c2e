// Clients: registration (validated first, then one SQL call so a client and its imported tokens
// appear together or not at all), lookup and lifecycle.
import type { TokenCipher } from '../crypto/token-cipher';
import { validateNewClient } from '../validation/client-input';
import {
	ClientNotFoundError,
	DuplicateClientError,
	InvalidStatusTransitionError,
} from './errors';
import { toDate, toDateOrNull, toNumber, toStringArray, toStringOrNull } from './row-values';
import { WarehouseError, type WarehouseTransport } from './transport';
import type {
	Client,
	ClientStatus,
	ClientStatusChange,
	CredentialSummary,
	NewClient,
	Provider,
} from './types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function clientFromRow(row: Record<string, unknown>): Client {
	return {
		id: String(row.id),
		name: String(row.name),
		contactEmail: String(row.contact_email),
		document: toStringOrNull(row.document),
		documentType: (row.document_type as Client['documentType']) ?? null,
		mlUserId: toStringOrNull(row.ml_user_id),
		blingAccountId: toStringOrNull(row.bling_account_id),
		upsellerAccountId: toStringOrNull(row.upseller_account_id),
		status: row.status as ClientStatus,
		statusChangedAt: toDate(row.status_changed_at),
		createdAt: toDate(row.created_at),
		updatedAt: toDate(row.updated_at),
	};
}

export class ClientsRepository {
	constructor(
		private readonly transport: WarehouseTransport,
		private readonly cipher: () => TokenCipher,
	) {}

	/** Validates (ValidationError, nothing written) and creates the client; imported tokens go in encrypted. */
	async create(input: NewClient): Promise<Client> {
		const valid = validateNewClient(input);
		const credentials = [];
		if (input.mlRefreshToken) {
			credentials.push({
				provider: 'mercadolivre',
				accessTokenEnc: null,
				refreshTokenEnc: this.cipher().encrypt(input.mlRefreshToken),
				// In the past: the first use refreshes and gets a real access token.
				expiresAt: new Date(0).toISOString(),
				scopes: [],
				accountId: valid.mlUserId,
			});
		}
		try {
			const rows = await this.transport.rpc('wh_client_create', {
				p_name: valid.name,
				p_contact_email: valid.email,
				p_document: valid.document,
				p_ml_user_id: valid.mlUserId,
				p_credentials: credentials,
			});
			return clientFromRow(rows[0]);
		} catch (error) {
			if (error instanceof WarehouseError && error.code === '23505') {
				throw new DuplicateClientError(
					/ml_user_id/.test(error.message) ? `o ID do Mercado Livre ${valid.mlUserId}` : `o nome "${valid.name}"`,
				);
			}
			throw error;
		}
	}

	async get(id: string): Promise<Client | null> {
		if (!UUID.test(id)) return null;
		const rows = await this.transport.rpc('wh_client_get', { p_id: id });
		return rows.length > 0 ? clientFromRow(rows[0]) : null;
	}

	/** By id or by name (case-insensitive); null when there is none. */
	async findByIdOrName(reference: string): Promise<Client | null> {
		const rows = await this.transport.rpc('wh_client_find', { p_ref: reference });
		return rows.length > 0 ? clientFromRow(rows[0]) : null;
	}

	/** Like findByIdOrName, but a missing client is a ClientNotFoundError. */
	async require(reference: string): Promise<Client> {
		const client = await this.findByIdOrName(reference);
		if (!client) throw new ClientNotFoundError(reference);
		return client;
	}

	async list(): Promise<Client[]> {
		const rows = await this.transport.rpc('wh_client_list');
		return rows.map(clientFromRow);
	}

	/**
	 * Moves the lifecycle (`invited → authorized → backfilling → ready`, plus `needs_reauth` and
	 * `disabled`); the change is recorded with its time.
	 */
	async setStatus(id: string, status: ClientStatus, reason?: string): Promise<Client> {
		try {
			const rows = await this.transport.rpc('wh_client_set_status', { p_id: id, p_status: status, p_reason: reason ?? null });
			return clientFromRow(rows[0]);
		} catch (error) {
			if (error instanceof WarehouseError && error.code === 'VW002') throw new ClientNotFoundError(id);
			if (error instanceof WarehouseError && error.code === 'VW001') {
				throw new InvalidStatusTransitionError(error.message);
			}
			throw error;
		}
	}

	async statusHistory(id: string): Promise<ClientStatusChange[]> {
		const rows = await this.transport.rpc('wh_client_status_history', { p_id: id });
		return rows.map((row) => ({
			fromStatus: (row.from_status as ClientStatus | null) ?? null,
			toStatus: row.to_status as ClientStatus,
			reason: toStringOrNull(row.reason),
			changedAt: toDate(row.changed_at),
		}));
	}

	async credentials(id: string): Promise<CredentialSummary[]> {
		const rows = await this.transport.rpc('wh_credentials_list', { p_client_id: id });
		return rows.map((row) => ({
			provider: row.provider as Provider,
			expiresAt: toDate(row.expires_at),
			scopes: toStringArray(row.scopes),
			accountId: toStringOrNull(row.provider_account_id),
			version: toNumber(row.version),
			needsReauth: Boolean(row.needs_reauth),
			hasRefreshToken: Boolean(row.has_refresh_token),
			lastRefreshedAt: toDateOrNull(row.last_refreshed_at),
			lastRefreshError: toStringOrNull(row.last_refresh_error),
		}));
	}
}
