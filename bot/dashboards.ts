// `/painel`'s signed Metabase links (domain/metabase): on when METABASE_EMBEDDING_SECRET and
// METABASE_SITE_URL (or METABASE_URL) are set; without them the command says dashboards are not
// configured. The domain checks the settings and finds the provisioned dashboard.
import { clientDashboardLinkFromWarehouse } from '../domain/metabase/links';
import type { Warehouse } from '../domain/warehouse/warehouse';
import type { DashboardLinks } from './services';

export function metabaseDashboardsFromEnv(
	warehouse: Pick<Warehouse, 'transport' | 'clients'>,
	env: NodeJS.ProcessEnv = process.env,
): DashboardLinks | undefined {
	const configured = Boolean(env.METABASE_EMBEDDING_SECRET?.trim() && (env.METABASE_SITE_URL?.trim() || env.METABASE_URL?.trim()));
	if (!configured) return undefined;
	return {
		async linkFor(client) {
			const link = await clientDashboardLinkFromWarehouse(warehouse, client.id, { env });
			return { url: link.url, expiresAt: link.expiresAt };
		},
	};
}
