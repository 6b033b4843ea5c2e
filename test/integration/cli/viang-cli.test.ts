// The `viang` command as a real child process (Node 24, ts-node) against real PostgreSQL.
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../../../domain/warehouse/local-postgres';
import { createTestDatabase, type TestDatabase } from '../../support/database';

const ROOT = join(__dirname, '..', '..', '..');
const KEY = 'a1'.repeat(32);

interface CliResult {
	code: number;
	stdout: string;
	stderr: string;
}

function viang(args: string[], env: Record<string, string | undefined>, stdin?: string): Promise<CliResult> {
	return new Promise((resolve) => {
		const baseEnv = { ...process.env };
		for (const name of ['DATABASE_URL', 'SUPABASE_URL', 'SUPABASE_SERVICE_ROLE_KEY', 'VIANG_TOKEN_KEY', 'VIANG_TOKEN_KEY_PREVIOUS']) delete baseEnv[name];
		const child = execFile(
			process.execPath,
			['-r', 'ts-node/register/transpile-only', join(ROOT, 'cli', 'viang.ts'), ...args],
			{ cwd: ROOT, env: { ...baseEnv, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), ...env } },
			(error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
		);
		child.stdin?.end(stdin ?? '');
	});
}

let db: TestDatabase;
let env: Record<string, string>;

async function sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
	const client = new Client({ connectionString: db.url });
	await client.connect();
	try {
		return (await client.query(text, values)).rows as T[];
	} finally {
		await client.end();
	}
}

const clientCount = async () => Number((await sql<{ n: string }>('select count(*) as n from clients'))[0].n);

beforeAll(async () => {
	db = await createTestDatabase();
	env = { DATABASE_URL: db.url, VIANG_TOKEN_KEY: KEY };
});

afterAll(async () => {
	await db.drop();
});

describe('viang db migrate', () => {
	test('applies from zero, then nothing on re-run', async () => {
		const first = await viang(['db', 'migrate'], env);
		expect(first.code).toBe(0);
		expect(first.stdout).toMatch(/aplicada: 20260301000000_roles_and_schemas\.sql/);
		const second = await viang(['db', 'migrate'], env);
		expect(second).toMatchObject({ code: 0 });
		expect(second.stdout).toMatch(/^0 migração\(ões\) aplicada\(s\)/m);
	});
});

describe('viang clients', () => {
	test('add prints the new id; the imported refresh token is stored encrypted, expired', async () => {
		const result = await viang(
			['clients', 'add', '--name', 'Loja CLI', '--email', 'cli@example.com', '--document', '11.222.333/0001-81', '--ml-user-id', '42', '--ml-refresh-token', 'TG-cli-refresh-1'],
			env,
		);
		expect(result.code).toBe(0);
		expect(result.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);
		const [row] = await sql<{ status: string; refresh_token_enc: string; access_token_enc: string | null; expired: boolean }>(
			`select c.status, p.refresh_token_enc, p.access_token_enc, p.expires_at < now() as expired
			from clients c join provider_credentials p on p.client_id = c.id where c.id = $1`,
			[result.stdout.trim()],
		);
		expect(row).toMatchObject({ status: 'authorized', access_token_enc: null, expired: true });
		expect(row.refresh_token_enc).toMatch(/^v1:[0-9a-f]{8}:/);
		expect(row.refresh_token_enc).not.toContain('TG-cli-refresh-1');
	});

	test('the refresh token can come from standard input', async () => {
		const result = await viang(['clients', 'add', '--name', 'Loja Stdin', '--email', 'stdin@example.com', '--ml-refresh-token', '-'], env, 'TG-from-stdin\n');
		expect(result.code).toBe(0);
		const [row] = await sql<{ refresh_token_enc: string }>('select refresh_token_enc from provider_credentials where client_id = $1', [result.stdout.trim()]);
		expect(row.refresh_token_enc).toMatch(/^v1:/);
	});

	test.each([
		[['--name', 'X', '--email', 'not-an-email'], /E-mail inválido/],
		[['--name', 'X', '--email', 'x@example.com', '--document', '11.222.333/0001-82'], /CPF\/CNPJ inválido/],
		[['--name', 'X', '--email', 'x@example.com', '--document', '111.444.777-36'], /CPF\/CNPJ inválido/],
		[['--name', 'X', '--email', 'x@example.com', '--ml-user-id', 'abc'], /só números/],
		[['--email', 'x@example.com'], /Informe o nome/],
		[['--name', 'X', '--email', 'x@example.com', '--bogus', '1'], /bogus/],
		[['--name', 'loja cli', '--email', 'x@example.com'], /Já existe um cliente com o nome/],
	])('bad input %j exits 2 and writes nothing', async (args, message) => {
		const before = await clientCount();
		const result = await viang(['clients', 'add', ...args], env);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(message);
		expect(result.stdout).toBe('');
		expect(await clientCount()).toBe(before);
	});

	test('a refresh token without VIANG_TOKEN_KEY exits 2 and writes nothing', async () => {
		const before = await clientCount();
		const result = await viang(['clients', 'add', '--name', 'Sem chave', '--email', 'k@example.com', '--ml-refresh-token', 'TG-x'], {
			DATABASE_URL: db.url,
		});
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/VIANG_TOKEN_KEY/);
		expect(result.stderr).not.toContain('TG-x');
		expect(await clientCount()).toBe(before);
	});

	test('list and show (by name, any case), never a token', async () => {
		const list = await viang(['clients', 'list'], env);
		expect(list.code).toBe(0);
		expect(list.stdout).toMatch(/Loja CLI/);
		const json = JSON.parse((await viang(['clients', 'list', '--json'], env)).stdout) as Array<{ name: string; status: string }>;
		expect(json.map((c) => c.name)).toEqual(['Loja CLI', 'Loja Stdin']);
		const show = await viang(['clients', 'show', 'loja cli'], env);
		expect(show.code).toBe(0);
		expect(show.stdout).toMatch(/CNPJ 11\.222\.333\/0001-81/);
		expect(show.stdout).toMatch(/mercadolivre: conta 42/);
		expect(show.stdout).not.toMatch(/TG-cli-refresh-1|v1:/);
	});

	test('an unknown client exits 2', async () => {
		const result = await viang(['clients', 'show', 'Ninguém'], env);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/Cliente não encontrado: "Ninguém"/);
	});

	test('an unknown group or command exits 2', async () => {
		expect((await viang(['nope'], env)).code).toBe(2);
		expect((await viang(['clients', 'remove'], env)).code).toBe(2);
		const help = await viang(['--help'], env);
		expect(help.code).toBe(0);
		expect(help.stdout).toMatch(/clients/);
	});
});

describe('viang tokens rotate-key', () => {
	test('re-encrypts with the new key; the old one is needed as previous', async () => {
		const newKey = Buffer.alloc(32, 7).toString('base64');
		const withoutPrevious = await viang(['tokens', 'rotate-key'], { DATABASE_URL: db.url, VIANG_TOKEN_KEY: newKey });
		expect(withoutPrevious.code).toBe(2);
		expect(withoutPrevious.stderr).toMatch(/VIANG_TOKEN_KEY_PREVIOUS/);
		const rotated = await viang(['tokens', 'rotate-key'], { DATABASE_URL: db.url, VIANG_TOKEN_KEY: newKey, VIANG_TOKEN_KEY_PREVIOUS: KEY });
		expect(rotated.code).toBe(0);
		expect(rotated.stdout).toMatch(/2 segredo\(s\) recifrado\(s\)/);
		const ids = await sql<{ key_id: string }>(`select distinct split_part(refresh_token_enc, ':', 2) as key_id from provider_credentials`);
		expect(ids).toHaveLength(1);
		expect(rotated.stdout).toContain(ids[0].key_id);
		const badKey = await viang(['tokens', 'rotate-key'], { DATABASE_URL: db.url, VIANG_TOKEN_KEY: 'short' });
		expect(badKey.code).toBe(2);
	});
});

describe('embedded default (no DATABASE_URL, no SUPABASE_URL)', () => {
	test('starts PostgreSQL in the data folder on the configured port, migrates, keeps data across runs', async () => {
		const dataDir = mkdtempSync(join(tmpdir(), 'viang-data-'));
		chmodSync(dataDir, 0o755);
		const port = String(await freePort());
		const embeddedEnv = { VIANG_DATA_DIR: dataDir, VIANG_EMBEDDED_PG_PORT: port, VIANG_TOKEN_KEY: KEY };
		try {
			const added = await viang(['clients', 'add', '--name', 'Embutido', '--email', 'e@example.com'], embeddedEnv);
			expect(added.stderr).toMatch(/criado/);
			expect(added.code).toBe(0);
			const migrateAgain = await viang(['db', 'migrate'], embeddedEnv);
			expect(migrateAgain.stdout).toContain(`porta ${port}`);
			const list = await viang(['clients', 'list', '--json'], embeddedEnv);
			expect(JSON.parse(list.stdout).map((c: { name: string }) => c.name)).toEqual(['Embutido']);
		} finally {
			rmSync(dataDir, { recursive: true, force: true });
		}
	});
});
