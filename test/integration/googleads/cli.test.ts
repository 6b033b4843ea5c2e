// `viang mcc …` through the real dispatcher (in process), against the fake Google Ads and a real
// PostgreSQL: output, exit codes, and nothing written on bad input.
import { main, type CliIo } from '../../../cli/viang';
import { historyOf, startHarness, type Harness } from './harness';

interface Run {
	code: number;
	out: string[];
	err: string[];
}

describe('viang mcc', () => {
	let h: Harness;
	let env: NodeJS.ProcessEnv;

	const viang = async (args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<Run> => {
		const out: string[] = [];
		const err: string[] = [];
		const io: CliIo = {
			out: (line) => out.push(line),
			err: (line) => err.push(line),
			env: { ...env, ...extraEnv },
			readStdin: async () => '',
		};
		return { code: await main(['mcc', ...args], io), out, err };
	};

	const counts = async () =>
		(await h.sql('select (select count(*) from google_ads_links)::int as links, (select count(*) from google_ads_link_history)::int as history'))[0];

	beforeAll(async () => {
		h = await startHarness();
		await h.createClient('Acme');
		const c = h.fake.config();
		env = {
			DATABASE_URL: h.db.url,
			VIANG_TOKEN_KEY: '0'.repeat(64),
			GOOGLE_ADS_DEVELOPER_TOKEN: c.developerToken,
			GOOGLE_ADS_CLIENT_ID: c.clientId,
			GOOGLE_ADS_CLIENT_SECRET: c.clientSecret,
			GOOGLE_ADS_REFRESH_TOKEN: c.refreshToken,
			GOOGLE_ADS_MANAGER_CUSTOMER_ID: '999-888-7777',
			GOOGLE_ADS_API_URL: c.apiUrl,
			GOOGLE_ADS_TOKEN_URL: c.tokenUrl,
		};
	});

	afterAll(async () => {
		await h.close();
	});

	it.each([
		[['invite', 'Acme', '123456789'], /Customer ID "123456789" is not valid: it has 9 digits/],
		[['invite', 'Acme', '12345abcde'], /may contain only digits and dashes/],
		[['invite', 'Acme', '9998887777'], /999-888-7777 is the manager account \(MCC\) itself/],
		[['invite', 'Acme'], /Uso: viang mcc invite <cliente> <customer id>/],
		[['frobnicate'], /Uso:/],
	])('%j → exit 2, nothing sent or written', async (args, message) => {
		const before = { requests: h.fake.server.requests.length, rows: await counts() };
		const run = await viang(args);
		expect(run.code).toBe(2);
		expect(run.err.join('\n')).toMatch(message);
		expect(h.fake.server.requests.length).toBe(before.requests);
		expect(await counts()).toEqual(before.rows);
	});

	it('missing settings → exit 2 naming them, never echoing secrets', async () => {
		const run = await viang(['sync'], { GOOGLE_ADS_REFRESH_TOKEN: '', GOOGLE_ADS_CLIENT_SECRET: '' });
		expect(run.code).toBe(2);
		expect(run.err.join('\n')).toBe('Erro: Google Ads configuration is missing: OAuth client secret, refresh token');
		expect(run.err.join('\n')).not.toContain(env.GOOGLE_ADS_DEVELOPER_TOKEN);
	});

	it('invite, status, sync', async () => {
		const invited = await viang(['invite', 'Acme', '123-456-7890']);
		expect(invited).toMatchObject({ code: 0, out: ['Acme (123-456-7890): NOT_LINKED → PENDING (Google: PENDING) — convite enviado'] });

		const again = await viang(['invite', 'acme', '1234567890']);
		expect(again.out).toEqual(['Acme (123-456-7890): PENDING (Google: PENDING) — já tinha convite pendente: nenhum convite novo']);

		h.fake.accept('1234567890');
		const synced = await viang(['sync']);
		expect(synced).toMatchObject({ code: 0, out: ['1 cliente(s) verificado(s), 1 mudança(s)', '  Acme (123-456-7890): PENDING → APPROVED'] });

		const status = await viang(['status', 'Acme']);
		expect(status.code).toBe(0);
		expect(status.out[0]).toBe('Acme (123-456-7890): APPROVED (Google: ACTIVE)');
		expect(status.out.slice(1).map((line) => line.replace(/^\s+\S+\s+/, ''))).toEqual([
			'sync     PENDING → APPROVED  [ok] por cli',
			'invite   PENDING → PENDING  [noop] por cli',
			expect.stringMatching(/^invite {3}NOT_LINKED → PENDING {2}\[ok\] por cli \(request id [A-Za-z0-9]{22}\)$/),
		]);

		const json = await viang(['status', 'Acme', '--stored', '--json']);
		expect(JSON.parse(json.out.join('\n'))).toMatchObject({ status: 'APPROVED', customerId: '123-456-7890', history: expect.any(Array) });
		const clientId = (await h.sql('select id from clients where name = $1', ['Acme']))[0].id as string;
		expect((await historyOf(h, clientId)).every((row) => row.actor === 'cli')).toBe(true);
	});

	it('a Google refusal → exit 1 with the clear message', async () => {
		await h.createClient('Zulu');
		const run = await viang(['invite', 'Zulu', '1010101010']);
		expect(run.code).toBe(1);
		expect(run.err.join('\n')).toMatch(/^Falhou: Google Ads customerClientLinks\.create .* \[requestError\.INVALID_CUSTOMER_ID\]: the customer id does not exist or is not valid/);
	});
});
