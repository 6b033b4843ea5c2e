// workflows/whatsapp-daily-summary.json in a real n8n 2.41, run with `n8n execute`: every instance
// whose rules turn the summary on gets yesterday's figures as the approved template.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { migrate, openWarehouse, type Warehouse } from '../../domain/warehouse';
import { formatDayBr, WhatsAppStore, yesterdaySaoPaulo } from '../../domain/whatsapp';
import { FakeWhatsAppCloud } from '../fakes/whatsapp';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { N8nInstance, nodeOutput, type RunData } from '../support/n8n';

const WORKFLOW = JSON.parse(readFileSync(join(__dirname, '..', '..', 'workflows', 'whatsapp-daily-summary.json'), 'utf8'));
const WABA = '102290129340398';
const TOKEN_KEY = 'b'.repeat(64);

describe('WhatsApp daily summary workflow inside n8n', () => {
	const fake = new FakeWhatsAppCloud();
	let db: TestDatabase;
	let warehouse: Warehouse;
	let n8n: N8nInstance;
	let run: RunData;
	const day = yesterdaySaoPaulo();

	beforeAll(async () => {
		await fake.start();
		const on = fake.addPhoneNumber(WABA, { display_phone_number: '+55 11 98765-4321' });
		const off = fake.addPhoneNumber(WABA, { display_phone_number: '+55 11 91111-2222' });
		fake.addTemplate(WABA, { name: 'resumo_diario', bodyParameters: 5 });
		db = await createTestDatabase();
		await migrate(db.url);
		warehouse = openWarehouse({ databaseUrl: db.url, tokenKey: TOKEN_KEY });
		const store = new WhatsAppStore(warehouse.transport);
		const client = await warehouse.clients.create({ name: 'Loja Resumo', email: 'contato@lojaresumo.com.br' });
		const quiet = await warehouse.clients.create({ name: 'Loja Quieta', email: 'contato@lojaquieta.com.br' });
		await store.createInstance({
			clientId: client.id,
			phoneNumberId: on.id,
			displayPhoneNumber: on.display_phone_number,
			wabaId: WABA,
			rules: { dailySummary: { enabled: true, recipients: ['5511988880000'], template: 'resumo_diario', language: 'pt_BR' } },
		});
		await store.createInstance({ clientId: quiet.id, phoneNumberId: off.id, displayPhoneNumber: off.display_phone_number, wabaId: WABA, rules: {} });
		const admin = new Client({ connectionString: db.url });
		await admin.connect();
		await admin.query(
			`insert into public.agg_client_day (client_id, day, units_sold, orders_count, gross_revenue, avg_ticket)
			values ($1, $2, 9, 7, 1500.5, 214.36)`,
			[client.id, day],
		);
		await admin.end();

		n8n = new N8nInstance();
		await n8n.importCredentials([
			{
				id: 'whatsAppCloud',
				name: 'WhatsApp Cloud (Meta app)',
				type: 'whatsAppCloudApi',
				data: { appId: '4242', appSecret: fake.appSecret, accessToken: fake.accessToken, wabaIds: WABA, verifyToken: 'x', graphVersion: 'v26.0', baseUrl: fake.url },
			},
			{
				id: 'viangWarehouse',
				name: 'Viang Warehouse',
				type: 'viangWarehouseApi',
				data: { transport: 'postgres', databaseUrl: db.url, tokenKey: TOKEN_KEY },
			},
		]);
		await n8n.importWorkflow(WORKFLOW);
		run = await n8n.execute(WORKFLOW.id);
	});

	afterAll(async () => {
		await n8n?.dispose();
		await warehouse?.close();
		await db?.drop();
		await fake.stop();
	});

	it('sends the template with yesterday\'s figures to the enabled instance only', () => {
		const output = nodeOutput(run, 'Send Daily Summaries');
		expect(output).toMatchObject([{ clientName: 'Loja Resumo', day, recipient: '5511988880000', status: 'sent' }]);
		expect(fake.sent).toHaveLength(1);
		expect(fake.sent[0]).toMatchObject({ to: '5511988880000', type: 'template' });
		expect(fake.sent[0].text).toBe(`Loja Resumo | ${formatDayBr(day)} | R$ 1.500,50 | 7 | 9`);
	});

	it('then retries deferred messages (none left)', () => {
		expect(nodeOutput(run, 'Retry Deferred Messages')).toEqual([]);
	});
});
