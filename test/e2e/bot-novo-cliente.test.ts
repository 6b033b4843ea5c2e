// /novo_cliente from Telegram to the seller's inbox: the real bot (long polling against a fake Bot
// API) drives the real onboarding-invite workflow published in a real n8n, whose Send Email node
// delivers the invite to a real SMTP server on loopback.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { BotConfig } from '../../bot/config';
import { runBot, type RunningBot } from '../../bot/run';
import { migrate, openWarehouse, type Warehouse } from '../../domain/warehouse';
import { FakeTelegram } from '../fakes/telegram';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { N8nInstance } from '../support/n8n';
import { TestSmtpServer } from '../support/smtp';

const workflow = JSON.parse(readFileSync(join(__dirname, '..', '..', 'workflows', 'onboarding-invite.json'), 'utf8'));
const TOKEN_KEY = randomBytes(32).toString('hex');
const SECRET = randomBytes(16).toString('hex');
const STAFF = 4242;
const EMAIL = 'dono@lojadobot.com.br';

describe('/novo_cliente through the real onboarding-invite workflow', () => {
	const smtp = new TestSmtpServer();
	const telegram = new FakeTelegram();
	let db: TestDatabase;
	let warehouse: Warehouse;
	let n8n: N8nInstance;
	let bot: RunningBot;

	const say = async (text: string) => {
		telegram.sendUserMessage(STAFF, text);
		return telegram.nextMessage(STAFF);
	};

	beforeAll(async () => {
		await smtp.start();
		await telegram.start();
		db = await createTestDatabase();
		await migrate(db.url);
		warehouse = openWarehouse({ databaseUrl: db.url, tokenKey: TOKEN_KEY });

		n8n = new N8nInstance({ N8N_HOST: '127.0.0.1' });
		await n8n.importCredentials([
			{ id: 'viangWarehouse', name: 'Viang Warehouse', type: 'viangWarehouseApi', data: { transport: 'postgres', databaseUrl: db.url, tokenKey: TOKEN_KEY } },
			{ id: 'viangSmtp', name: 'Viang SMTP', type: 'smtp', data: { host: '127.0.0.1', port: smtp.port, secure: false, disableStartTls: true, user: '', password: '' } },
			{ id: 'viangWebhookSecret', name: 'Viang Webhook Secret', type: 'httpHeaderAuth', data: { name: 'x-viang-secret', value: SECRET } },
			{ id: 'viangStaffForm', name: 'Viang Staff Form', type: 'httpBasicAuth', data: { user: 'equipe', password: randomBytes(8).toString('hex') } },
		]);
		await n8n.importWorkflow(workflow);
		await n8n.publish(workflow.id);
		const url = await n8n.start();
		// Published workflows are activated just after n8n reports ready.
		const probe = await n8n.postWebhook('onboarding-invite', {}, { 'x-viang-secret': SECRET }, 120_000);
		expect(probe.status).toBe(400);

		const config: BotConfig = {
			token: telegram.token,
			apiRoot: telegram.apiRoot,
			staffIds: [STAFF],
			staffChatId: -100123,
			n8nWebhookUrl: url,
			webhookSecret: SECRET,
			workflowTimeoutMs: 60_000,
			notificationIntervalMs: 1_000,
			webhook: undefined,
			managerCustomerId: '9999999999',
		};
		const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
		bot = await runBot({ config, warehouse, logger: quiet, dashboards: undefined, pollingTimeoutSeconds: 1 });
	});

	afterAll(async () => {
		await bot?.stop();
		await n8n?.dispose();
		await warehouse?.close();
		await db?.drop();
		await telegram.stop();
		await smtp.stop();
	});

	it('creates the client and the invite e-mail arrives', async () => {
		expect((await say('/novo_cliente')).text).toMatch(/1\/5 — Qual é o nome/);
		expect((await say('Loja do Bot')).text).toMatch(/^2\/5/);
		expect((await say(EMAIL)).text).toMatch(/^3\/5/);
		expect((await say('11.222.333/0001-81')).text).toMatch(/^4\/5/);
		expect((await say('pular')).text).toMatch(/^5\/5/);
		const summary = await say('pular');
		expect(summary.text).toMatch(/^Confira os dados do novo cliente/);

		const id = telegram.press(STAFF, summary, /Confirmar/);
		await telegram.answerOf(id);
		const created = await telegram.nextMessage(STAFF);
		expect(created.text).toMatch(new RegExp(`Cliente "Loja do Bot" cadastrado[\\s\\S]*Convite enviado para ${EMAIL.replace(/\./g, '\\.')}`));

		const mail = await smtp.waitFor(EMAIL);
		expect(mail.to).toEqual([EMAIL]);
		expect(mail.text).toContain('Loja do Bot');
		expect(mail.text).toMatch(/http:\/\/127\.0\.0\.1:\d+\/webhook\/onboarding\/start\?/);

		const client = await warehouse.clients.require('Loja do Bot');
		expect(client.status).toBe('invited');
		expect(client.contactEmail).toBe(EMAIL);
	});
});
