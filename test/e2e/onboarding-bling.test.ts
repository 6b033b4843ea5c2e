// The optional "Conectar Bling" step in a real n8n 2.41 with our package: onboarding-invite and
// onboarding-bling-callback imported and published; the invite e-mail received by a real SMTP
// server on loopback; its "Conectar Bling" link followed in headless Chromium through the fake
// Bling authorization page to the confirmation page; the tokens encrypted in the vault, the Bling
// account on the client and staff told. Replayed link, refusal, tampered state and an expired code
// are seen in Chromium too (screenshots under test-results/onboarding-bling/), storing nothing.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Page } from 'playwright-core';
import { pendingStaffNotifications } from '../../domain/notifications/staff-notifications';
import { migrate, openWarehouse, type Warehouse } from '../../domain/warehouse';
import { FakeBling } from '../fakes/bling';
import { launchChromium, type HeadlessBrowser } from '../support/chromium';
import { createTestDatabase, sql as queryRows, type TestDatabase } from '../support/database';
import { N8nInstance } from '../support/n8n';
import { TestSmtpServer, type ReceivedMail } from '../support/smtp';

const ROOT = join(__dirname, '..', '..');
const workflow = (name: string) => JSON.parse(readFileSync(join(ROOT, 'workflows', `${name}.json`), 'utf8'));
const SHOTS = join(ROOT, 'test-results', 'onboarding-bling');
const TOKEN_KEY = 'c'.repeat(64);
const SECRET = 'e2e-onboarding-bling-webhook-secret-0123';
const APP = { clientId: 'viang-bling-e2e', clientSecret: 'fake-bling-e2e-app-secret' };
const ACCOUNT = 4401;
const CALLBACK = '/webhook/onboarding/bling/callback';

async function waitUntil<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 120_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 500));
	}
}

function blingLinkOf(mail: ReceivedMail): string {
	const match = /https?:\/\/\S+\/webhook\/onboarding\/bling\/start\?convite=[A-Za-z0-9_-]+/.exec(mail.text);
	if (!match) throw new Error(`no Bling link in the e-mail:\n${mail.text}`);
	return match[0];
}

describe('Conectar Bling inside n8n (invite e-mail → Chromium → Bling → vault)', () => {
	// Bling's 3 req/s would also count the browser's page loads here: not what this test is about.
	const fake = new FakeBling({ accountRate: 50 });
	const smtp = new TestSmtpServer();
	let db: TestDatabase;
	let warehouse: Warehouse;
	let n8n: N8nInstance;
	let n8nUrl: string;
	let chromium: HeadlessBrowser;
	const callbackUrls: string[] = [];
	const pagesSeen: string[] = [];

	async function inviteAndMail(body: Record<string, unknown>): Promise<{ clientId: string; mail: ReceivedMail; link: string }> {
		const before = smtp.messages.length;
		const response = await fetch(`${n8nUrl}/webhook/onboarding-invite`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-viang-secret': SECRET },
			body: JSON.stringify(body),
		});
		const parsed = JSON.parse(await response.text());
		const json = (Array.isArray(parsed) ? parsed[0] : parsed) as Record<string, unknown>;
		expect({ status: response.status, inviteStatus: json.inviteStatus }).toEqual({ status: 200, inviteStatus: 'sent' });
		const mail = await smtp.waitFor(String(json.email), { after: before });
		return { clientId: String(json.clientId), mail, link: blingLinkOf(mail) };
	}

	async function openPage(url: string): Promise<Page> {
		const page = await chromium.context.newPage();
		page.on('request', (request) => {
			if (request.url().includes(CALLBACK)) callbackUrls.push(request.url());
		});
		await page.goto(url, { waitUntil: 'load' });
		return page;
	}

	async function keep(page: Page, name: string): Promise<string> {
		await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
		const html = await page.content();
		pagesSeen.push(html);
		return html;
	}

	async function decide(link: string, decision: 'allow' | 'deny'): Promise<Page> {
		const page = await openPage(link);
		expect(page.url().startsWith(`${fake.authorizeUrl}?`)).toBe(true);
		await Promise.all([page.waitForURL(new RegExp(CALLBACK.replace(/\//g, '\\/'))), page.click(`#${decision}`)]);
		await page.waitForLoadState('load');
		return page;
	}

	const sql = <T extends Record<string, unknown>>(text: string, values: unknown[] = []) => queryRows<T>(db.url, text, values);

	beforeAll(async () => {
		mkdirSync(SHOTS, { recursive: true });
		chromium = await launchChromium();
		await fake.start();
		fake.consentPage = true;
		fake.addAccount({ id: ACCOUNT, companyName: 'Loja Bling Comércio Ltda', cnpj: '11.222.333/0001-81' });
		await smtp.start();
		db = await createTestDatabase();
		await migrate(db.url);
		warehouse = openWarehouse({ databaseUrl: db.url, tokenKey: TOKEN_KEY });

		n8n = new N8nInstance({ N8N_HOST: '127.0.0.1' });
		await n8n.importCredentials([
			// No redirect URI in the credential: Bling redirects to the one registered for the app.
			{ id: 'blingApp', name: 'Bling App', type: 'blingAppApi', data: { ...APP, apiUrl: fake.apiUrl, tokenUrl: fake.tokenUrl, authorizeUrl: fake.authorizeUrl } },
			{ id: 'viangWarehouse', name: 'Viang Warehouse', type: 'viangWarehouseApi', data: { transport: 'postgres', databaseUrl: db.url, tokenKey: TOKEN_KEY } },
			{ id: 'viangSmtp', name: 'Viang SMTP', type: 'smtp', data: { host: '127.0.0.1', port: smtp.port, secure: false, disableStartTls: true, user: '', password: '' } },
			{ id: 'viangWebhookSecret', name: 'Viang Webhook Secret', type: 'httpHeaderAuth', data: { name: 'x-viang-secret', value: SECRET } },
			{ id: 'viangStaffForm', name: 'Viang Staff Form', type: 'httpBasicAuth', data: { user: 'equipe', password: 'e2e-form' } },
		]);
		for (const name of ['client-etl', 'onboarding-invite', 'onboarding-bling-callback']) {
			const wf = workflow(name);
			await n8n.importWorkflow(wf);
			await n8n.publish(wf.id);
		}
		n8nUrl = await n8n.start();
		// What staff register in Bling's developer panel as the app's redirect URL.
		fake.registerApp({ ...APP, redirectUri: `${n8nUrl}${CALLBACK}` });
		await waitUntil(async () => ((await fetch(`${n8nUrl}/webhook/onboarding/bling/start`)).status !== 404 ? true : undefined), 'Bling webhooks registered');
		await waitUntil(async () => ((await fetch(`${n8nUrl}${CALLBACK}`)).status !== 404 ? true : undefined), 'Bling callback registered');
		await waitUntil(
			async () => ((await fetch(`${n8nUrl}/webhook/onboarding-invite`, { method: 'POST', headers: { 'x-viang-secret': 'probe' } })).status !== 404 ? true : undefined),
			'invite webhook registered',
		);
	});

	afterAll(async () => {
		if (n8n) writeFileSync(join(SHOTS, 'n8n.log'), n8n.log);
		await chromium?.close();
		await n8n?.dispose();
		await warehouse?.close();
		await db?.drop();
		await smtp.stop();
		await fake.stop();
	});

	let clientId: string;
	let blingLink: string;

	it('offers the optional "Conectar Bling" link in the invite e-mail (pt-BR, HTML and text)', async () => {
		const sent = await inviteAndMail({ name: 'Loja Bling', email: 'dono@lojabling.com.br', document: '11.222.333/0001-81', requestedBy: 'ops' });
		({ clientId, link: blingLink } = sent);
		expect(sent.mail.text).toMatch(/Opcional — sua empresa usa o Bling\?/);
		expect(sent.mail.html).toContain('Conectar Bling');
		expect(sent.mail.html).toContain(blingLink.replace(/&/g, '&amp;'));
		expect(blingLink.startsWith(`${n8nUrl}/webhook/onboarding/bling/start?convite=`)).toBe(true);
		// A Viang link only: no Bling URL and no app secret in the e-mail.
		expect(sent.mail.raw).not.toContain(fake.authorizeUrl);
		expect(sent.mail.raw).not.toContain(APP.clientSecret);
		const invites = await sql<{ provider: string }>('select provider from public.invites where client_id = $1 order by provider', [clientId]);
		expect(invites.map((i) => i.provider)).toEqual(['bling', 'mercadolivre']);
	});

	it('takes the seller from the e-mail link through Bling\'s authorization page to the confirmation page', async () => {
		const page = await decide(blingLink, 'allow');
		const html = await keep(page, '01-bling-conectado');
		expect(await page.locator('h1').innerText()).toBe('Bling conectado com sucesso');
		expect(await page.locator('body').innerText()).toMatch(/Não é preciso fazer mais nada/);
		expect(html).toContain('lang="pt-BR"');
		await page.close();
		const authorize = fake.server.calls(/\/oauth\/authorize$/, 'GET').pop()!;
		expect(authorize.query).toMatchObject({ response_type: 'code', client_id: APP.clientId });
		expect(authorize.query.state).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
		// One token call, with Basic client auth.
		const tokenCalls = fake.server.calls(/\/oauth\/token$/);
		expect(tokenCalls).toHaveLength(1);
		expect(String(tokenCalls[0].headers.authorization)).toBe(`Basic ${Buffer.from(`${APP.clientId}:${APP.clientSecret}`).toString('base64')}`);
	});

	it('keeps the tokens encrypted in the vault under bling, records the account and tells staff', async () => {
		const tokens = await warehouse.vault.getTokens(clientId, 'bling');
		expect(tokens).toMatchObject({ accountId: String(ACCOUNT), version: 1, needsReauth: false });
		expect(fake.isRefreshTokenLive(tokens!.refreshToken!)).toBe(true);
		const dump = await sql('select * from public.provider_credentials');
		expect(dump).toHaveLength(1);
		expect(dump[0]).toMatchObject({ provider: 'bling', provider_account_id: String(ACCOUNT) });
		expect(String(dump[0].access_token_enc)).toMatch(/^v1:/);
		expect(String(dump[0].refresh_token_enc)).toMatch(/^v1:/);
		const text = JSON.stringify(dump);
		expect(text).not.toContain(tokens!.accessToken);
		expect(text).not.toContain(tokens!.refreshToken!);
		expect((await warehouse.clients.get(clientId))?.blingAccountId).toBe(String(ACCOUNT));
		const notice = await waitUntil(async () => {
			const found = (await pendingStaffNotifications(warehouse.transport, 100)).find((n) => n.event === 'onboarding_bling_connected');
			return found ?? undefined;
		}, 'staff notification', 60_000);
		expect(notice.clientId).toBe(clientId);
		expect(notice.message).toMatch(/Loja Bling conectou o Bling \(Loja Bling Comércio Ltda, conta 4401\)/);
	});

	it('loads the last 90 days from Bling in the background (client-etl with sources = bling)', async () => {
		const runs = await waitUntil(async () => {
			const rows = await sql(
				"select source, status from updates_log where client_id = $1 and source in ('client_etl', 'bling', 'mercadolivre') and status <> 'running' order by source",
				[clientId],
			);
			return rows.some((r) => r.source === 'client_etl') ? rows : undefined;
		}, 'Bling load logged', 90_000);
		expect(runs).toEqual([
			{ source: 'bling', status: 'success' },
			{ source: 'client_etl', status: 'success' },
		]);
	});

	it('shows "already used" for the same e-mail link and for a replayed Bling redirect, changing nothing', async () => {
		const calls = fake.tokenCalls();
		let page = await openPage(blingLink);
		await keep(page, '02-link-bling-ja-usado');
		expect(await page.locator('h1').innerText()).toBe('Este link do Bling já foi usado');
		await page.close();
		const replayed = callbackUrls.find((url) => url.includes('code='))!;
		expect(replayed).toBeDefined();
		page = await openPage(replayed);
		await keep(page, '03-redirecionamento-bling-repetido');
		expect(await page.locator('h1').innerText()).toBe('Este link do Bling já foi usado');
		await page.close();
		expect(fake.tokenCalls()).toBe(calls);
		expect((await warehouse.vault.getTokens(clientId, 'bling'))?.version).toBe(1);
	});

	it('shows what to do when the seller refuses on Bling, and stores nothing', async () => {
		const sent = await inviteAndMail({ name: 'Loja Recusa Bling', email: 'a@lojarecusabling.com.br', document: '', requestedBy: 'ops' });
		const page = await decide(sent.link, 'deny');
		await keep(page, '04-bling-recusado');
		expect(await page.locator('h1').innerText()).toBe('A conexão com o Bling não foi autorizada');
		expect(await page.locator('body').innerText()).toMatch(/abra de novo o link “Conectar Bling”/);
		await page.close();
		expect(await warehouse.clients.credentials(sent.clientId)).toEqual([]);
	});

	it('shows "invalid link" for a tampered state, and stores nothing', async () => {
		const sent = await inviteAndMail({ name: 'Loja Adulterada Bling', email: 'a@lojaadulteradabling.com.br', document: '', requestedBy: 'ops' });
		const start = await fetch(sent.link, { redirect: 'manual' });
		expect(start.status).toBe(302);
		const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
		const [version, payload, mac] = state.split('.');
		const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), e: Math.floor(Date.now() / 1000) + 86_400 })).toString('base64url');
		const page = await openPage(`${n8nUrl}${CALLBACK}?code=forged-code&state=${encodeURIComponent(`${version}.${forged}.${mac}`)}`);
		await keep(page, '05-bling-estado-adulterado');
		expect(await page.locator('h1').innerText()).toBe('Link inválido');
		await page.close();
		expect(await warehouse.clients.credentials(sent.clientId)).toEqual([]);
	});

	it('shows the Bling failure page when the code has expired, stores nothing, and the link works again', async () => {
		const sent = await inviteAndMail({ name: 'Loja Codigo Bling', email: 'a@lojacodigobling.com.br', document: '', requestedBy: 'ops' });
		// As if the seller came back after the code's one minute.
		fake.options.codeTtlMs = -1;
		let page: Page;
		try {
			page = await decide(sent.link, 'allow');
		} finally {
			fake.options.codeTtlMs = 60_000;
		}
		await keep(page, '06-bling-codigo-expirado');
		expect(await page.locator('h1').innerText()).toBe('O Bling não concluiu a conexão');
		expect(await page.locator('body').innerText()).toMatch(/vale só um minuto/);
		await page.close();
		expect(await warehouse.clients.credentials(sent.clientId)).toEqual([]);
		const retry = await decide(sent.link, 'allow');
		expect(await retry.locator('h1').innerText()).toBe('Bling conectado com sucesso');
		await retry.close();
		expect(await warehouse.vault.getTokens(sent.clientId, 'bling')).toMatchObject({ accountId: String(ACCOUNT) });
	});

	it("keeps Bling's tokens and the app secret out of n8n's execution data, its log, the e-mails and the pages", async () => {
		const secrets: string[] = [];
		for (const id of [clientId]) {
			const tokens = await warehouse.vault.getTokens(id, 'bling');
			secrets.push(tokens!.accessToken, tokens!.refreshToken!);
		}
		const sqlite = new DatabaseSync(join(n8n.userFolder, '.n8n', 'database.sqlite'), { readOnly: true });
		const executions = sqlite.prepare('select data from execution_data').all() as Array<{ data: string }>;
		sqlite.close();
		expect(executions.length).toBeGreaterThan(5);
		const everything = [executions.map((e) => e.data).join('\n'), n8n.log, smtp.messages.map((m) => m.raw).join('\n'), pagesSeen.join('\n')].join('\n');
		for (const secret of secrets) expect(everything).not.toContain(secret);
		expect(everything).not.toMatch(/bling-(at|rt)-[0-9a-f]{32}/);
		expect(everything).not.toContain(APP.clientSecret);
	});
});
