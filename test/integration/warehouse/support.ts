// A migrated database of its own and a warehouse over it (pg transport), per test file.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { TokenCipher, parseTokenKey } from '../../../domain/crypto/token-cipher';
import { migrate, openWarehouse, type Warehouse } from '../../../domain/warehouse';
import { createTestDatabase, type TestDatabase } from '../../support/database';

export interface MigratedWarehouse {
	db: TestDatabase;
	warehouse: Warehouse;
	cipher: TokenCipher;
	tokenKey: string;
	sql<T extends Record<string, unknown> = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
	close(): Promise<void>;
}

export function newTokenKey(): string {
	return randomBytes(32).toString('hex');
}

export async function migratedWarehouse(): Promise<MigratedWarehouse> {
	const db = await createTestDatabase();
	await migrate(db.url);
	const tokenKey = newTokenKey();
	const cipher = new TokenCipher(parseTokenKey(tokenKey));
	const warehouse = openWarehouse({ databaseUrl: db.url, cipher });
	const admin = new Client({ connectionString: db.url });
	await admin.connect();
	// Days as text, so results compare with 'YYYY-MM-DD' literals.
	admin.setTypeParser(1082, (value: string) => value);
	return {
		db,
		warehouse,
		cipher,
		tokenKey,
		async sql<T extends Record<string, unknown>>(text: string, values: unknown[] = []) {
			return (await admin.query(text, values)).rows as T[];
		},
		async close() {
			await warehouse.close();
			await admin.end();
			await db.drop();
		},
	};
}
