// For the naive-workflow comparison of `npm run bench -- nightly`: a second warehouse database
// cloned from the first before the night (same clients, staging, facts and watermarks), the
// bench-only table of plain access tokens it needs, and a digest of the tables both nights write.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

async function withDb<T>(url: string, work: (db: Client) => Promise<T>): Promise<T> {
	const db = new Client({ connectionString: url });
	await db.connect();
	try {
		return await work(db);
	} finally {
		await db.end();
	}
}

/** CREATE DATABASE … TEMPLATE: nothing may be connected to `source` meanwhile. */
export async function cloneDatabase(adminUrl: string, source: string, target: string): Promise<string> {
	await withDb(adminUrl, (db) => db.query(`CREATE DATABASE ${target} TEMPLATE ${source}`));
	return adminUrl.replace(/\/[^/]+$/, `/${target}`);
}

/** bench/naive-nightly.sql, then one plain access token per client. */
export async function prepareNaiveWarehouse(url: string, tokens: Map<string, string>): Promise<void> {
	await withDb(url, async (db) => {
		await db.query(readFileSync(join(__dirname, '..', 'naive-nightly.sql'), 'utf8'));
		await db.query('insert into public.bench_naive_tokens (client_id, access_token) select * from unnest($1::uuid[], $2::text[])', [
			[...tokens.keys()],
			[...tokens.values()],
		]);
	});
}

/** Ready clients whose orders watermark is older than `since` (ISO): the naive loop stopped before them. */
export async function clientsNotSyncedSince(url: string, since: string): Promise<number> {
	return withDb(url, async (db) => {
		const { rows } = await db.query(
			`select count(*)::int as n from public.bench_naive_clients where watermark is null or watermark < $1::timestamptz`,
			[since],
		);
		return rows[0].n as number;
	});
}

export const FACT_TABLES = ['fact_sku_day', 'agg_client_day', 'fact_ads_day'] as const;
export const STAGING_TABLES = ['ml_orders', 'ml_order_lines', 'ml_items', 'ml_item_variations', 'ml_visits', 'ml_ad_group_metrics', 'ml_ad_group_items'] as const;

export interface TableDigest {
	table: string;
	rows: number;
	md5: string;
}

/**
 * Row count and an md5 over every row of each table, sorted. Numbers are compared by value
 * (trim_scale): 49.9 and 49.90 are the same amount, written by different loaders.
 */
export async function digestTables(url: string, tables: readonly string[]): Promise<TableDigest[]> {
	return withDb(url, async (db) => {
		const digests: TableDigest[] = [];
		for (const table of tables) {
			const columns = await db.query(
				`select column_name, data_type from information_schema.columns where table_schema = 'public' and table_name = $1 order by ordinal_position`,
				[table],
			);
			const row = columns.rows
				.map((c: { column_name: string; data_type: string }) => (c.data_type === 'numeric' ? `coalesce(trim_scale(t.${c.column_name})::text, '-')` : `coalesce(t.${c.column_name}::text, '-')`))
				.join(` || '|' || `);
			const { rows } = await db.query(`select count(*)::int as rows, coalesce(md5(string_agg(r, E'\\n' order by r)), '') as md5 from (select ${row} as r from public.${table} t) x`);
			digests.push({ table, rows: rows[0].rows, md5: rows[0].md5 });
		}
		return digests;
	});
}

/** Tables whose digests differ, as "table (a rows vs b rows)". */
export function differences(a: TableDigest[], b: TableDigest[]): string[] {
	return a.flatMap((x, i) => (x.md5 === b[i]?.md5 ? [] : [`${x.table} (${x.rows} vs ${b[i]?.rows ?? '?'} rows)`]));
}
