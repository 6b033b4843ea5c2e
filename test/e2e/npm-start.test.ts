// `npm start` as a developer runs it: the stack comes up, prints the n8n URL and the owner login,
// the Viang nodes are in what n8n's node panel loads, the workflows of workflows/ are imported, and
// Ctrl-C stops everything (n8n and the embedded warehouse).
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../../domain/warehouse/local-postgres';

const root = join(__dirname, '..', '..');

describe('npm start', () => {
	let stack: ChildProcess;
	let output = '';
	let dataDir: string;
	let n8nPort: number;
	let pgPort: number;

	const waitFor = (pattern: RegExp, timeoutMs = 420_000) =>
		new Promise<RegExpMatchArray>((resolve, reject) => {
			const deadline = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}:\n${output}`)), timeoutMs);
			const check = () => {
				const match = output.match(pattern);
				if (match) {
					clearTimeout(deadline);
					stack.stdout?.off('data', check);
					resolve(match);
				}
			};
			stack.stdout?.on('data', check);
			check();
		});

	beforeAll(async () => {
		dataDir = mkdtempSync(join(tmpdir(), 'viang-start-'));
		// Like the project's .data/: PostgreSQL runs as its own user and must reach its folder.
		chmodSync(dataDir, 0o755);
		n8nPort = await freePort();
		pgPort = await freePort();
		const env: NodeJS.ProcessEnv = { ...process.env, VIANG_DATA_DIR: dataDir, N8N_PORT: String(n8nPort), VIANG_EMBEDDED_PG_PORT: String(pgPort) };
		delete env.DATABASE_URL;
		delete env.SUPABASE_URL;
		delete env.TELEGRAM_BOT_TOKEN;
		stack = spawn(process.execPath, [join(root, 'scripts', 'start.mjs')], { env, cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
		stack.stdout?.on('data', (d) => (output += d));
		stack.stderr?.on('data', (d) => (output += d));
		await waitFor(/Ctrl-C stops everything/);
	});

	afterAll(async () => {
		if (stack.exitCode === null) stack.kill('SIGKILL');
		rmSync(dataDir, { recursive: true, force: true });
	});

	it('prints the n8n URL and an owner login that works', async () => {
		const [, url, email, password] = output.match(/n8n:\s+(http:\/\/localhost:\d+)\s+\(login (\S+) \/ (\S+)\)/)!;
		expect(url).toBe(`http://localhost:${n8nPort}`);
		const login = await fetch(`http://127.0.0.1:${n8nPort}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: email, password }),
		});
		expect(login.status).toBe(200);
		const cookie = login.headers.get('set-cookie')!.split(';')[0];

		// What the editor's node panel loads.
		const types = await fetch(`http://127.0.0.1:${n8nPort}/types/nodes.json`, { headers: { cookie } });
		expect(types.status).toBe(200);
		const names = ((await types.json()) as Array<{ name: string }>).map((node) => node.name);
		expect(names).toEqual(expect.arrayContaining(['n8n-nodes-viang.viang', 'n8n-nodes-viang.mercadoLivre']));

		const workflows = await fetch(`http://127.0.0.1:${n8nPort}/rest/workflows`, { headers: { cookie } });
		const list = ((await workflows.json()) as { data: Array<{ id: string }> }).data.map((w) => w.id);
		const files = readdirSync(join(root, 'workflows')).filter((f) => f.endsWith('.json'));
		expect(list.length).toBeGreaterThanOrEqual(files.length);
	});

	it('runs the embedded warehouse with the migrations applied', async () => {
		const client = new Client({ connectionString: `postgres://postgres@127.0.0.1:${pgPort}/viang` });
		await client.connect();
		const { rows } = await client.query('select ok from public.wh_health()');
		await client.end();
		expect(rows[0].ok).toBe(true);
	});

	it('stops everything on Ctrl-C', async () => {
		const exited = new Promise<number | null>((resolve) => stack.on('exit', (code) => resolve(code)));
		stack.kill('SIGINT');
		expect(await exited).toBe(0);
		expect(output).toContain('[viang] stopped');
		const probe = new Client({ connectionString: `postgres://postgres@127.0.0.1:${pgPort}/viang`, connectionTimeoutMillis: 2000 });
		await expect(probe.connect()).rejects.toThrow();
		const n8nUp = await fetch(`http://127.0.0.1:${n8nPort}/healthz`).then(() => true).catch(() => false);
		expect(n8nUp).toBe(false);
	});
});
