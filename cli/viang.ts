#!/usr/bin/env node
// `viang <group> <command> [options]`: a small dispatcher over cli/commands/<group>.ts. Each group
// module exports `summary` and `run(args, io)`; adding a group is one line in `groups` below.
// Exit codes: 0 ok, 1 failure, 2 bad input (nothing written).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserInputError } from '../domain/validation/errors';
import { TokenKeyError } from '../domain/crypto/token-cipher';
import { redactSecrets } from '../domain/warehouse/redact';

export interface CliIo {
	out(line: string): void;
	err(line: string): void;
	env: NodeJS.ProcessEnv;
	/** Whole standard input, for secrets passed as `-` (kept out of shell history and `ps`). */
	readStdin(): Promise<string>;
}

export interface CommandGroup {
	summary: string;
	run(args: string[], io: CliIo): Promise<number | void>;
}

const groups: Record<string, () => Promise<CommandGroup>> = {
	db: () => import('./commands/db'),
	clients: () => import('./commands/clients'),
	tokens: () => import('./commands/tokens'),
	metabase: () => import('./commands/metabase'),
	mcc: () => import('./commands/mcc'),
	etl: () => import('./commands/etl'),
};

export type ParsedArgs = ReturnType<typeof parseArgs>;

/** node:util parseArgs, with unknown or malformed options reported as bad input (exit 2). */
export function parseCommandArgs<T extends ParseArgsConfig['options']>(args: string[], options: T, usage: string) {
	try {
		return parseArgs({ args, options, allowPositionals: true, strict: true });
	} catch (error) {
		throw new UserInputError(`${(error as Error).message}\nUso: ${usage}`);
	}
}

export async function usage(io: CliIo): Promise<void> {
	io.out('Uso: viang <grupo> <comando> [opções]');
	io.out('');
	for (const [name, load] of Object.entries(groups)) {
		io.out(`  ${name.padEnd(10)} ${(await load()).summary}`);
	}
}

export async function main(argv: string[], io: CliIo): Promise<number> {
	const [groupName, ...rest] = argv;
	try {
		if (!groupName || groupName === '--help' || groupName === '-h' || groupName === 'help') {
			await usage(io);
			return groupName ? 0 : 2;
		}
		const load = groups[groupName];
		if (!load) throw new UserInputError(`Grupo de comandos desconhecido: "${groupName}". Veja \`viang --help\`.`);
		const group = await load();
		return (await group.run(rest, io)) ?? 0;
	} catch (error) {
		const message = redactSecrets(error instanceof Error ? error.message : String(error));
		if (error instanceof UserInputError || error instanceof TokenKeyError) {
			io.err(`Erro: ${message}`);
			return 2;
		}
		io.err(`Falhou: ${message}`);
		return 1;
	}
}

function readStdin(): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
		process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		process.stdin.on('error', reject);
	});
}

if (require.main === module) {
	const io: CliIo = {
		out: (line) => process.stdout.write(`${line}\n`),
		err: (line) => process.stderr.write(`${line}\n`),
		env: process.env,
		readStdin,
	};
	main(process.argv.slice(2), io).then(
		(code) => {
			process.exitCode = code;
		},
		(error) => {
			process.stderr.write(`Falhou: ${redactSecrets(String(error))}\n`);
			process.exitCode = 1;
		},
	);
}
