// `viang etl run --sources bling,upseller` through the CLI dispatcher: env configuration, both
// sources for one client, and bad input refused with exit code 2.
import { main, type CliIo } from '../../../cli/viang';
import { storeUpSellerCredentials } from '../../../domain/upseller';
import { FakeUpSeller } from '../../fakes/upseller';
import { BLING_APP, BlingHarness, startBlingHarness } from './harness';
import { day, seedAccount } from './seed';

jest.setTimeout(120_000);

describe('viang etl run (Bling, UpSeller)', () => {
	let h: BlingHarness;
	let ups: FakeUpSeller;
	let clientId: string;
	const lines: string[] = [];
	const io = (extra: NodeJS.ProcessEnv = {}): CliIo => ({
		out: (line) => lines.push(line),
		err: (line) => lines.push(`ERR ${line}`),
		env: {
			DATABASE_URL: h.db.url,
			VIANG_TOKEN_KEY: h.tokenKey,
			BLING_CLIENT_ID: BLING_APP.clientId,
			BLING_CLIENT_SECRET: BLING_APP.clientSecret,
			BLING_API_URL: h.fake.apiUrl,
			BLING_TOKEN_URL: h.fake.tokenUrl,
			UPSELLER_BASE_URL: ups.url,
			...extra,
		},
		readStdin: async () => '',
	});

	beforeAll(async () => {
		h = await startBlingHarness();
		ups = new FakeUpSeller();
		await ups.start();
		ups.addAccount({ clientId: 'u1', apiToken: 'u1-token', warehouses: [{ warehouseId: 'w', warehouseName: 'Galpão', skus: [{ sku: 'SKU-A', availableStock: 9 }] }] });
		({ clientId } = await h.addClient(seedAccount(7301), { name: 'Loja CLI Bling' }));
		await storeUpSellerCredentials(h.warehouse.vault, clientId, { clientId: 'u1', apiToken: 'u1-token' });
	});
	afterAll(async () => {
		await ups.stop();
		await h.close();
	});

	it('loads Bling stock and finance and UpSeller stock for a client by name', async () => {
		const code = await main(['etl', 'run', '--client', 'Loja CLI Bling', '--sources', 'bling,upseller', '--from', day(-15), '--to', day(10)], io());
		expect(lines.join('\n')).toContain('ok bling: 155 linhas de estoque (154 SKUs), 6 contas a receber e 3 a pagar em 26 dias');
		expect(lines.join('\n')).toContain('ok upseller: 1 linhas de estoque (1 SKUs) em 1 armazéns');
		expect(code).toBe(0);
		const sources = await h.sql('select source, count(*)::int n from stock_snapshots where client_id = $1 group by source order by source', [clientId]);
		expect(sources).toEqual([
			{ source: 'bling', n: 155 },
			{ source: 'upseller', n: 1 },
		]);
		const log = await h.sql('select source, status from updates_log where client_id = $1 order by id', [clientId]);
		expect(log).toEqual([
			{ source: 'bling_stock', status: 'success' },
			{ source: 'bling_finance', status: 'success' },
			{ source: 'upseller_stock', status: 'success' },
		]);
		expect(lines.join('\n')).not.toMatch(/bling-at-|bling-rt-|u1-token/);
	});

	it('runs one Bling part alone without --from', async () => {
		lines.length = 0;
		expect(await main(['etl', 'run', '--client', clientId, '--sources', 'bling.stock'], io())).toBe(0);
		expect(lines.join('\n')).toContain('0 contas a receber');
	});

	it('refuses bad input with exit code 2', async () => {
		expect(await main(['etl', 'run', '--client', clientId, '--sources', 'bling.nope'], io())).toBe(2);
		expect(await main(['etl', 'run', '--client', clientId, '--sources', 'bling'], io({ BLING_CLIENT_ID: '' }))).toBe(2);
	});
});
