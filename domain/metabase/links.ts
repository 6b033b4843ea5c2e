// A client's signed dashboard link, from what the warehouse knows: the client (id or name) and the
// dashboard id stored by `viang metabase provision`. Shared by the CLI, the Viang node and the bot.
import { UserInputError } from '../validation/errors';
import type { ClientsRepository } from '../warehouse/clients';
import type { WarehouseTransport } from '../warehouse/transport';
import { embeddingSecretFromEnv, metabaseSiteUrl } from './config';
import { buildClientDashboardLink, type ClientDashboardLink } from './embed-link';
import { instanceKey, MetabaseObjectStore } from './object-store';
import { dashboardKey } from './provision';

/** The dashboard a link opens unless told otherwise. */
export const DEFAULT_LINK_DASHBOARD = 'visao-geral';

export interface ClientLinkOptions {
	env?: NodeJS.ProcessEnv;
	/** Dashboard key from metabase/dashboards (default `visao-geral`). */
	dashboard?: string;
	expiresInMinutes?: number;
	now?: Date;
}

export interface ClientLink extends ClientDashboardLink {
	client: { id: string; name: string };
	dashboard: string;
	dashboardId: number;
}

export async function clientDashboardLinkFromWarehouse(
	warehouse: { transport: WarehouseTransport; clients: Pick<ClientsRepository, 'require'> },
	clientReference: string,
	options: ClientLinkOptions = {},
): Promise<ClientLink> {
	const env = options.env ?? process.env;
	// Configuration first: bad settings are reported before any lookup.
	const siteUrl = metabaseSiteUrl(env);
	const secret = embeddingSecretFromEnv(env);
	const dashboard = options.dashboard ?? DEFAULT_LINK_DASHBOARD;
	if (!/^[a-z0-9-]+$/.test(dashboard)) throw new UserInputError(`Painel inválido: "${dashboard}"`);
	const client = await warehouse.clients.require(clientReference.trim());
	const store = new MetabaseObjectStore(warehouse.transport, instanceKey(env.METABASE_URL?.trim() || siteUrl));
	const stored = await store.get(dashboardKey(dashboard));
	if (!stored) {
		throw new UserInputError(`O painel "${dashboard}" ainda não existe no Metabase: rode \`viang metabase provision\``);
	}
	const link = buildClientDashboardLink({
		siteUrl,
		secret,
		dashboardId: stored.mbId,
		clientId: client.id,
		expiresInMinutes: options.expiresInMinutes,
		now: options.now,
	});
	return { ...link, client: { id: client.id, name: client.name }, dashboard, dashboardId: stored.mbId };
}
