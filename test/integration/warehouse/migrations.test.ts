// Migrations from zero, re-run, checksum guard; roles, Row Level Security and the analytics views.
import { cpSync, mkdtempSync, appendFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { migrate, MigrationChecksumError, openWarehouse, readMigrations } from '../../../domain/warehouse';
import { migrationsDir } from '../../../domain/warehouse/project-paths';
import { createTestDatabase, type TestDatabase } from '../../support/database';

let db: TestDatabase;

beforeAll(async () => {
	db = await createTestDatabase();
});

afterAll(async () => {
	await db.drop();
});

async function query<T = Record<string, unknown>>(url: string, text: string, values: unknown[] = [], role?: string): Promise<T[]> {
	const client = new Client({ connectionString: url });
	await client.connect();
	try {
		if (role) await client.query(`set role ${role}`);
		return (await client.query(text, values)).rows as T[];
	} finally {
		await client.end();
	}
}

describe('viang db migrate', () => {
	test('file names follow the Supabase CLI layout', () => {
		const files = readMigrations();
		expect(files.length).toBeGreaterThanOrEqual(10);
		for (const file of files) expect(file.name).toMatch(/^\d{14}_[a-z0-9_]+\.sql$/);
	});

	test('applies everything from zero, in order, and records name and checksum', async () => {
		const files = readMigrations();
		const result = await migrate(db.url);
		expect(result).toEqual({ applied: files.map((f) => f.name), alreadyApplied: [] });
		const recorded = await query<{ name: string; checksum: string }>(db.url, 'select name, checksum from viang_schema_migrations order by name');
		expect(recorded).toEqual(files.map((f) => ({ name: f.name, checksum: f.checksum })));
	});

	test('re-running applies nothing, also from several processes at once', async () => {
		const results = await Promise.all([migrate(db.url), migrate(db.url), migrate(db.url)]);
		for (const result of results) expect(result.applied).toEqual([]);
	});

	test('two databases migrating at once on one server (roles are cluster-wide) both succeed', async () => {
		const [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
		try {
			const results = await Promise.all([migrate(a.url), migrate(b.url)]);
			expect(results[0].applied.length).toBe(results[1].applied.length);
		} finally {
			await Promise.all([a.drop(), b.drop()]);
		}
	});

	test('refuses when an applied migration changed, and applies a new one', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'viang-migrations-'));
		const own = await createTestDatabase();
		try {
			await migrate(own.url);
			cpSync(migrationsDir(), dir, { recursive: true });
			appendFileSync(join(dir, '29990101000000_later.sql'), 'create table public.later_table (id int);\n');
			expect((await migrate(own.url, { migrationsDir: dir })).applied).toEqual(['29990101000000_later.sql']);
			appendFileSync(join(dir, '20260301000300_facts.sql'), '\n-- edited after being applied\n');
			const error = await migrate(own.url, { migrationsDir: dir }).catch((caught: Error) => caught);
			expect(error).toBeInstanceOf(MigrationChecksumError);
			expect((error as MigrationChecksumError).files).toEqual(['20260301000300_facts.sql']);
		} finally {
			rmSync(dir, { recursive: true, force: true });
			await own.drop();
		}
	});
});

describe('security', () => {
	test('Supabase roles exist (NOLOGIN) and every table has Row Level Security', async () => {
		const roles = await query<{ rolname: string; rolcanlogin: boolean }>(
			db.url,
			`select rolname, rolcanlogin from pg_roles where rolname in ('anon', 'authenticated', 'service_role', 'analytics') order by 1`,
		);
		expect(roles).toEqual([
			{ rolname: 'analytics', rolcanlogin: false },
			{ rolname: 'anon', rolcanlogin: false },
			{ rolname: 'authenticated', rolcanlogin: false },
			{ rolname: 'service_role', rolcanlogin: false },
		]);
		const withoutRls = await query(
			db.url,
			`select c.relname from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and not c.relrowsecurity`,
		);
		expect(withoutRls).toEqual([]);
	});

	test('anon and authenticated can read no table and call no function', async () => {
		for (const role of ['anon', 'authenticated']) {
			await expect(query(db.url, 'select * from public.clients', [], role)).rejects.toThrow(/permission denied/);
			await expect(query(db.url, 'select * from public.wh_client_list()', [], role)).rejects.toThrow(/permission denied/);
			await expect(query(db.url, 'select * from analytics.v_clients', [], role)).rejects.toThrow(/permission denied/);
		}
	});

	test('the service role writes through the functions; RLS lets it see the rows', async () => {
		const created = await query<{ name: string; status: string }>(
			db.url,
			`select name, status from public.wh_client_create('Via service role', 'sr@example.com')`,
			[],
			'service_role',
		);
		expect(created).toEqual([{ name: 'Via service role', status: 'invited' }]);
		const seen = await query<{ name: string }>(db.url, `select name from public.clients where name = 'Via service role'`, [], 'service_role');
		expect(seen).toEqual([{ name: 'Via service role' }]);
	});

	test('a login user granted analytics reads only the dashboard views', async () => {
		const user = `metabase_${Date.now()}`;
		await query(db.url, `create role ${user} login; grant analytics to ${user}`);
		const warehouse = openWarehouse({ databaseUrl: db.url, env: { VIANG_TOKEN_KEY: 'cd'.repeat(32) } });
		try {
			const client = await warehouse.clients.create({ name: 'Visível', email: 'v@example.com', document: '529.982.247-25' });
			const url = new URL(db.url);
			url.username = user;
			const visible = await query<{ id: string; name: string; status: string }>(url.toString(), 'select * from analytics.v_clients order by name');
			expect(visible).toContainEqual({ id: client.id, name: 'Visível', status: 'invited' });
			expect(Object.keys(visible[0]).sort()).toEqual(['id', 'name', 'status']);
			for (const view of ['v_sku_day', 'v_client_day', 'v_ads_day', 'v_stock_latest', 'v_fin_day']) {
				await expect(query(url.toString(), `select * from analytics.${view}`)).resolves.toEqual(expect.any(Array));
			}
			for (const table of ['clients', 'provider_credentials', 'invites', 'fact_sku_day', 'ml_orders', 'updates_log']) {
				await expect(query(url.toString(), `select * from public.${table}`)).rejects.toThrow(/permission denied/);
			}
			await expect(query(url.toString(), `select * from public.wh_client_list()`)).rejects.toThrow(/permission denied/);
		} finally {
			await warehouse.close();
			await query(db.url, `drop owned by ${user}; drop role ${user}`);
		}
	});
});
