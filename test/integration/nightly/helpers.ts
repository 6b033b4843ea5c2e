// Shared by the nightly integration tests: moving a client along its lifecycle to `ready`.
import type { Warehouse } from '../../../domain/warehouse';

const PATH = ['invited', 'authorized', 'backfilling', 'ready'] as const;

export async function makeReady(warehouse: Warehouse, clientId: string): Promise<void> {
	const client = await warehouse.clients.get(clientId);
	if (!client) throw new Error(`no client ${clientId}`);
	let at = PATH.indexOf(client.status as (typeof PATH)[number]);
	if (at < 0) at = 0;
	for (const status of PATH.slice(at + 1)) await warehouse.clients.setStatus(clientId, status, 'teste');
}

// The one-query helper moved to test/support; re-exported for the nightly tests that import it here.
export { sql } from '../../support/database';
