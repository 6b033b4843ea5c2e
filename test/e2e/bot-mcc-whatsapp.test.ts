// /mcc and /whatsapp from Telegram to the providers: the real bot (long polling against a fake Bot
// API) calls the real mcc-invite and whatsapp-instance workflows published in a real n8n, whose
// nodes invite the account on the fake Google Ads API and find the number on the fake Graph API;
// staff read the result in the chat, and the warehouse holds the link (with its history) and the
// instance. Bad input that only the providers can refuse comes back as a clear message, and
// nothing is written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { BotConfig } from '../../bot/config';
import { runBot, type RunningBot } from '../../bot/run';
import { migrate, openWarehouse, type Warehouse } from '../../domain/warehouse';
import { FakeGoogleAds } from '../fakes/googleads';
import { FakeTelegram } from '../fakes/telegram';
import { FakeWhatsAppCloud } from '../fakes/whatsapp';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { N8nInstance } from '../support/n8n';

const load = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', '..', 'workflows', `${name}.json`), 'utf8'));
const mccWorkflow = load('mcc-invite');
const whatsappWorkflow = load('whatsapp-instance');
const TOKEN_KEY = randomBytes(32).toString('hex');
const SECRET = randomBytes(16).toString('hex');
const STAFF = 4242;
const WABA = '102290129340398';
const CUSTOMER_ID = '1234567890';

describe('/mcc and /whatsapp through the real workflows', () => {
	const telegram = new FakeTelegram();
	const googleAds = new FakeGoogleAds({ accounts: [{ customerId: CUSTOMER_ID, name: 'Loja Azul Ads' }] });
	const meta = new FakeWhatsAppCloud();
	let db: TestDatabase;
	let sql: Client;
	let warehouse: Warehouse;
	let n8n: N8nInstance;
	let bot: RunningBot;
	let clientId: string;
	let phoneNumberId: string;

	const say = async (text: string) => {
		telegram.sendUserMessage(STAFF, text);
		return telegram.nextMessage(STAFF);
	};
	const count = async (table: string) => Number((await sql.query(`select count(*) as n from ${table}`)).rows[0].n);

	beforeAll(async () => {
		await telegram.start();
		await googleAds.start();
		await meta.start();
		phoneNumberId = meta.addPhoneNumber(WABA, { display_phone_number: '+55 11 98765-4321', verified_name: 'Loja Azul' }).id;
		db = await createTestDatabase();
		await migrate(db.url);
		sql = new Client({ connectionString: db.url });
		await sql.connect();
		warehouse = openWarehouse({ databaseUrl: db.url, tokenKey: TOKEN_KEY });
		clientId = (await warehouse.clients.create({ name: 'Loja Azul', email: 'dono@lojaazul.com.br' })).id;

		n8n = new N8nInstance({ N8N_HOST: '127.0.0.1' });
		await n8n.importCredentials([
			{ id: 'viangWarehouse', name: 'Viang Warehouse', type: 'viangWarehouseApi', data: { transport: 'postgres', databaseUrl: db.url, tokenKey: TOKEN_KEY } },
			{ id: 'viangWebhookSecret', name: 'Viang Webhook Secret', type: 'httpHeaderAuth', data: { name: 'x-viang-secret', value: SECRET } },
			{ id: 'googleAdsMcc', name: 'Google Ads MCC', type: 'googleAdsMccApi', data: googleAds.config() },
			{
				id: 'whatsAppCloud',
				name: 'WhatsApp Cloud (Meta app)',
				type: 'whatsAppCloudApi',
				data: {
					appId: '4242',
					appSecret: meta.appSecret,
					accessToken: meta.accessToken,
					wabaIds: WABA,
					verifyToken: 'viang-e2e-verify-token',
					graphVersion: 'v26.0',
					baseUrl: meta.url,
				},
			},
		]);
		for (const workflow of [mccWorkflow, whatsappWorkflow]) {
			await n8n.importWorkflow(workflow);
			await n8n.publish(workflow.id);
		}
		const url = await n8n.start();
		// Published workflows are activated just after n8n reports ready; an empty body is refused.
		for (const path of ['mcc-invite', 'whatsapp-instance']) {
			expect((await n8n.postWebhook(path, {}, { 'x-viang-secret': SECRET }, 120_000)).status).toBe(422);
		}

		const config: BotConfig = {
			token: telegram.token,
			apiRoot: telegram.apiRoot,
			staffIds: [STAFF],
			staffChatId: -100123,
			n8nWebhookUrl: url,
			webhookSecret: SECRET,
			workflowTimeoutMs: 60_000,
			notificationIntervalMs: 60_000,
			webhook: undefined,
			managerCustomerId: googleAds.config().managerCustomerId,
		};
		const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
		bot = await runBot({ config, warehouse, logger: quiet, dashboards: undefined, pollingTimeoutSeconds: 1 });
	});

	afterAll(async () => {
		await bot?.stop();
		await n8n?.dispose();
		await sql?.end();
		await warehouse?.close();
		await db?.drop();
		await meta.stop();
		await googleAds.stop();
		await telegram.stop();
	});

	it('refuses a webhook call without the shared secret, and writes nothing', async () => {
		const response = await n8n.postWebhook('mcc-invite', { clientId, customerId: CUSTOMER_ID, requestedBy: 'intruso' }, { 'x-viang-secret': 'errado' });
		expect([401, 403]).toContain(response.status);
		expect(googleAds.mutateCalls()).toHaveLength(0);
		expect(await count('google_ads_links')).toBe(0);
	});

	it('/mcc with an account Google Ads does not know: a clear refusal, no link, the refusal in the history', async () => {
		const reply = await say('/mcc Loja Azul 111-222-3333');
		expect(reply.text).toMatch(/^❌ O n8n recusou o pedido: /);
		expect(reply.text).toMatch(/111-?222-?3333|customer/i);
		expect(await count('google_ads_links')).toBe(0);
		const history = await sql.query('select customer_id, outcome, error_code, actor from google_ads_link_history');
		expect(history.rows).toEqual([{ customer_id: '1112223333', outcome: 'failed', error_code: 'requestError.INVALID_CUSTOMER_ID', actor: `n8n:telegram:${STAFF}` }]);
	});

	it('/mcc invites the account: staff see PENDING, the link and its history are stored', async () => {
		const reply = await say('/mcc Loja Azul 123-456-7890');
		expect(reply.text).toMatch(/Google Ads 123-456-7890 de "Loja Azul"/);
		expect(reply.text).toMatch(/aceitar o convite no Google Ads/);

		expect(googleAds.mutateCalls().length).toBeGreaterThanOrEqual(1);
		const links = await sql.query('select customer_id, status from google_ads_links where client_id = $1', [clientId]);
		expect(links.rows).toEqual([{ customer_id: CUSTOMER_ID, status: 'PENDING' }]);
		const history = await sql.query("select from_status, to_status, actor from google_ads_link_history where client_id = $1 and outcome = 'ok'", [clientId]);
		expect(history.rows).toEqual([{ from_status: 'NOT_LINKED', to_status: 'PENDING', actor: `n8n:telegram:${STAFF}` }]);
	});

	it('/whatsapp with a number the Meta app does not have: a clear refusal, no instance', async () => {
		const reply = await say('/whatsapp Loja Azul (21) 99999-0000');
		expect(reply.text).toMatch(/^❌ O n8n recusou o pedido: /);
		expect(await count('whatsapp_instances')).toBe(0);
	});

	it('/whatsapp creates the instance on the number the app holds', async () => {
		const reply = await say('/whatsapp Loja Azul +55 11 98765-4321');
		expect(reply.text).toMatch(/Instância de WhatsApp de "Loja Azul" \(.*98765-4321\): active/);
		const rows = await sql.query('select id, client_id, phone_number_id, waba_id, status from whatsapp_instances');
		expect(rows.rows).toEqual([{ id: expect.any(String), client_id: clientId, phone_number_id: phoneNumberId, waba_id: WABA, status: 'active' }]);
		expect(reply.text).toContain(`ID da instância: ${rows.rows[0].id}`);
	});

	it('no provider secret reaches n8n\'s log', () => {
		expect(n8n.log).not.toContain(meta.accessToken);
		expect(n8n.log).not.toContain(googleAds.config().refreshToken);
	});
});
