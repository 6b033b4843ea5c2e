// The MCC link use cases (invite, follow, withdraw, unlink, sync), shared by the n8n node, the CLI
// and the bot. Every operation and every observed change becomes a history row; input is checked
// before anything is sent or written.
import { ApiError } from '../http';
import type { GoogleAdsClient, ManagerLink } from './client';
import { latestLinkOf } from './client';
import { formatCustomerId, parseCustomerId } from './customer-id';
import { ALREADY_LINKED_CODES, GoogleAdsInputError, requestIdOf } from './errors';
import type { GoogleAdsLinksRepository, StoredLink } from './links-repository';
import { mapLinkStatus, type ApiLinkStatus, type LinkStatus } from './status';

/** Finds a Viang client by id or name (the warehouse's ClientsRepository fits). */
export interface ClientLookup {
	findByIdOrName(reference: string): Promise<{ id: string; name: string } | null>;
}

export type LinkAction =
	| 'invited'
	| 'already_pending'
	| 'already_linked'
	| 'withdrawn'
	| 'unlinked'
	| 'refreshed'
	| 'stored';

export interface LinkResult {
	clientId: string;
	clientName: string;
	/** `123-456-7890`, or null when the client has no Google Ads account on file. */
	customerId: string | null;
	status: LinkStatus;
	previousStatus: LinkStatus;
	changed: boolean;
	action: LinkAction;
	/** The API's own status of the newest link, when it was read. */
	apiStatus?: ApiLinkStatus | null;
	managerLinkId: string | null;
	resourceName: string | null;
	requestId: string | null;
	historyId: string | null;
	at: string;
}

export interface Transition {
	clientId: string;
	clientName: string;
	customerId: string;
	from: LinkStatus;
	to: LinkStatus;
	at: string;
	historyId: string | null;
}

export interface SyncResult {
	checked: number;
	transitions: Transition[];
}

export interface LinkServiceDeps {
	api: GoogleAdsClient;
	links: GoogleAdsLinksRepository;
	clients: ClientLookup;
	/** Who acts: 'n8n', 'cli', 'bot:<telegram user>'… */
	actor: string;
}

export class GoogleAdsLinkService {
	private readonly api: GoogleAdsClient;
	private readonly links: GoogleAdsLinksRepository;
	private readonly clients: ClientLookup;
	private readonly actor: string;

	constructor(deps: LinkServiceDeps) {
		this.api = deps.api;
		this.links = deps.links;
		this.clients = deps.clients;
		this.actor = deps.actor.trim() || 'unknown';
	}

	/** The same service acting for someone else (history rows name them), e.g. `n8n (telegram:42)`. */
	actingAs(actor: string): GoogleAdsLinkService {
		return new GoogleAdsLinkService({ api: this.api, links: this.links, clients: this.clients, actor });
	}

	/** Invites the account; an account already pending or linked is reported, not invited twice. */
	async invite(clientReference: string, customerIdInput: unknown): Promise<LinkResult> {
		const customerId = parseCustomerId(customerIdInput, { managerCustomerId: this.api.managerCustomerId });
		const client = await this.resolveClient(clientReference);
		const stored = await this.links.get(client.id);
		if (stored && stored.customerId !== customerId && (stored.status === 'PENDING' || stored.status === 'APPROVED')) {
			throw new GoogleAdsInputError(
				'account_in_use',
				`Client "${client.name}" already has Google Ads account ${formatCustomerId(stored.customerId)} (${stored.status}): ` +
					'withdraw the invitation or unlink it first',
				`O cliente "${client.name}" já tem a conta Google Ads ${formatCustomerId(stored.customerId)} ` +
					`${stored.status === 'PENDING' ? 'com convite pendente' : 'vinculada ao MCC'}: ` +
					'retire o convite ou desvincule essa conta antes de convidar outra. Nada foi alterado.',
			);
		}
		const known = stored && stored.customerId === customerId ? stored : null;
		const live = await this.api.latestLink(customerId);
		if (known) await this.observe(known, live);
		if (live && (live.status === 'PENDING' || live.status === 'ACTIVE')) {
			return this.reportExisting(client, customerId, known?.status ?? 'NOT_LINKED', live);
		}
		try {
			const created = await this.api.createInvitation(customerId);
			const change = await this.links.recordOperation({
				clientId: client.id,
				customerId,
				status: 'PENDING',
				cause: 'invite',
				actor: this.actor,
				managerLinkId: created.managerLinkId,
				resourceName: created.resourceName,
				apiRequestId: created.requestId ?? null,
			});
			return {
				...this.base(client, customerId),
				status: 'PENDING',
				previousStatus: change.fromStatus,
				changed: change.changed,
				action: 'invited',
				apiStatus: 'PENDING',
				managerLinkId: created.managerLinkId,
				resourceName: created.resourceName,
				requestId: created.requestId ?? null,
				historyId: change.historyId,
				at: change.at.toISOString(),
			};
		} catch (error) {
			if (error instanceof ApiError && error.code && ALREADY_LINKED_CODES.has(error.code)) {
				// Invited or linked meanwhile (or our first attempt's answer was lost): report it.
				const now = await this.api.latestLink(customerId);
				if (now && (now.status === 'PENDING' || now.status === 'ACTIVE')) {
					return this.reportExisting(client, customerId, known?.status ?? 'NOT_LINKED', now);
				}
			}
			await this.recordFailure(client.id, customerId, 'invite', error);
			throw error;
		}
	}

	/** The client's link; with `refresh` (default) read from the API and any change recorded. */
	async get(clientReference: string, options: { refresh?: boolean } = {}): Promise<LinkResult> {
		const client = await this.resolveClient(clientReference);
		const stored = await this.links.get(client.id);
		if (!stored) {
			return {
				...this.base(client, null),
				status: 'NOT_LINKED',
				previousStatus: 'NOT_LINKED',
				changed: false,
				action: 'stored',
				managerLinkId: null,
				resourceName: null,
				requestId: null,
				historyId: null,
				at: new Date().toISOString(),
			};
		}
		if (options.refresh === false) return this.fromStored(stored, 'stored');
		const live = await this.api.latestLink(stored.customerId);
		const change = await this.observe(stored, live);
		return {
			...this.fromStored(stored, 'refreshed'),
			status: change?.toStatus ?? stored.status,
			changed: !!change?.changed,
			apiStatus: live?.status ?? null,
			managerLinkId: live?.managerLinkId ?? stored.managerLinkId,
			resourceName: live?.resourceName ?? stored.resourceName,
			historyId: change?.historyId ?? null,
			at: (change?.at ?? new Date()).toISOString(),
		};
	}

	/** Every client with a Google Ads account on file, as stored. */
	async list(): Promise<LinkResult[]> {
		return (await this.links.list()).map((link) => this.fromStored(link, 'stored'));
	}

	/** Withdraws a pending invitation (the link becomes CANCELED → CANCELLED). */
	async withdraw(clientReference: string): Promise<LinkResult> {
		return this.endLink(clientReference, 'PENDING', 'CANCELED', 'withdraw');
	}

	/** Ends an active link (INACTIVE → CANCELLED). */
	async unlink(clientReference: string): Promise<LinkResult> {
		return this.endLink(clientReference, 'ACTIVE', 'INACTIVE', 'unlink');
	}

	/** Reads every link once and records each client's change; returns the transitions. */
	async sync(): Promise<SyncResult> {
		const stored = await this.links.list();
		if (stored.length === 0) return { checked: 0, transitions: [] };
		const all = await this.api.listLinks();
		const transitions: Transition[] = [];
		for (const link of stored) {
			const change = await this.observe(link, latestLinkOf(all, link.customerId));
			if (change?.changed) {
				transitions.push({
					clientId: link.clientId,
					clientName: link.clientName,
					customerId: formatCustomerId(link.customerId),
					from: change.fromStatus,
					to: change.toStatus,
					at: change.at.toISOString(),
					historyId: change.historyId,
				});
			}
		}
		return { checked: stored.length, transitions };
	}

	async history(clientReference: string, limit = 50) {
		const client = await this.resolveClient(clientReference);
		return this.links.history(client.id, limit);
	}

	private async endLink(
		clientReference: string,
		required: 'PENDING' | 'ACTIVE',
		target: 'CANCELED' | 'INACTIVE',
		cause: 'withdraw' | 'unlink',
	): Promise<LinkResult> {
		const client = await this.resolveClient(clientReference);
		const stored = await this.links.get(client.id);
		if (!stored) {
			throw new GoogleAdsInputError(
				'no_account_on_file',
				`Client "${client.name}" has no Google Ads account on file`,
				`O cliente "${client.name}" não tem conta Google Ads cadastrada.`,
			);
		}
		const live = await this.api.latestLink(stored.customerId);
		const observed = await this.observe(stored, live);
		const current = observed?.toStatus ?? stored.status;
		if (!live || live.status !== required) {
			const what = required === 'PENDING' ? 'has no pending invitation' : 'is not linked';
			const oQue = required === 'PENDING' ? 'não tem convite pendente' : 'não está vinculada ao MCC';
			throw new GoogleAdsInputError(
				required === 'PENDING' ? 'not_pending' : 'not_linked',
				`Google Ads account ${formatCustomerId(stored.customerId)} of client "${client.name}" ${what} (status ${current})`,
				`A conta Google Ads ${formatCustomerId(stored.customerId)} do cliente "${client.name}" ${oQue} (status ${current}).`,
			);
		}
		try {
			const result = await this.api.setLinkStatus(live.resourceName, target);
			const change = await this.links.recordOperation({
				clientId: client.id,
				customerId: stored.customerId,
				status: 'CANCELLED',
				cause,
				actor: this.actor,
				managerLinkId: live.managerLinkId,
				resourceName: result.resourceName,
				apiRequestId: result.requestId ?? null,
			});
			return {
				...this.base(client, stored.customerId),
				status: 'CANCELLED',
				previousStatus: change.fromStatus,
				changed: change.changed,
				action: cause === 'withdraw' ? 'withdrawn' : 'unlinked',
				apiStatus: target,
				managerLinkId: live.managerLinkId,
				resourceName: result.resourceName,
				requestId: result.requestId ?? null,
				historyId: change.historyId,
				at: change.at.toISOString(),
			};
		} catch (error) {
			await this.recordFailure(client.id, stored.customerId, cause, error);
			throw error;
		}
	}

	/** Records what the API shows when it differs from what we stored (cause `sync`). */
	private async observe(stored: StoredLink, live: ManagerLink | undefined) {
		const status = mapLinkStatus(live?.status, stored.status);
		if (status === stored.status && (!live || live.managerLinkId === stored.managerLinkId)) return undefined;
		const change = await this.links.recordSync({
			clientId: stored.clientId,
			status,
			actor: this.actor,
			managerLinkId: live?.managerLinkId ?? null,
			resourceName: live?.resourceName ?? null,
		});
		stored.status = change.toStatus;
		return change;
	}

	private async reportExisting(
		client: { id: string; name: string },
		customerId: string,
		previous: LinkStatus,
		live: ManagerLink,
	): Promise<LinkResult> {
		const status = mapLinkStatus(live.status, previous);
		const already = live.status === 'PENDING' ? 'already_pending' : 'already_linked';
		const change = await this.links.recordOperation({
			clientId: client.id,
			customerId,
			status,
			cause: 'invite',
			actor: this.actor,
			outcome: 'noop',
			managerLinkId: live.managerLinkId,
			resourceName: live.resourceName,
			detail: already === 'already_pending' ? 'already invited: no second invitation' : 'already linked: no invitation',
		});
		return {
			...this.base(client, customerId),
			status,
			previousStatus: change.fromStatus,
			changed: change.changed,
			action: already,
			apiStatus: live.status,
			managerLinkId: live.managerLinkId,
			resourceName: live.resourceName,
			requestId: null,
			historyId: change.historyId,
			at: change.at.toISOString(),
		};
	}

	private async recordFailure(clientId: string, customerId: string, cause: string, error: unknown): Promise<void> {
		if (!(error instanceof ApiError)) return;
		// The history must not hide the API's error: a failing warehouse write here is ignored.
		await this.links
			.recordFailure({
				clientId,
				customerId,
				cause,
				actor: this.actor,
				errorCode: error.code ?? error.kind,
				apiRequestId: requestIdOf(error) ?? null,
				detail: error.message,
			})
			.catch(() => undefined);
	}

	private async resolveClient(reference: string): Promise<{ id: string; name: string }> {
		const ref = typeof reference === 'string' ? reference.trim() : '';
		if (!ref) throw new GoogleAdsInputError('client_not_found', 'Client ID is empty', 'Falta o cliente (nome ou id).');
		const client = await this.clients.findByIdOrName(ref);
		if (!client) {
			throw new GoogleAdsInputError(
				'client_not_found',
				`Client "${ref.slice(0, 100)}" not found in the warehouse`,
				`Cliente não encontrado: "${ref.slice(0, 100)}". Nada foi enviado ao Google Ads.`,
			);
		}
		return { id: client.id, name: client.name };
	}

	private base(client: { id: string; name: string }, customerId: string | null) {
		return { clientId: client.id, clientName: client.name, customerId: customerId ? formatCustomerId(customerId) : null };
	}

	private fromStored(link: StoredLink, action: LinkAction): LinkResult {
		return {
			clientId: link.clientId,
			clientName: link.clientName,
			customerId: formatCustomerId(link.customerId),
			status: link.status,
			previousStatus: link.status,
			changed: false,
			action,
			managerLinkId: link.managerLinkId,
			resourceName: link.resourceName,
			requestId: null,
			historyId: null,
			at: link.updatedAt.toISOString(),
		};
	}
}
