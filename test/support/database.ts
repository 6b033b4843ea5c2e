// A fresh, empty database per test file on the run's PostgreSQL server.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
	url: string;
	name: string;
	drop(): Promise<void>;
}

function adminUrl(): string {
	const url = process.env.VIANG_TEST_PG_URL;
	if (!url) throw new Error('VIANG_TEST_PG_URL is not set: run integration tests through jest (global setup)');
	return url;
}

export async function createTestDatabase(prefix = 'viang_test'): Promise<TestDatabase> {
	const name = `${prefix}_${randomBytes(6).toString('hex')}`;
	const admin = new Client({ connectionString: adminUrl() });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${name}`);
	await admin.end();
	const url = new URL(adminUrl());
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		name,
		async drop() {
			const client = new Client({ connectionString: adminUrl() });
			await client.connect();
			await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await client.end();
		},
	};
}

/** One query on its own connection: the rows. For tests that read the warehouse as a person would. */
export async function sql<T extends Record<string, unknown> = Record<string, string>>(databaseUrl: string, text: string, values: unknown[] = []): Promise<T[]> {
	const db = new Client({ connectionString: databaseUrl });
	await db.connect();
	try {
		return (await db.query(text, values)).rows as T[];
	} finally {
		await db.end();
	}
}
