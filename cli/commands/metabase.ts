// `viang metabase provision [--dry-run]` and `viang metabase link <cliente> [--minutes N]`:
// dashboards as code (metabase/) into Metabase, and per-client signed dashboard links.
import { MetabaseClient } from '../../domain/metabase/client';
import { embeddingSecretFromEnv, metabaseConfigFromEnv, metabaseSiteUrl, warehouseConnectionFromEnv } from '../../domain/metabase/config';
import { DEFAULT_LINK_MINUTES, validateLinkMinutes } from '../../domain/metabase/embed-link';
import { clientDashboardLinkFromWarehouse, DEFAULT_LINK_DASHBOARD } from '../../domain/metabase/links';
import { instanceKey, MetabaseObjectStore } from '../../domain/metabase/object-store';
import { describeChange, provisionMetabase } from '../../domain/metabase/provision';
import { UserInputError } from '../../domain/validation/errors';
import { withWarehouseFromEnv } from '../../domain/warehouse/warehouse';
import { viangDefinitions } from '../../metabase';
import { parseCommandArgs, type CliIo } from '../viang';

export const summary = 'Metabase: provision, link';

const DASHBOARDS = viangDefinitions.dashboards.map((dashboard) => dashboard.key);
const USAGE = [
	'viang metabase provision [--dry-run]',
	`viang metabase link <cliente (id ou nome)> [--minutes N] [--dashboard ${DASHBOARDS.join('|')}] [--json]`,
].join('\n     ');

export async function run(args: string[], io: CliIo): Promise<number> {
	const [command, ...rest] = args;
	if (command === 'provision') return provision(rest, io);
	if (command === 'link') return link(rest, io);
	throw new UserInputError(`Uso: ${USAGE}`);
}

async function provision(args: string[], io: CliIo): Promise<number> {
	const { values, positionals } = parseCommandArgs(args, { 'dry-run': { type: 'boolean' } }, USAGE);
	if (positionals.length > 0) throw new UserInputError(`Argumento inesperado: "${positionals[0]}"\nUso: ${USAGE}`);
	const dryRun = Boolean(values['dry-run']);
	// Settings are checked before connecting anywhere.
	const config = metabaseConfigFromEnv(io.env);
	const connection = warehouseConnectionFromEnv(io.env);
	const result = await withWarehouseFromEnv(async (warehouse) => {
		const clients = (await warehouse.clients.list()).map((client) => ({ id: client.id, name: client.name }));
		return provisionMetabase({
			client: new MetabaseClient({ baseUrl: config.url, auth: config.auth }),
			store: new MetabaseObjectStore(warehouse.transport, instanceKey(config.url)),
			definitions: viangDefinitions,
			connection,
			clients,
			embeddingSecret: config.embeddingSecret,
			dryRun,
		});
	}, io.env);
	for (const change of result.changes) io.out(describeChange(change, dryRun));
	const count = (action: string) => result.changes.filter((change) => change.action === action).length;
	io.err(
		`${dryRun ? 'Simulação (nada foi alterado)' : 'Metabase provisionado'}: ${count('create') + count('recreate')} a criar/criado(s), ` +
			`${count('update')} atualizado(s), ${count('unchanged')} sem mudança, ${count('archive')} arquivado(s)`,
	);
	return 0;
}

async function link(args: string[], io: CliIo): Promise<number> {
	const { values, positionals } = parseCommandArgs(
		args,
		{ minutes: { type: 'string' }, dashboard: { type: 'string' }, json: { type: 'boolean' } },
		USAGE,
	);
	if (positionals.length !== 1 || positionals[0].trim() === '') {
		throw new UserInputError(`Informe um cliente (id ou nome)\nUso: ${USAGE}`);
	}
	const minutes = values.minutes === undefined ? DEFAULT_LINK_MINUTES : validateLinkMinutes(values.minutes);
	const dashboard = (values.dashboard as string | undefined) ?? DEFAULT_LINK_DASHBOARD;
	if (!DASHBOARDS.includes(dashboard)) {
		throw new UserInputError(`Painel desconhecido: "${dashboard}". Use um destes: ${DASHBOARDS.join(', ')}`);
	}
	metabaseSiteUrl(io.env);
	embeddingSecretFromEnv(io.env);
	const result = await withWarehouseFromEnv(
		(warehouse) => clientDashboardLinkFromWarehouse(warehouse, positionals[0], { env: io.env, dashboard, expiresInMinutes: minutes }),
		io.env,
	);
	if (values.json) {
		io.out(JSON.stringify({ url: result.url, expiresAt: result.expiresAt.toISOString(), client: result.client, dashboard, dashboardId: result.dashboardId }));
		return 0;
	}
	io.err(`Painel "${dashboard}" de ${result.client.name}, válido até ${result.expiresAt.toISOString()}`);
	io.out(result.url);
	return 0;
}
