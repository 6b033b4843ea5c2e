import { rmSync } from 'node:fs';
import type { LocalPostgres } from '../../domain/warehouse/local-postgres';

export default async function globalTeardown(): Promise<void> {
	const server = (globalThis as Record<string, unknown>).__viangPostgres as LocalPostgres | undefined;
	if (!server) return;
	await server.stop();
	rmSync(server.dataDir, { recursive: true, force: true });
}
