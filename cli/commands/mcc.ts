// `viang mcc invite|status|sync`: links of clients' Google Ads accounts to Viang's manager account
// (MCC). Google Ads settings come from GOOGLE_ADS_* variables; input and settings are checked
// before anything is sent or written (exit 2).
import {
	formatCustomerId,
	GoogleAdsClient,
	googleAdsConfigFromEnv,
	GoogleAdsLinkService,
	GoogleAdsLinksRepository,
	parseCustomerId,
	type GoogleAdsConfig,
	type HistoryRow,
	type LinkResult,
} from '../../domain/googleads';
import { UserInputError } from '../../domain/validation/errors';
import { withWarehouseFromEnv } from '../../domain/warehouse/warehouse';
import { parseCommandArgs, type CliIo } from '../viang';

export const summary = 'Google Ads MCC: invite, status, sync';

const USAGE = [
	'viang mcc invite <cliente> <customer id> [--json]',
	'viang mcc status <cliente> [--stored] [--json]',
	'viang mcc sync [--json]',
	'(GOOGLE_ADS_DEVELOPER_TOKEN, GOOGLE_ADS_CLIENT_ID, GOOGLE_ADS_CLIENT_SECRET, GOOGLE_ADS_REFRESH_TOKEN,',
	' GOOGLE_ADS_MANAGER_CUSTOMER_ID; opcionais GOOGLE_ADS_API_VERSION, GOOGLE_ADS_API_URL, GOOGLE_ADS_TOKEN_URL)',
].join('\n     ');

const ACTOR = 'cli';

export async function run(args: string[], io: CliIo): Promise<number> {
	const [command, ...rest] = args;
	if (command === 'invite') return invite(rest, io);
	if (command === 'status') return status(rest, io);
	if (command === 'sync') return sync(rest, io);
	throw new UserInputError(`Uso: ${USAGE}`);
}

function withService<T>(io: CliIo, config: GoogleAdsConfig, work: (service: GoogleAdsLinkService) => Promise<T>): Promise<T> {
	return withWarehouseFromEnv(
		(warehouse) =>
			work(
				new GoogleAdsLinkService({
					api: new GoogleAdsClient(config),
					links: new GoogleAdsLinksRepository(warehouse.transport),
					clients: warehouse.clients,
					actor: ACTOR,
				}),
			),
		io.env,
	);
}

function describe(result: LinkResult): string {
	const account = result.customerId ?? 'sem conta Google Ads';
	const move = result.changed ? `${result.previousStatus} → ${result.status}` : result.status;
	const google = result.apiStatus ? ` (Google: ${result.apiStatus})` : '';
	return `${result.clientName} (${account}): ${move}${google}`;
}

async function invite(args: string[], io: CliIo): Promise<number> {
	const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, USAGE);
	if (positionals.length !== 2) throw new UserInputError(`Uso: ${USAGE}`);
	const [client, customerIdInput] = positionals;
	// Settings and the id first: bad input never reaches Google or the warehouse.
	const config = googleAdsConfigFromEnv(io.env);
	parseCustomerId(customerIdInput, { managerCustomerId: config.managerCustomerId });
	const result = await withService(io, config, (service) => service.invite(client, customerIdInput));
	if (values.json) {
		io.out(JSON.stringify(result, null, 2));
		return 0;
	}
	const what: Record<string, string> = {
		invited: 'convite enviado',
		already_pending: 'já tinha convite pendente: nenhum convite novo',
		already_linked: 'já está vinculada ao MCC: nenhum convite novo',
	};
	io.out(`${describe(result)} — ${what[result.action] ?? result.action}`);
	return 0;
}

function historyLine(row: HistoryRow): string {
	const ids = [row.apiRequestId && `request id ${row.apiRequestId}`, row.errorCode].filter(Boolean).join(', ');
	return (
		`  ${row.createdAt.toISOString()}  ${row.cause.padEnd(8)} ${row.fromStatus ?? '-'} → ${row.toStatus}` +
		`  [${row.outcome}] por ${row.actor}${ids ? ` (${ids})` : ''}`
	);
}

async function status(args: string[], io: CliIo): Promise<number> {
	const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' }, stored: { type: 'boolean' } }, USAGE);
	if (positionals.length !== 1) throw new UserInputError(`Uso: ${USAGE}`);
	const config = googleAdsConfigFromEnv(io.env);
	const { result, history } = await withService(io, config, async (service) => ({
		result: await service.get(positionals[0], { refresh: !values.stored }),
		history: await service.history(positionals[0], 20),
	}));
	if (values.json) {
		io.out(JSON.stringify({ ...result, history }, null, 2));
		return 0;
	}
	io.out(describe(result));
	for (const row of history) io.out(historyLine(row));
	return 0;
}

async function sync(args: string[], io: CliIo): Promise<number> {
	const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, USAGE);
	if (positionals.length > 0) throw new UserInputError(`Argumento inesperado: "${positionals[0]}"\nUso: ${USAGE}`);
	const config = googleAdsConfigFromEnv(io.env);
	const result = await withService(io, config, (service) => service.sync());
	if (values.json) {
		io.out(JSON.stringify(result, null, 2));
		return 0;
	}
	io.out(`${result.checked} cliente(s) verificado(s), ${result.transitions.length} mudança(s)`);
	for (const t of result.transitions) {
		io.out(`  ${t.clientName} (${formatCustomerId(t.customerId.replace(/-/g, ''))}): ${t.from} → ${t.to}`);
	}
	return 0;
}
