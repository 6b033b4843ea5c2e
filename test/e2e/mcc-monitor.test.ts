// The shipped mcc-monitor workflow in a real n8n: a client's Google Ads account was invited, the
// client accepts on Google's side, and the monitor (run by its manual trigger, the schedule's
// equivalent) records the approval and tells staff through the notification outbox.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import {
	AccessTokenCache,
	GoogleAdsClient,
	GoogleAdsLinkService,
	GoogleAdsLinksRepository,
	validateGoogleAdsConfig,
} from '../../domain/googleads';
import { migrate, openWarehouse, type Warehouse } from '../../domain/warehouse';
import { FakeGoogleAds } from '../fakes/googleads';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { N8nInstance, nodeOutput, type RunData } from '../support/n8n';

const TOKEN_KEY = randomBytes(32).toString('hex');
const CUSTOMER_ID = '1234567890';
const workflow = JSON.parse(readFileSync(join(__dirname, '..', '..', 'workflows', 'mcc-monitor.json'), 'utf8'));

describe('mcc-monitor workflow in n8n', () => {
	const fake = new FakeGoogleAds({ accounts: [{ customerId: CUSTOMER_ID, name: 'Loja Azul Ads' }] });
	let db: TestDatabase;
	let warehouse: Warehouse;
	let n8n: N8nInstance;
	let clientId: string;
	let run: RunData;

	beforeAll(async () => {
		await fake.start();
		db = await createTestDatabase();
		await migrate(db.url);
		warehouse = openWarehouse({ databaseUrl: db.url, tokenKey: TOKEN_KEY });
		clientId = (await warehouse.clients.create({ name: 'Loja Azul', email: 'ads@lojaazul.com.br' })).id;

		// Staff invited the account earlier (as the bot's /mcc or `viang mcc invite` do).
		const service = new GoogleAdsLinkService({
			api: new GoogleAdsClient(validateGoogleAdsConfig(fake.config()), { tokenCache: new AccessTokenCache() }),
			links: new GoogleAdsLinksRepository(warehouse.transport),
			clients: warehouse.clients,
			actor: 'bot:42',
		});
		await service.invite(clientId, '123-456-7890');
		fake.accept(CUSTOMER_ID);

		n8n = new N8nInstance();
		await n8n.importCredentials([
			{ id: 'googleAdsMcc', name: 'Google Ads MCC', type: 'googleAdsMccApi', data: fake.config() },
			{
				id: 'viangWarehouse',
				name: 'Viang Warehouse',
				type: 'viangWarehouseApi',
				data: { transport: 'postgres', databaseUrl: db.url, tokenKey: TOKEN_KEY },
			},
		]);
		await n8n.importWorkflow(workflow);
		run = await n8n.execute(workflow.id);
	});

	afterAll(async () => {
		await n8n?.dispose();
		await warehouse?.close();
		await db?.drop();
		await fake.stop();
	});

	it('reports the approval as a transition', () => {
		const transitions = nodeOutput(run, 'Sync Google Ads Links');
		expect(transitions).toEqual([
			expect.objectContaining({ clientId, from: 'PENDING', to: 'APPROVED' }),
		]);
	});

	it('tells staff through the notification hook', async () => {
		const sql = new Client({ connectionString: db.url });
		await sql.connect();
		const { rows } = await sql.query('select event, client_id, message, delivered_at from staff_notifications');
		const links = await sql.query('select status from google_ads_links where client_id = $1', [clientId]);
		const history = await sql.query(
			"select from_status, to_status, cause from google_ads_link_history where client_id = $1 order by id",
			[clientId],
		);
		await sql.end();
		expect(rows).toEqual([
			{
				event: 'google_ads_link',
				client_id: clientId,
				message: 'Google Ads: Loja Azul (123-456-7890) passou de PENDING para APPROVED',
				delivered_at: null,
			},
		]);
		expect(links.rows[0].status).toBe('APPROVED');
		expect(history.rows.map((r) => `${r.from_status}→${r.to_status}:${r.cause}`)).toEqual(
			expect.arrayContaining(['PENDING→APPROVED:sync']),
		);
	});

	it('does not report the same transition twice', async () => {
		const again = await n8n.execute(workflow.id);
		expect(again.data.resultData.runData['Sync Google Ads Links'][0].data?.main[0] ?? []).toHaveLength(0);
	});
});
