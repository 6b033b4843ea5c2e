// `viang metabase provision|link` through the real dispatcher (cli/viang.ts `main`), against a real
// warehouse and the fake Metabase.
import { main, type CliIo } from '../../../cli/viang';
import { verifyHs256 } from '../../../domain/metabase/jwt';
import { API_KEY, EMBEDDING_SECRET, startHarness, type Harness } from './harness';

let h: Harness;
let env: NodeJS.ProcessEnv;

async function viang(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string[]; err: string[] }> {
	const out: string[] = [];
	const err: string[] = [];
	const io: CliIo = { out: (line) => out.push(line), err: (line) => err.push(line), env: { ...env, ...extraEnv }, readStdin: async () => '' };
	const code = await main(args, io);
	return { code, out, err };
}

beforeAll(async () => {
	h = await startHarness();
	env = {
		DATABASE_URL: h.db.url,
		METABASE_URL: h.fake.url,
		METABASE_API_KEY: API_KEY,
		METABASE_EMBEDDING_SECRET: EMBEDDING_SECRET,
		METABASE_SITE_URL: 'https://bi.viang.com.br',
		METABASE_WAREHOUSE_URL: `postgres://analytics:senha-analytics@127.0.0.1:5432/${h.db.name}`,
	};
});

afterAll(async () => {
	await h?.close();
});

describe('viang metabase provision', () => {
	it('--dry-run prints the plan and creates nothing', async () => {
		const result = await viang(['metabase', 'provision', '--dry-run']);
		expect(result.code).toBe(0);
		expect(result.out).toContain('[simulação] criar: painel "Visão geral"');
		expect(result.out).toContain('[simulação] criar: pergunta "Receita"');
		expect(result.err.join('\n')).toMatch(/Simulação \(nada foi alterado\)/);
		expect(h.fake.writes()).toEqual([]);
		expect(await h.store.list()).toEqual([]);
	});

	it('provisions, then reports everything unchanged', async () => {
		const first = await viang(['metabase', 'provision']);
		expect(first.code).toBe(0);
		expect(first.out.filter((line) => line.startsWith('criar: painel'))).toHaveLength(5);
		const second = await viang(['metabase', 'provision']);
		expect(second.code).toBe(0);
		expect(second.out.filter((line) => !line.startsWith('definir:')).every((line) => line.startsWith('sem mudança:'))).toBe(true);
		// No secret in anything printed.
		const printed = [...first.out, ...first.err, ...second.out, ...second.err].join('\n');
		for (const secret of [API_KEY, EMBEDDING_SECRET, 'senha-analytics']) expect(printed).not.toContain(secret);
		expect(h.fake.invalidRequests).toEqual([]);
	});
});

describe('viang metabase link', () => {
	it('prints a signed link with the client locked and the expiry asked for', async () => {
		const before = Date.now();
		const result = await viang(['metabase', 'link', 'loja azul', '--minutes', '15']);
		expect(result.code).toBe(0);
		const url = result.out[0];
		const dashboardId = (await h.store.get('dashboard:visao-geral'))!.mbId;
		expect(url).toMatch(/^https:\/\/bi\.viang\.com\.br\/embed\/dashboard\/[\w-]+\.[\w-]+\.[\w-]+#bordered=true&titled=true$/);
		const token = url.split('/embed/dashboard/')[1].split('#')[0];
		const payload = verifyHs256(token, EMBEDDING_SECRET) as { resource: { dashboard: number }; params: Record<string, string>; exp: number };
		expect(payload.resource).toEqual({ dashboard: dashboardId });
		expect(payload.params).toEqual({ cliente: h.clients[0].id });
		expect(payload.exp * 1000).toBeGreaterThanOrEqual(before + 15 * 60_000 - 1000);
		expect(payload.exp * 1000).toBeLessThanOrEqual(Date.now() + 15 * 60_000);
		expect(result.err[0]).toMatch(/Painel "visao-geral" de Loja Azul, válido até/);
		// The dashboard is published with the same parameter locked.
		expect(h.fake.dashboards.get(dashboardId)?.embedding_params).toMatchObject({ cliente: 'locked' });
	});

	it('--dashboard and --json', async () => {
		const result = await viang(['metabase', 'link', h.clients[1].id, '--dashboard', 'estoque', '--json']);
		expect(result.code).toBe(0);
		const json = JSON.parse(result.out[0]);
		expect(json).toMatchObject({ client: { id: h.clients[1].id, name: 'Loja Verde' }, dashboard: 'estoque', dashboardId: (await h.store.get('dashboard:estoque'))!.mbId });
		const payload = verifyHs256(json.url.split('/embed/dashboard/')[1].split('#')[0], EMBEDDING_SECRET);
		expect(payload.params).toEqual({ cliente: h.clients[1].id });
	});
});

describe('bad input: pt-BR message, exit code 2', () => {
	it.each([
		[['metabase'], {}, /Uso: viang metabase provision/],
		[['metabase', 'deploy'], {}, /Uso:/],
		[['metabase', 'provision', 'agora'], {}, /Argumento inesperado/],
		[['metabase', 'provision', '--force'], {}, /Unknown option/],
		[['metabase', 'provision'], { METABASE_URL: '' }, /Defina METABASE_URL/],
		[['metabase', 'provision'], { METABASE_API_KEY: '' }, /METABASE_API_KEY, ou METABASE_USERNAME/],
		[['metabase', 'provision'], { METABASE_WAREHOUSE_URL: '' }, /METABASE_WAREHOUSE_HOST/],
		[['metabase', 'provision'], { METABASE_EMBEDDING_SECRET: 'curto' }, /64 caracteres/],
		[['metabase', 'link'], {}, /Informe um cliente/],
		[['metabase', 'link', 'Loja Azul', '--minutes', 'abc'], {}, /minutos/],
		[['metabase', 'link', 'Loja Azul', '--minutes', '0'], {}, /minutos/],
		[['metabase', 'link', 'Loja Azul', '--dashboard', 'vendas'], {}, /Painel desconhecido/],
		[['metabase', 'link', 'Loja Azul'], { METABASE_EMBEDDING_SECRET: '' }, /METABASE_EMBEDDING_SECRET/],
		[['metabase', 'link', 'Loja Inexistente'], {}, /Cliente não encontrado/],
	] as Array<[string[], NodeJS.ProcessEnv, RegExp]>)('%j with env %j', async (args, extraEnv, message) => {
		const writesBefore = h.fake.writes().length;
		const result = await viang(args, extraEnv);
		expect(result.code).toBe(2);
		expect(result.err.join('\n')).toMatch(/^Erro: /);
		expect(result.err.join('\n')).toMatch(message);
		expect(h.fake.writes().length).toBe(writesBefore);
	});

	it('a dashboard not provisioned yet is bad input too', async () => {
		const result = await viang(['metabase', 'link', 'Loja Azul'], { METABASE_URL: 'http://127.0.0.1:9' });
		expect(result.code).toBe(2);
		expect(result.err[0]).toMatch(/ainda não existe no Metabase: rode `viang metabase provision`/);
	});
});
