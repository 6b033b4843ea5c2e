// `viang etl run` end to end through the CLI dispatcher: env configuration, full then incremental.
import { main, type CliIo } from '../../../cli/viang';
import { addDays, todaySp } from '../../../domain/mercadolivre';
import { count } from './expected-facts';
import { APP_CREDENTIALS, MlHarness, startHarness } from './harness';

jest.setTimeout(120_000);

describe('viang etl run', () => {
	let h: MlHarness;
	let clientId: string;
	const lines: string[] = [];
	const io = (): CliIo => ({
		out: (line) => lines.push(line),
		err: (line) => lines.push(`ERR ${line}`),
		env: {
			DATABASE_URL: h.db.url,
			VIANG_TOKEN_KEY: h.tokenKey,
			MERCADOLIVRE_CLIENT_ID: APP_CREDENTIALS.clientId,
			MERCADOLIVRE_CLIENT_SECRET: APP_CREDENTIALS.clientSecret,
			MERCADOLIVRE_API_URL: h.fake.url,
			MERCADOLIVRE_AUTH_URL: h.fake.authUrl,
			MERCADOLIVRE_APP_RATE: '200',
			MERCADOLIVRE_SELLER_RATE: '200',
		},
		readStdin: async () => '',
	});

	beforeAll(async () => {
		h = await startHarness();
		({ clientId } = await h.addClient({ userId: 9201, orders: 600, items: 30, days: 10, seed: 92 }, 'Loja CLI'));
	});
	afterAll(() => h?.close());

	it('loads a client by name, then runs incrementally', async () => {
		const from = addDays(todaySp(), -10);
		expect(await main(['etl', 'run', '--client', 'Loja CLI', '--from', from, '--sources', 'mercadolivre'], io())).toBe(0);
		expect(lines.join('\n')).toContain('ok: 600 pedidos');
		expect(await count(h.db.url, 'select count(*) n from ml_orders where client_id = $1', [clientId])).toBe(600);
		lines.length = 0;
		expect(await main(['etl', 'run', '--client', clientId, '--from', from, '--incremental'], io())).toBe(0);
		expect(lines.join('\n')).toContain('incremental');
		expect(lines.join('\n')).not.toMatch(/APP_USR|TG-/);
	});

	it('refuses bad input with exit code 2', async () => {
		expect(await main(['etl', 'run', '--client', 'Loja CLI', '--from', '2026-13-01'], io())).toBe(2);
		expect(await main(['etl', 'run', '--client', 'Loja CLI', '--from', '2026-01-01', '--sources', 'bling'], io())).toBe(2);
	});
});
