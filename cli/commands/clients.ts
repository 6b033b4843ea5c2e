// `viang clients add|list|show`: registering clients (existing ones brought over with their
// Mercado Livre refresh token) and looking at them. Input is validated before anything is written.
import { TokenCipher } from '../../domain/crypto/token-cipher';
import { formatDocument } from '../../domain/validation/document';
import { validateNewClient } from '../../domain/validation/client-input';
import { UserInputError } from '../../domain/validation/errors';
import { ClientNotFoundError } from '../../domain/warehouse/errors';
import type { Client } from '../../domain/warehouse/types';
import { withWarehouseFromEnv } from '../../domain/warehouse/warehouse';
import { parseCommandArgs, type CliIo } from '../viang';

export const summary = 'clientes: add, list, show';

const USAGE = [
	'viang clients add --name <nome> --email <e-mail> [--document <CPF/CNPJ>] [--ml-user-id <id>] [--ml-refresh-token <token|->]',
	'viang clients list [--json]',
	'viang clients show <id|nome> [--json]',
].join('\n     ');

export async function run(args: string[], io: CliIo): Promise<number> {
	const [command, ...rest] = args;
	if (command === 'add') return add(rest, io);
	if (command === 'list') return list(rest, io);
	if (command === 'show') return show(rest, io);
	throw new UserInputError(`Uso: ${USAGE}`);
}

async function add(args: string[], io: CliIo): Promise<number> {
	const { values, positionals } = parseCommandArgs(
		args,
		{
			name: { type: 'string' },
			email: { type: 'string' },
			document: { type: 'string' },
			'ml-user-id': { type: 'string' },
			'ml-refresh-token': { type: 'string' },
		},
		USAGE,
	);
	if (positionals.length > 0) throw new UserInputError(`Argumento inesperado: "${positionals[0]}"\nUso: ${USAGE}`);
	// Everything is checked before connecting, so bad input never writes anything.
	const valid = validateNewClient({
		name: values.name as string | undefined,
		email: values.email as string | undefined,
		document: values.document as string | undefined,
		mlUserId: values['ml-user-id'] as string | undefined,
	});
	let refreshToken = values['ml-refresh-token'] as string | undefined;
	if (refreshToken === '-') refreshToken = (await io.readStdin()).trim();
	if (refreshToken !== undefined) {
		if (refreshToken === '') throw new UserInputError('--ml-refresh-token está vazio');
		TokenCipher.fromEnv(io.env);
	}
	const client = await withWarehouseFromEnv(
		(warehouse) => warehouse.clients.create({ ...valid, mlRefreshToken: refreshToken }),
		io.env,
	);
	io.err(`Cliente "${client.name}" criado (status ${client.status})`);
	io.out(client.id);
	return 0;
}

function clientJson(client: Client): Record<string, unknown> {
	return { ...client, statusChangedAt: client.statusChangedAt.toISOString(), createdAt: client.createdAt.toISOString(), updatedAt: client.updatedAt.toISOString() };
}

async function list(args: string[], io: CliIo): Promise<number> {
	const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, USAGE);
	if (positionals.length > 0) throw new UserInputError(`Argumento inesperado: "${positionals[0]}"`);
	const clients = await withWarehouseFromEnv((warehouse) => warehouse.clients.list(), io.env);
	if (values.json) {
		io.out(JSON.stringify(clients.map(clientJson), null, 2));
		return 0;
	}
	if (clients.length === 0) {
		io.out('Nenhum cliente cadastrado.');
		return 0;
	}
	const rows = clients.map((client) => [client.id, client.status, client.name, client.contactEmail, client.mlUserId ?? '']);
	const header = ['id', 'status', 'nome', 'e-mail', 'ml_user_id'];
	const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
	for (const row of [header, ...rows]) io.out(row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd());
	return 0;
}

async function show(args: string[], io: CliIo): Promise<number> {
	const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, USAGE);
	if (positionals.length !== 1) throw new UserInputError(`Informe um cliente (id ou nome)\nUso: ${USAGE}`);
	const reference = positionals[0];
	const details = await withWarehouseFromEnv(async (warehouse) => {
		const client = await warehouse.clients.findByIdOrName(reference);
		if (!client) throw new ClientNotFoundError(reference);
		const [credentials, history, runs] = await Promise.all([
			warehouse.clients.credentials(client.id),
			warehouse.clients.statusHistory(client.id),
			warehouse.runs.recent(client.id, 10),
		]);
		return { client, credentials, history, runs };
	}, io.env);
	if (values.json) {
		io.out(JSON.stringify({ ...details, client: clientJson(details.client) }, null, 2));
		return 0;
	}
	const { client, credentials, history, runs } = details;
	io.out(`${client.name} (${client.id})`);
	io.out(`  status:      ${client.status} desde ${client.statusChangedAt.toISOString()}`);
	io.out(`  e-mail:      ${client.contactEmail}`);
	io.out(`  documento:   ${client.document ? `${client.documentType?.toUpperCase()} ${formatDocument(client.document)}` : '—'}`);
	io.out(`  ML user id:  ${client.mlUserId ?? '—'}`);
	io.out(`  criado em:   ${client.createdAt.toISOString()}`);
	io.out('  credenciais:');
	if (credentials.length === 0) io.out('    nenhuma');
	for (const credential of credentials) {
		const flags = [credential.needsReauth ? 'PRECISA REAUTORIZAR' : '', credential.hasRefreshToken ? '' : 'sem refresh token']
			.filter(Boolean)
			.join(', ');
		io.out(
			`    ${credential.provider}: conta ${credential.accountId ?? '—'}, expira ${credential.expiresAt.toISOString()}, ` +
				`versão ${credential.version}${flags ? ` (${flags})` : ''}`,
		);
	}
	io.out('  histórico de status:');
	for (const change of history) {
		io.out(`    ${change.changedAt.toISOString()}  ${change.fromStatus ?? '—'} → ${change.toStatus}${change.reason ? `  (${change.reason})` : ''}`);
	}
	if (runs.length > 0) {
		io.out('  últimas execuções:');
		for (const run of runs) {
			io.out(
				`    ${run.startedAt.toISOString()}  ${run.source}${run.step ? `/${run.step}` : ''}  ${run.status}` +
					`  lidas ${run.rowsRead ?? '—'}, gravadas ${run.rowsWritten ?? '—'}${run.errorMessage ? `  ${run.errorMessage}` : ''}`,
			);
		}
	}
	return 0;
}
