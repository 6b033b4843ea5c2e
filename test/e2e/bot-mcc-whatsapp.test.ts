// /mcc and /whatsapp from Telegram to the warehouse: the real bot (long polling against a fake Bot
// API) calls the shipped mcc-invite and whatsapp-instance workflows published in a real n8n, whose
// Google Ads MCC and WhatsApp Cloud nodes talk to the fake Google Ads and Meta Graph APIs and write
// the link (with its history) and the instance to the warehouse. Bad input is refused with a pt-BR
// message and writes nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import { Client as PgClient } from 'pg';
import type { BotConfig } from '../../bot/config';
import { runBot, type RunningBot } from '../../bot/run';
import { migrate, openWarehouse, type Warehouse } from '../../domain/warehouse';
import { FakeGoogleAds } from '../fakes/googleads';
import { FakeTelegram } from '../fakes/telegram';
import { FakeWhatsAppCloud, type FakePhoneNumber } from '../fakes/whatsapp';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { N8nInstance } from '../support/n8n';

const read = (file: string) => JSON.parse(readFileSync(join(__dirname, '..', '..', 'workflows', file), 'utf8'));
const MCC = read('mcc-invite.json');
const WHATSAPP = read('whatsapp-instance.json');
const TOKEN_KEY = randomBytes(32).toString('hex');
const SECRET = randomBytes(16).toString('hex');
const STAFF = 4242;
const WABA = '102290129340398';
const CUSTOMER_ID = '1234567890';
const OTHER_CUSTOMER_ID = '5556667777';

describe('/mcc and /whatsapp through the real mcc-invite and whatsapp-instance workflows', () => {
	const telegram = new FakeTelegram();
	const google = new FakeGoogleAds({
		accounts: [
			{ customerId: CUSTOMER_ID, name: 'Loja Azul Ads' },
			{ customerId: OTHER_CUSTOMER_ID, name: 'Outra conta' },
		],
	});
	const meta = new FakeWhatsAppCloud();
	let number: FakePhoneNumber;
	let db: TestDatabase;
	let sql: PgClient;
	let warehouse: Warehouse;
	let n8n: N8nInstance;
	let bot: RunningBot;
	let azul: string;
	let verde: string;
	const answers: string[] = [];

	const say = async (text: string) => {
		telegram.sendUserMessage(STAFF, text);
		const reply = await telegram.nextMessage(STAFF);
		answers.push(reply.text ?? '');
		return reply.text ?? '';
	};
	const post = async (path: string, body: unknown) => {
		const response = await n8n.postWebhook(path, body, { 'x-viang-secret': SECRET });
		const text = await response.text();
		answers.push(text);
		return { status: response.status, body: JSON.parse(text) as Record<string, unknown> };
	};
	const rows = async (text: string, values: unknown[] = []) => (await sql.query(text, values)).rows;

	beforeAll(async () => {
		await telegram.start();
		await google.start();
		await meta.start();
		number = meta.addPhoneNumber(WABA, { display_phone_number: '+55 11 98765-4321', verified_name: 'Loja Azul' });
		db = await createTestDatabase();
		await migrate(db.url);
		sql = new PgClient({ connectionString: db.url });
		await sql.connect();
		warehouse = openWarehouse({ databaseUrl: db.url, tokenKey: TOKEN_KEY });
		azul = (await warehouse.clients.create({ name: 'Loja Azul', email: 'ads@lojaazul.com.br' })).id;
		verde = (await warehouse.clients.create({ name: 'Loja Verde', email: 'oi@lojaverde.com.br' })).id;

		n8n = new N8nInstance({ N8N_HOST: '127.0.0.1' });
		await n8n.importCredentials([
			{ id: 'viangWarehouse', name: 'Viang Warehouse', type: 'viangWarehouseApi', data: { transport: 'postgres', databaseUrl: db.url, tokenKey: TOKEN_KEY } },
			{ id: 'viangWebhookSecret', name: 'Viang Webhook Secret', type: 'httpHeaderAuth', data: { name: 'x-viang-secret', value: SECRET } },
			{ id: 'googleAdsMcc', name: 'Google Ads MCC', type: 'googleAdsMccApi', data: google.config() },
			{
				id: 'whatsAppCloud',
				name: 'WhatsApp Cloud (Meta app)',
				type: 'whatsAppCloudApi',
				data: {
					appId: '4242',
					appSecret: meta.appSecret,
					accessToken: meta.accessToken,
					wabaIds: WABA,
					verifyToken: 'viang-e2e-verify',
					graphVersion: 'v26.0',
					baseUrl: meta.url,
				},
			},
		]);
		for (const workflow of [MCC, WHATSAPP]) {
			await n8n.importWorkflow(workflow);
			await n8n.publish(workflow.id);
		}
		const url = await n8n.start();
		await n8n.waitForWebhook('mcc-invite');
		await n8n.waitForWebhook('whatsapp-instance');

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
			managerCustomerId: google.managerCustomerId,
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
		await google.stop();
		await telegram.stop();
	});

	describe('/mcc', () => {
		it('invites the account: the link is PENDING with its history row, and Google received the invitation', async () => {
			expect(await say('/mcc Loja Azul 123-456-7890')).toBe(
				'📈 Google Ads 123-456-7890 de "Loja Azul": convite pendente (aguardando o cliente aceitar).\n' +
					'O cliente precisa aceitar o convite no Google Ads; eu aviso aqui quando mudar.',
			);
			expect(await rows('select customer_id, status, manager_link_id from google_ads_links where client_id = $1', [azul])).toEqual([
				{ customer_id: CUSTOMER_ID, status: 'PENDING', manager_link_id: google.link(CUSTOMER_ID)!.managerLinkId },
			]);
			expect(await rows('select from_status, to_status, cause, actor, outcome from google_ads_link_history where client_id = $1', [azul])).toEqual([
				{ from_status: 'NOT_LINKED', to_status: 'PENDING', cause: 'invite', actor: `n8n (telegram:${STAFF})`, outcome: 'ok' },
			]);
			expect(google.link(CUSTOMER_ID)?.status).toBe('PENDING');
			expect(google.mutateCalls()).toHaveLength(1);
		});

		it('does not invite twice: a second /mcc says the invitation was already pending', async () => {
			expect(await say('/mcc Loja Azul 1234567890')).toMatch(
				/^📈 Google Ads 123-456-7890 de "Loja Azul": convite pendente .*\nObs\.: o convite já estava pendente; nenhum convite novo foi enviado\./,
			);
			expect(google.mutateCalls()).toHaveLength(1);
		});

		it('refuses another account while the first is pending, and changes nothing', async () => {
			const history = await rows('select count(*)::int as n from google_ads_link_history');
			const calls = google.apiCalls().length;
			expect(await say('/mcc Loja Azul 555-666-7777')).toBe(
				'❌ Google Ads 555-666-7777 de "Loja Azul": O cliente "Loja Azul" já tem a conta Google Ads 123-456-7890 com convite pendente: ' +
					'retire o convite ou desvincule essa conta antes de convidar outra. Nada foi alterado.',
			);
			expect(await rows('select customer_id, status from google_ads_links where client_id = $1', [azul])).toEqual([
				{ customer_id: CUSTOMER_ID, status: 'PENDING' },
			]);
			expect(await rows('select count(*)::int as n from google_ads_link_history')).toEqual(history);
			expect(google.apiCalls()).toHaveLength(calls);
		});

		it('answers the webhook 400 with a pt-BR error for an unknown client or a malformed id, before calling Google', async () => {
			const calls = google.server.requests.length;
			expect(await post('mcc-invite', { clientId: 'Fantasma', customerId: '1234567890', requestedBy: 'curl' })).toEqual({
				status: 400,
				body: { error: 'Cliente não encontrado: "Fantasma". Nada foi enviado ao Google Ads.' },
			});
			expect(await post('mcc-invite', { clientId: verde, customerId: '123-45', requestedBy: 'curl' })).toEqual({
				status: 400,
				body: { error: 'Customer id do Google Ads inválido ("123-45"): ele tem 5 dígito(s) e precisa ter 10. Envie no formato 123-456-7890.' },
			});
			expect(google.server.requests).toHaveLength(calls);
			expect(await rows('select * from google_ads_links where client_id = $1', [verde])).toEqual([]);
		});

		it("passes Google's refusal of an account that does not exist on as input (400), with no link stored", async () => {
			expect(await say('/mcc Loja Verde 111-222-3333')).toMatch(
				/^❌ Google Ads 111-222-3333 de "Loja Verde": Convite não enviado: o Google Ads não encontrou essa conta .*Nada foi alterado\.$/,
			);
			expect(await rows('select * from google_ads_links where client_id = $1', [verde])).toEqual([]);
			// The refusal is kept in the history, for whoever looks into it later.
			expect(await rows('select outcome, error_code from google_ads_link_history where client_id = $1', [verde])).toEqual([
				{ outcome: 'failed', error_code: 'requestError.INVALID_CUSTOMER_ID' },
			]);
		});
	});

	describe('/whatsapp', () => {
		it("creates the client's instance with Meta's phone number id", async () => {
			const reply = await say('/whatsapp Loja Azul +55 11 98765-4321');
			const [instance] = await rows(
				'select id, client_id, phone_number_id, display_phone_number, waba_id, status from whatsapp_instances where client_id = $1',
				[azul],
			);
			expect(instance).toEqual({
				id: expect.any(String),
				client_id: azul,
				phone_number_id: number.id,
				display_phone_number: '+55 11 98765-4321',
				waba_id: WABA,
				status: 'active',
			});
			expect(reply).toBe(
				`📱 Instância de WhatsApp de "Loja Azul" (+55 11 98765-4321): ativa.\nID da instância: ${instance.id}\nPhone number id (Meta): ${number.id}`,
			);
		});

		it('refuses a number the client has not added to the Meta app yet, saying what to do, and creates nothing', async () => {
			const reply = await say('/whatsapp Loja Verde 21 99999-0000');
			expect(reply).toMatch(
				/^❌ O n8n não conseguiu criar a instância de WhatsApp de "Loja Verde": O número \+5521999990000 ainda não foi adicionado ao app Meta da Viang/,
			);
			expect(reply).toMatch(/O que o cliente precisa fazer: .*rode o assistente de novo\.$/);
			expect(await rows('select * from whatsapp_instances where client_id = $1', [verde])).toEqual([]);
		});

		it('refuses a number that already has an instance', async () => {
			expect(await say('/whatsapp Loja Verde 11 98765-4321')).toBe(
				'❌ O n8n não conseguiu criar a instância de WhatsApp de "Loja Verde": O número +55 11 98765-4321 já tem uma instância de WhatsApp',
			);
			expect(await rows('select count(*)::int as n from whatsapp_instances')).toEqual([{ n: 1 }]);
		});

		it('answers the webhook 400 with a pt-BR error for an unknown client or a malformed number', async () => {
			expect(await post('whatsapp-instance', { clientId: 'Fantasma', phoneNumber: '+5511987654321', requestedBy: 'curl' })).toEqual({
				status: 400,
				body: { error: 'Cliente não encontrado: "Fantasma"' },
			});
			const calls = meta.server.requests.length;
			expect(await post('whatsapp-instance', { clientId: verde, phoneNumber: 'abc', requestedBy: 'curl' })).toEqual({
				status: 400,
				body: { error: 'Número de WhatsApp inválido: "abc". Envie com DDD (ex.: +55 11 98765-4321) ou o phone number id da Meta.' },
			});
			expect(meta.server.requests).toHaveLength(calls);
			expect(await rows('select count(*)::int as n from whatsapp_instances')).toEqual([{ n: 1 }]);
		});
	});

	it("shows every call in n8n's executions, and no token in them nor in any answer", async () => {
		const readExecutions = () => {
			const sqlite = new DatabaseSync(join(n8n.userFolder, '.n8n', 'database.sqlite'), { readOnly: true });
			try {
				return sqlite
					.prepare('select e."workflowId" as workflow, e.status as status, d.data as data from execution_entity e join execution_data d on d."executionId" = e.id')
					.all() as Array<{ workflow: string; status: string; data: string }>;
			} finally {
				sqlite.close();
			}
		};
		const count = (list: Array<{ workflow: string; status: string }>, workflow: string) =>
			list.filter((e) => e.workflow === workflow && e.status === 'success').length;
		// n8n saves an execution just after the webhook has answered: wait for the last ones.
		let executions = readExecutions();
		for (let waited = 0; waited < 15_000 && (count(executions, MCC.id) < 6 || count(executions, WHATSAPP.id) < 5); waited += 250) {
			await new Promise((resolve) => setTimeout(resolve, 250));
			executions = readExecutions();
		}
		// mcc-invite: 4 from the bot + 2 webhook calls; whatsapp-instance: 3 + 2.
		expect(count(executions, MCC.id)).toBe(6);
		expect(count(executions, WHATSAPP.id)).toBe(5);
		const everything = [...executions.map((e) => e.data), ...answers].join('\n');
		for (const secret of [meta.accessToken, meta.appSecret, google.developerToken, google.clientSecret, google.refreshToken]) {
			expect(everything).not.toContain(secret);
		}
		expect(everything).not.toMatch(/ya29\.fake-/);
		// n8n's Webhook node stores the request headers, shared secret included, in the execution
		// (as for onboarding-invite); it never goes back in an answer.
		expect(answers.join('\n')).not.toContain(SECRET);
	});
});
