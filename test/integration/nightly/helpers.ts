// Shared by the nightly integration tests: moving a client along its lifecycle to `ready`.
import { Client } from 'pg';
import type { Warehouse } from '../../../domain/warehouse';

const PATH = ['invited', 'authorized', 'backfilling', 'ready'] as const;

export async function makeReady(warehouse: Warehouse, clientId: string): Promise<void> {
	const client = await warehouse.clients.get(clientId);
	if (!client) throw new Error(`no client ${clientId}`);
	let at = PATH.indexOf(client.status as (typeof PATH)[number]);
	if (at < 0) at = 0;
	for (const status of PATH.slice(at + 1)) await warehouse.clients.setStatus(clientId, status, 'teste');
}

export async function sql<T extends Record<string, unknown> = Record<string, string>>(databaseUrl: string, text: string, values: unknown[] = []): Promise<T[]> {
	const db = new Client({ connectionString: databaseUrl });
	await db.connect();
	try {
		return (await db.query(text, values)).rows as T[];
	} finally {
		await db.end();
	}
}
