// `viang etl run --client <id|nome> --from YYYY-MM-DD [--to YYYY-MM-DD] [--sources mercadolivre]
// [--incremental]`: the same ETL as the node's Warehouse Sync (domain/mercadolivre/etl.ts). The
// Mercado Livre app comes from MERCADOLIVRE_CLIENT_ID / _SECRET / _API_URL / _AUTH_URL, the
// warehouse from the usual variables.
import { blingAppFromEnv } from '../../domain/bling/config';
import { parseBlingParts, syncBlingClient, type BlingSyncPart } from '../../domain/bling/etl';
import { appFromEnv } from '../../domain/mercadolivre/config';
import { parseSyncSources, syncClient } from '../../domain/mercadolivre/etl';
import { isDay, todaySp } from '../../domain/mercadolivre/time';
import { UserInputError } from '../../domain/validation/errors';
import { InvalidGrantError } from '../../domain/warehouse/errors';
import { syncUpSellerClient } from '../../domain/upseller/etl';
import { upSellerConfigFromEnv } from '../../domain/upseller/config';
import { withWarehouseFromEnv, type Warehouse } from '../../domain/warehouse/warehouse';
import { parseCommandArgs, type CliIo } from '../viang';

export const summary = 'cargas de dados: run (Mercado Livre, Bling, UpSeller → warehouse)';
const USAGE =
	'viang etl run --client <id|nome> --from AAAA-MM-DD [--to AAAA-MM-DD] [--sources mercadolivre|orders,items,visits,ads|bling|bling.stock|bling.finance|upseller] [--incremental]';

// Bling (BLING_* variables) and UpSeller (UPSELLER_*; per-client credentials in the vault) are
// separate sources: `--sources mercadolivre,bling,upseller`. Their runs follow the ML one.
const isOtherSource = (s: string) => /^(bling|upseller)(\.|$)/.test(s);

async function runOtherSources(
	warehouse: Warehouse,
	clientId: string,
	bling: { parts: BlingSyncPart[]; from?: string; to?: string; env: NodeJS.ProcessEnv } | null,
	upseller: boolean,
	io: CliIo,
): Promise<void> {
	if (bling && bling.parts.length > 0) {
		const result = await syncBlingClient({
			warehouse,
			app: blingAppFromEnv(bling.env),
			clientId,
			parts: bling.parts,
			from: bling.from,
			to: bling.to,
			log: (line) => io.out(`  bling ${line}`),
		});
		io.out(
			`ok bling: ${result.snapshots} linhas de estoque (${result.skus} SKUs), ${result.receivables} contas a receber e ` +
				`${result.payables} a pagar em ${result.financeDays} dias; ${result.requests} chamadas`,
		);
	}
	if (upseller) {
		const result = await syncUpSellerClient({ warehouse, config: upSellerConfigFromEnv(bling?.env ?? io.env), clientId, log: (line) => io.out(`  upseller ${line}`) });
		io.out(`ok upseller: ${result.snapshots} linhas de estoque (${result.skus} SKUs) em ${result.warehouses} armazéns`);
	}
}

export async function run(args: string[], io: CliIo): Promise<number> {
	const { positionals, values } = parseCommandArgs(
		args,
		{
			client: { type: 'string' },
			from: { type: 'string' },
			to: { type: 'string' },
			sources: { type: 'string' },
			incremental: { type: 'boolean' },
		},
		USAGE,
	);
	if (positionals[0] !== 'run' || positionals.length > 1) throw new UserInputError(`Uso: ${USAGE}`);
	const reference = values.client as string | undefined;
	const from = values.from as string | undefined;
	const to = (values.to as string | undefined) ?? todaySp();
	const requested = ((values.sources as string | undefined) ?? 'mercadolivre').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
	const mlRequested = requested.filter((s) => !isOtherSource(s));
	const upseller = requested.includes('upseller');
	if (!reference) throw new UserInputError(`Informe --client.\nUso: ${USAGE}`);
	if (mlRequested.length > 0 && (!from || !isDay(from))) throw new UserInputError(`--from deve ser uma data AAAA-MM-DD.\nUso: ${USAGE}`);
	if (from !== undefined && !isDay(from)) throw new UserInputError('--from deve ser uma data AAAA-MM-DD');
	if (!isDay(to)) throw new UserInputError('--to deve ser uma data AAAA-MM-DD');
	if (from && to < from) throw new UserInputError('--to é anterior a --from');
	let sources;
	let app;
	let blingParts: BlingSyncPart[];
	try {
		blingParts = parseBlingParts(requested.filter((s) => s.startsWith('bling')));
		sources = mlRequested.length > 0 ? parseSyncSources(mlRequested.join(',')) : [];
		app = mlRequested.length > 0 ? appFromEnv(io.env) : undefined;
		if (blingParts.length > 0) blingAppFromEnv(io.env);
	} catch (error) {
		throw new UserInputError((error as Error).message);
	}
	const mode = values.incremental ? 'incremental' : 'full';
	// Bling's finance range is its own (due dates, also ahead of today) unless given explicitly.
	const blingRange = { from, to: values.to as string | undefined, parts: blingParts, env: io.env };
	return withWarehouseFromEnv(async (warehouse) => {
		const client = await warehouse.clients.require(reference);
		if (!app || !from) {
			io.out(`${client.name} (${client.id}): carga [${requested.join(', ')}]`);
			await runOtherSources(warehouse, client.id, blingRange, upseller, io);
			return 0;
		}
		io.out(`${client.name} (${client.id}): carga ${mode === 'full' ? 'completa' : 'incremental'} de ${from} a ${to} [${sources.join(', ')}]`);
		const result = await syncClient({
			warehouse,
			app,
			clientId: client.id,
			from,
			to,
			sources,
			mode,
			invalidGrant: (message) => new InvalidGrantError(message),
			log: (line) => io.out(`  ${line}`),
		});
		io.out(
			`ok: ${result.orders} pedidos (${result.lines} linhas), ${result.items} anúncios, ${result.visits} visitas, ` +
				`${result.adGroups} grupos de anúncios; ${result.rowsWritten} linhas gravadas, ${result.factRowsWritten} linhas de fatos; ` +
				`${result.requests} chamadas em ${(result.durationMs / 1000).toFixed(1)} s`,
		);
		await runOtherSources(warehouse, client.id, blingRange, upseller, io);
		return 0;
	}, io.env);
}
