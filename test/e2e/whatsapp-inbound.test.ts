// The inbound workflow in a real n8n 2.41: workflows/whatsapp-inbound.json imported and published,
// Meta's verification handshake and signed deliveries POSTed to the trigger's production URL, and
// the reply the fake Graph API received: yesterday's figures of the client that owns the number,
// read from a seeded warehouse.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrate, openWarehouse, type Warehouse } from '../../domain/warehouse';
import { WhatsAppStore, yesterdaySaoPaulo, formatDayBr, type Instance } from '../../domain/whatsapp';
import { deliverWebhook, FakeWhatsAppCloud, inboundTextPayload, verifyWebhook, type FakeSentMessage } from '../fakes/whatsapp';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { N8nInstance } from '../support/n8n';

const WORKFLOW = JSON.parse(readFileSync(join(__dirname, '..', '..', 'workflows', 'whatsapp-inbound.json'), 'utf8'));
const WEBHOOK_ID: string = WORKFLOW.nodes.find((n: { type: string }) => n.type === 'n8n-nodes-viang.whatsAppCloudTrigger').webhookId;
const WABA = '102290129340398';
const VERIFY_TOKEN = 'viang-e2e-verify-token';
const CONTACT = '5511912345678';

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 60_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error('timed out waiting');
		await new Promise((r) => setTimeout(r, 250));
	}
}

describe('WhatsApp inbound workflow inside n8n', () => {
	const fake = new FakeWhatsAppCloud();
	let db: TestDatabase;
	let warehouse: Warehouse;
	let n8n: N8nInstance;
	let instance: Instance;
	let webhookUrl: string;
	const day = yesterdaySaoPaulo();

	beforeAll(async () => {
		await fake.start();
		const number = fake.addPhoneNumber(WABA, { display_phone_number: '+55 11 98765-4321', verified_name: 'Loja E2E' });
		fake.addPhoneNumber(WABA, { display_phone_number: '+55 21 3333-4444' });
		db = await createTestDatabase();
		await migrate(db.url);
		warehouse = openWarehouse({ databaseUrl: db.url, tokenKey: 'a'.repeat(64) });
		const client = await warehouse.clients.create({ name: 'Loja E2E', email: 'contato@lojae2e.com.br' });
		const store = new WhatsAppStore(warehouse.transport);
		instance = await store.createInstance({
			clientId: client.id,
			phoneNumberId: number.id,
			displayPhoneNumber: number.display_phone_number,
			wabaId: WABA,
			rules: { keywordReplies: [{ keywords: ['vendas'], action: 'sales_yesterday' }], optOut: { keywords: ['sair'] } },
		});
		// Yesterday (São Paulo) for this client, as the facts refresh writes it.
		const { Client } = await import('pg');
		const admin = new Client({ connectionString: db.url });
		await admin.connect();
		await admin.query(
			`insert into public.agg_client_day (client_id, day, units_sold, orders_count, gross_revenue, avg_ticket)
			values ($1, $2, 42, 31, 98765.43, 3186.0), ($1, ($2::date - 1), 1, 1, 1, 1)`,
			[client.id, day],
		);
		await admin.end();

		n8n = new N8nInstance();
		await n8n.importCredentials([
			{
				id: 'whatsAppCloud',
				name: 'WhatsApp Cloud (Meta app)',
				type: 'whatsAppCloudApi',
				data: {
					appId: '4242',
					appSecret: fake.appSecret,
					accessToken: fake.accessToken,
					wabaIds: WABA,
					verifyToken: VERIFY_TOKEN,
					graphVersion: 'v26.0',
					baseUrl: fake.url,
				},
			},
			{
				id: 'viangWarehouse',
				name: 'Viang Warehouse',
				type: 'viangWarehouseApi',
				data: { transport: 'postgres', databaseUrl: db.url, tokenKey: 'a'.repeat(64) },
			},
		]);
		await n8n.importWorkflow(WORKFLOW);
		await n8n.publish(WORKFLOW.id);
		const url = await n8n.start();
		webhookUrl = `${url}/webhook/${WEBHOOK_ID}/webhook`;
		await n8n.waitForWebhook(`${WEBHOOK_ID}/webhook`, 'GET');
	});

	afterAll(async () => {
		await n8n?.dispose();
		await warehouse?.close();
		await db?.drop();
		await fake.stop();
	});

	it('answers Meta\'s verification with the challenge, and 403 to a wrong verify token', async () => {
		const ok = await verifyWebhook(webhookUrl, VERIFY_TOKEN, '1158201444');
		expect(ok).toEqual({ status: 200, body: '1158201444', challenge: '1158201444' });
		expect((await verifyWebhook(webhookUrl, 'wrong-token')).status).toBe(403);
	});

	it('replies to "vendas" with yesterday\'s figures of the client that owns the number', async () => {
		const payload = inboundTextPayload({
			wabaId: WABA,
			phoneNumberId: instance.phoneNumberId,
			displayPhoneNumber: '5511987654321',
			from: CONTACT,
			name: 'Maria',
			text: 'vendas',
		});
		const response = await deliverWebhook(webhookUrl, payload, { appSecret: fake.appSecret });
		expect(response.status).toBe(200);
		const reply: FakeSentMessage = await waitFor(() => fake.messagesTo(CONTACT)[0]);
		expect(reply.phoneNumberId).toBe(instance.phoneNumberId);
		expect(reply.text).toBe(
			`📊 Vendas de ontem (${formatDayBr(day)}) — Loja E2E\nFaturamento: R$ 98.765,43\nPedidos: 31\nUnidades: 42\nTicket médio: R$ 3.186,00`,
		);
		const call = fake.server.calls(`/v26.0/${instance.phoneNumberId}/messages`, 'POST')[0];
		expect(call.headers.authorization).toBe(`Bearer ${fake.accessToken}`);
	});

	it('refuses a wrong, missing or tampered signature with 401 and sends nothing', async () => {
		const before = fake.sent.length;
		const payload = inboundTextPayload({ wabaId: WABA, phoneNumberId: instance.phoneNumberId, displayPhoneNumber: '5511987654321', from: '5511900000077', text: 'vendas' });
		expect((await deliverWebhook(webhookUrl, payload, { appSecret: 'not-the-app-secret' })).status).toBe(401);
		expect((await deliverWebhook(webhookUrl, payload, { appSecret: fake.appSecret, signature: null })).status).toBe(401);
		const tampered = await deliverWebhook(webhookUrl, payload, {
			appSecret: fake.appSecret,
			tamper: (raw) => Buffer.from(raw.toString().replace('5511900000077', '5511900000078')),
		});
		expect(tampered.status).toBe(401);
		await new Promise((r) => setTimeout(r, 3000));
		expect(fake.sent.length).toBe(before);
	});

	it('logs a delivery for a number without an instance instead of dropping it', async () => {
		const payload = inboundTextPayload({ wabaId: WABA, phoneNumberId: '999000999', displayPhoneNumber: '5521333344444', from: CONTACT, text: 'vendas' });
		expect((await deliverWebhook(webhookUrl, payload, { appSecret: fake.appSecret })).status).toBe(200);
		const { Client } = await import('pg');
		const admin = new Client({ connectionString: db.url });
		await admin.connect();
		try {
			// Routing (and the log) happens before n8n answers Meta.
			const result = await admin.query(`select error_message from public.updates_log where source = 'whatsapp.webhook'`);
			expect(result.rows.map((r) => r.error_message)).toEqual([expect.stringMatching(/^phone_number_id 999000999: número/)]);
		} finally {
			await admin.end();
		}
	});

	it('keeps the token and the app secret out of n8n\'s log', () => {
		expect(n8n.log).not.toContain(fake.accessToken);
		expect(n8n.log).not.toContain(fake.appSecret);
	});
});
