// `viang db migrate`: applies pending migrations (DATABASE_URL, or the embedded PostgreSQL).
import { join } from 'node:path';
import { openEmbeddedPostgres } from '../../domain/warehouse/embedded';
import { migrate, type MigrateResult } from '../../domain/warehouse/migrate';
import { dataDir } from '../../domain/warehouse/project-paths';
import { warehouseSourceFromEnv } from '../../domain/warehouse/warehouse';
import { UserInputError } from '../../domain/validation/errors';
import { parseCommandArgs, type CliIo } from '../viang';

export const summary = 'banco do warehouse: migrate';
const USAGE = 'viang db migrate';

async function migrateFromEnv(env: NodeJS.ProcessEnv): Promise<{ result: MigrateResult; target: string }> {
	const source = warehouseSourceFromEnv(env);
	if (source === 'database_url') return { result: await migrate(env.DATABASE_URL as string), target: 'DATABASE_URL' };
	if (source === 'supabase') {
		throw new UserInputError(
			'viang db migrate precisa de uma conexão direta: defina DATABASE_URL (a API do Supabase não aplica migrações)',
		);
	}
	const embedded = await openEmbeddedPostgres(join(dataDir(env), 'postgres'), env);
	try {
		return { result: await migrate(embedded.url), target: `PostgreSQL embutido (porta ${embedded.port})` };
	} finally {
		if (embedded.startedHere) await embedded.stop();
	}
}

export async function run(args: string[], io: CliIo): Promise<number> {
	const { positionals } = parseCommandArgs(args, {}, USAGE);
	if (positionals[0] !== 'migrate' || positionals.length > 1) throw new UserInputError(`Uso: ${USAGE}`);
	const { result, target } = await migrateFromEnv(io.env);
	for (const name of result.applied) io.out(`aplicada: ${name}`);
	io.out(`${result.applied.length} migração(ões) aplicada(s), ${result.alreadyApplied.length} já aplicada(s) — ${target}`);
	return 0;
}
