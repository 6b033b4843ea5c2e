// Applies supabase/migrations/<14-digit timestamp>_<name>.sql in order, each in its own
// transaction, recording name and sha256 in viang_schema_migrations. Safe to re-run and to run
// from several processes at once (advisory lock); refuses to go on if an applied file changed.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { migrationsDir as defaultMigrationsDir } from './project-paths';

const MIGRATION_FILE = /^\d{14}_[A-Za-z0-9_-]+\.sql$/;
const LOCK_KEY = 'viang.migrate';

export interface MigrationFile {
	name: string;
	checksum: string;
	sql: string;
}

export interface MigrateResult {
	applied: string[];
	alreadyApplied: string[];
}

export class MigrationChecksumError extends Error {
	readonly files: string[];

	constructor(files: string[]) {
		super(
			`Migrações já aplicadas foram alteradas: ${files.join(', ')}. ` +
				'Não edite uma migração aplicada: crie uma nova.',
		);
		this.name = 'MigrationChecksumError';
		this.files = files;
	}
}

export function readMigrations(dir = defaultMigrationsDir()): MigrationFile[] {
	return readdirSync(dir)
		.filter((name) => MIGRATION_FILE.test(name))
		.sort()
		.map((name) => {
			const sql = readFileSync(join(dir, name), 'utf8');
			return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
		});
}

export async function migrate(databaseUrl: string, options: { migrationsDir?: string } = {}): Promise<MigrateResult> {
	const files = readMigrations(options.migrationsDir);
	const client = new Client({ connectionString: databaseUrl });
	await client.connect();
	try {
		await client.query('set client_min_messages = warning');
		await client.query('select pg_advisory_lock(hashtextextended($1, 0))', [LOCK_KEY]);
		await client.query(`
			create table if not exists public.viang_schema_migrations (
				name text primary key,
				checksum text not null,
				applied_at timestamptz not null default now()
			);
			alter table public.viang_schema_migrations enable row level security;
		`);
		const applied = new Map(
			(await client.query<{ name: string; checksum: string }>('select name, checksum from public.viang_schema_migrations')).rows.map(
				(row) => [row.name, row.checksum],
			),
		);
		const changed = files.filter((file) => applied.has(file.name) && applied.get(file.name) !== file.checksum);
		if (changed.length > 0) throw new MigrationChecksumError(changed.map((file) => file.name));
		const result: MigrateResult = { applied: [], alreadyApplied: [] };
		for (const file of files) {
			if (applied.has(file.name)) {
				result.alreadyApplied.push(file.name);
				continue;
			}
			try {
				await client.query('begin');
				await client.query(file.sql);
				await client.query('insert into public.viang_schema_migrations (name, checksum) values ($1, $2)', [
					file.name,
					file.checksum,
				]);
				await client.query('commit');
			} catch (error) {
				await client.query('rollback').catch(() => undefined);
				throw new Error(`Migração ${file.name} falhou: ${(error as Error).message}`);
			}
			result.applied.push(file.name);
		}
		return result;
	} finally {
		await client.query('select pg_advisory_unlock(hashtextextended($1, 0))', [LOCK_KEY]).catch(() => undefined);
		await client.end();
	}
}
