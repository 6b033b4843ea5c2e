// Starts one real PostgreSQL server for a test run; each test file makes its own database on it
// (test/support/database.ts), so files stay independent.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalPostgres } from '../../domain/warehouse/local-postgres';

export default async function globalSetup(): Promise<void> {
	const dataDir = mkdtempSync(join(tmpdir(), 'viang-pg-'));
	const server = await startLocalPostgres(dataDir);
	process.env.VIANG_TEST_PG_URL = server.url;
	(globalThis as Record<string, unknown>).__viangPostgres = server;
}
