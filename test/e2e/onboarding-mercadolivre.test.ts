// Client onboarding in a real n8n 2.41 with our package: the three workflows of workflows/
// imported and published; the bot's call to onboarding-invite; the e-mail received by a real SMTP
// server on loopback; its link followed in headless Chromium through the fake Mercado Livre
// authorization page to the confirmation page; then the 90-day backfill (client-etl) and the
// client `ready` with encrypted tokens and facts. Every failure page (refused, expired, used,
// replaced, tampered, Mercado Livre failure, another account) is seen in Chromium too, and
// screenshots are kept under test-results/onboarding/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Page } from 'playwright-core';
import { pendingStaffNotifications } from '../../domain/notifications/staff-notifications';
import { migrate, openWarehouse, type Warehouse } from '../../domain/warehouse';
import { FakeMercadoLivre } from '../fakes/mercadolivre';
import { launchChromium, type HeadlessBrowser } from '../support/chromium';
import { createTestDatabase, sql as queryRows, type TestDatabase } from '../support/database';
import { N8nInstance } from '../support/n8n';
import { TestSmtpServer, type ReceivedMail } from '../support/smtp';

const ROOT = join(__dirname, '..', '..');
const workflow = (name: string) => JSON.parse(readFileSync(join(ROOT, 'workflows', `${name}.json`), 'utf8'));
const SHOTS = join(ROOT, 'test-results', 'onboarding');
const TOKEN_KEY = 'b'.repeat(64);
const SECRET = 'e2e-onboarding-webhook-secret-0123456789';
const APP = { clientId: '5151515151', clientSecret: 'fake-onboarding-app-secret' };
const FORM_PASSWORD = 'e2e-staff-form-password';
const SELLER = 7001;
const OTHER_SELLER = 7002;

async function waitUntil<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 240_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 500));
	}
}

function linkOf(mail: ReceivedMail): string {
	const match = /https?:\/\/\S+\/webhook\/onboarding\/start\?convite=[A-Za-z0-9_-]+/.exec(mail.text);
	if (!match) throw new Error(`no link in the e-mail:\n${mail.text}`);
	return match[0];
}

describe('client onboarding inside n8n (invite → e-mail → Chromium → Mercado Livre → ready)', () => {
	const fake = new FakeMercadoLivre();
	const smtp = new TestSmtpServer();
	let db: TestDatabase;
	let warehouse: Warehouse;
	let n8n: N8nInstance;
	let n8nUrl: string;
	let chromium: HeadlessBrowser;
	const callbackUrls: string[] = [];
	const pagesSeen: string[] = [];

	async function invite(body: Record<string, unknown>, secret = SECRET): Promise<{ status: number; json: Record<string, unknown> }> {
		const response = await fetch(`${n8nUrl}/webhook/onboarding-invite`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-viang-secret': secret },
			body: JSON.stringify(body),
		});
		const text = await response.text();
		let json: Record<string, unknown> = {};
		try {
			const parsed = JSON.parse(text);
			json = Array.isArray(parsed) ? parsed[0] : parsed;
		} catch {
			json = { text };
		}
		return { status: response.status, json };
	}

	async function inviteAndMail(body: Record<string, unknown>): Promise<{ clientId: string; mail: ReceivedMail; link: string }> {
		const before = smtp.messages.length;
		const answer = await invite(body);
		expect(answer).toMatchObject({ status: 200, json: { inviteStatus: 'sent' } });
		const mail = await smtp.waitFor(String(answer.json.email), { after: before });
		return { clientId: String(answer.json.clientId), mail, link: linkOf(mail) };
	}

	async function openPage(url: string): Promise<Page> {
		const page = await chromium.context.newPage();
		page.on('request', (request) => {
			if (request.url().includes('/webhook/onboarding/callback')) callbackUrls.push(request.url());
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
		expect(page.url().startsWith(`${fake.authUrl}/authorization?`)).toBe(true);
		await Promise.all([page.waitForURL(/\/webhook\/onboarding\/callback/), page.click(`#${decision}`)]);
		await page.waitForLoadState('load');
		return page;
	}

	async function statusOf(clientId: string): Promise<string | undefined> {
		return (await warehouse.clients.get(clientId))?.status;
	}

	const sql = <T extends Record<string, unknown>>(text: string, values: unknown[] = []) => queryRows<T>(db.url, text, values);

	beforeAll(async () => {
		mkdirSync(SHOTS, { recursive: true });
		chromium = await launchChromium();
		await fake.start();
		fake.registerApp(APP);
		fake.seedSeller({ userId: SELLER, nickname: 'LOJA_ONBOARDING', orders: 60, items: 6, days: 85, seed: 21 });
		fake.seedSeller({ userId: OTHER_SELLER, nickname: 'OUTRA_LOJA', orders: 3, items: 1, days: 5, seed: 22 });
		fake.loggedInUserId = SELLER;
		await smtp.start();
		db = await createTestDatabase();
		await migrate(db.url);
		warehouse = openWarehouse({ databaseUrl: db.url, tokenKey: TOKEN_KEY });

		// The base URL n8n puts in links (invite link, default redirect URI) is 127.0.0.1:<port>.
		n8n = new N8nInstance({ N8N_HOST: '127.0.0.1' });
		await n8n.importCredentials([
			{ id: 'mercadoLivreApp', name: 'Mercado Livre App', type: 'mercadoLivreAppApi', data: { ...APP, apiUrl: fake.url, authUrl: fake.authUrl } },
			{ id: 'viangWarehouse', name: 'Viang Warehouse', type: 'viangWarehouseApi', data: { transport: 'postgres', databaseUrl: db.url, tokenKey: TOKEN_KEY } },
			{ id: 'viangSmtp', name: 'Viang SMTP', type: 'smtp', data: { host: '127.0.0.1', port: smtp.port, secure: false, disableStartTls: true, user: '', password: '' } },
			{ id: 'viangWebhookSecret', name: 'Viang Webhook Secret', type: 'httpHeaderAuth', data: { name: 'x-viang-secret', value: SECRET } },
			{ id: 'viangStaffForm', name: 'Viang Staff Form', type: 'httpBasicAuth', data: { user: 'equipe', password: FORM_PASSWORD } },
		]);
		for (const name of ['client-etl', 'onboarding-invite', 'onboarding-callback']) {
			const wf = workflow(name);
			await n8n.importWorkflow(wf);
			await n8n.publish(wf.id);
		}
		n8nUrl = await n8n.start();
		// Published workflows are activated just after n8n reports ready: wait for the webhooks.
		await waitUntil(async () => ((await fetch(`${n8nUrl}/webhook/onboarding/start`)).status !== 404 ? true : undefined), 'webhooks registered', 120_000);
		await waitUntil(async () => ((await invite({}, 'probe')).status !== 404 ? true : undefined), 'invite webhook registered', 120_000);
	});

	afterAll(async () => {
		// n8n's own log, for diagnosis (git-ignored, like the screenshots).
		if (n8n) writeFileSync(join(SHOTS, 'n8n.log'), n8n.log);
		await chromium?.close();
		await n8n?.dispose();
		await warehouse?.close();
		await db?.drop();
		await smtp.stop();
		await fake.stop();
	});

	let clientId: string;
	let firstLink: string;

	it('refuses the invite webhook without the shared secret', async () => {
		const answer = await invite({ name: 'Sem Segredo', email: 'x@sem.com.br', document: '11222333000181', requestedBy: 't' }, 'wrong');
		expect(answer.status).toBe(403);
		expect(await warehouse.clients.findByIdOrName('Sem Segredo')).toBeNull();
	});

	it('answers the bot with a pt-BR validation error and creates nothing', async () => {
		const answer = await invite({ name: 'Loja Inválida', email: 'nao-e-email', document: '11222333000181', requestedBy: 't' });
		expect(answer.status).toBe(400);
		expect(String(answer.json.message)).toMatch(/E-mail inválido/);
		expect(await warehouse.clients.findByIdOrName('Loja Inválida')).toBeNull();
	});

	it('sends the invite e-mail (pt-BR, HTML and text, a Viang link only)', async () => {
		const sent = await inviteAndMail({
			name: 'Loja Onboarding',
			email: 'Vendas@LojaOnboarding.com.br',
			document: '11.222.333/0001-81',
			requestedBy: 'ops:123',
		});
		clientId = sent.clientId;
		firstLink = sent.link;
		const { mail } = sent;
		expect(mail.to).toEqual(['vendas@lojaonboarding.com.br']);
		expect(mail.subject).toBe('Viang: autorize a integração da sua conta do Mercado Livre');
		expect(mail.text).toContain('Olá, Loja Onboarding!');
		expect(mail.text).toMatch(/A Viang é a plataforma/);
		expect(mail.text).toMatch(/pedidos e vendas/);
		expect(mail.text).toMatch(/uma única vez e vale até \d{2}\/\d{2}\/\d{4}/);
		expect(mail.html).toContain('Autorizar a integração');
		expect(mail.html).toContain(firstLink.replace(/&/g, '&amp;'));
		expect(firstLink.startsWith(`${n8nUrl}/webhook/onboarding/start?convite=`)).toBe(true);
		// No Mercado Livre URL, no client secret, no n8n attribution in the e-mail.
		expect(mail.raw).not.toContain(fake.authUrl);
		expect(mail.raw).not.toContain(APP.clientSecret);
		expect(mail.raw).not.toMatch(/sent automatically with/);
		expect(await statusOf(clientId)).toBe('invited');
		// Only the hash of the token is stored.
		const token = new URL(firstLink).searchParams.get('convite')!;
		// The optional Bling link is an invite of its own (test/e2e/onboarding-bling.test.ts).
		const rows = await sql<{ token_hash: string }>(`select token_hash from public.invites where client_id = $1 and provider = 'mercadolivre'`, [clientId]);
		expect(rows).toHaveLength(1);
		expect(rows[0].token_hash).not.toContain(token);
	});

	it('takes the seller from the e-mail link through Mercado Livre to the confirmation page', async () => {
		const page = await decide(firstLink, 'allow');
		const html = await keep(page, '01-confirmacao');
		expect(await page.locator('h1').innerText()).toBe('Integração realizada com sucesso');
		expect(await page.locator('body').innerText()).toMatch(/Não é preciso fazer mais nada/);
		expect(html).toContain('VIANG');
		expect(html).toMatch(/<meta name="viewport" content="width=device-width, initial-scale=1">/);
		expect(html).toContain('lang="pt-BR"');
		// The authorization request carried PKCE (S256) and a signed state, no secret.
		const authorization = fake.server.calls('/authorization', 'GET').pop()!;
		expect(authorization.query.code_challenge_method).toBe('S256');
		expect(authorization.query.state).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
		expect(JSON.stringify(authorization.query)).not.toContain(APP.clientSecret);
		await page.close();
	});

	it('stores the tokens encrypted, backfills 90 days and marks the client ready', async () => {
		await waitUntil(async () => ((await statusOf(clientId)) === 'ready' ? true : undefined), 'client ready');
		const [credentials] = await warehouse.clients.credentials(clientId);
		expect(credentials).toMatchObject({ provider: 'mercadolivre', accountId: String(SELLER), hasRefreshToken: true, needsReauth: false });
		const stored = await sql<{ access_token_enc: string; refresh_token_enc: string }>(
			'select access_token_enc, refresh_token_enc from public.provider_credentials where client_id = $1',
			[clientId],
		);
		expect(stored[0].access_token_enc).toMatch(/^v1:/);
		expect(stored[0].refresh_token_enc).toMatch(/^v1:/);
		expect((await warehouse.clients.get(clientId))?.mlUserId).toBe(String(SELLER));
		const history = (await warehouse.clients.statusHistory(clientId)).map((h) => h.toStatus);
		expect(history).toEqual(['invited', 'authorized', 'backfilling', 'ready']);
		const facts = await sql<{ days: string; first: string; orders: string }>(
			`select count(*)::text as days, min(day)::text as first, sum(orders_count)::text as orders from public.agg_client_day where client_id = $1`,
			[clientId],
		);
		expect(Number(facts[0].days)).toBeGreaterThan(30);
		const today = new Date().toLocaleDateString('en-CA', { timeZone: 'America/Sao_Paulo' });
		const firstAllowed = new Date(Date.parse(`${today}T12:00:00Z`) - 89 * 86_400_000).toISOString().slice(0, 10);
		expect(facts[0].first >= firstAllowed).toBe(true);
		expect(Number(facts[0].orders)).toBeGreaterThan(0);
		const log = await sql<{ source: string; status: string }>(`select source, status from public.updates_log where client_id = $1`, [clientId]);
		expect(log).toEqual(expect.arrayContaining([{ source: 'client_etl', status: 'success' }, { source: 'ml_orders', status: 'success' }]));
		const notices = await pendingStaffNotifications(warehouse.transport, 100);
		expect(notices.find((n) => n.event === 'onboarding_finished' && n.clientId === clientId)?.message).toMatch(/Loja Onboarding.*pronto/);
	});

	it('shows "already used" for the same e-mail link and for a replayed Mercado Livre redirect, changing nothing', async () => {
		const before = await warehouse.clients.credentials(clientId);
		let page = await openPage(firstLink);
		await keep(page, '02-link-ja-usado');
		expect(await page.locator('h1').innerText()).toBe('Este link já foi usado');
		await page.close();
		const replayed = callbackUrls.find((url) => url.includes('code='))!;
		expect(replayed).toBeDefined();
		page = await openPage(replayed);
		await keep(page, '03-redirecionamento-repetido');
		expect(await page.locator('h1').innerText()).toBe('Este link já foi usado');
		await page.close();
		expect((await warehouse.clients.credentials(clientId))[0].version).toBe(before[0].version);
	});

	let deniedClientId: string;

	it('shows what to do when the seller refuses on Mercado Livre, and stores nothing', async () => {
		const sent = await inviteAndMail({ name: 'Loja Recusa', email: 'dono@lojarecusa.com.br', document: '11444777000161', requestedBy: 'ops' });
		deniedClientId = sent.clientId;
		const page = await decide(sent.link, 'deny');
		await keep(page, '04-autorizacao-negada');
		expect(await page.locator('h1').innerText()).toBe('A autorização não foi concedida');
		expect(await page.locator('body').innerText()).toMatch(/abra de novo o link do e-mail/i);
		await page.close();
		expect(await statusOf(deniedClientId)).toBe('invited');
		expect(await warehouse.clients.credentials(deniedClientId)).toEqual([]);
	});

	it('revokes the previous link when the invite is re-sent', async () => {
		const first = await inviteAndMail({ clientId: deniedClientId, resend: true, requestedBy: 'ops' });
		const second = await inviteAndMail({ clientId: deniedClientId, resend: true, requestedBy: 'ops' });
		expect(second.clientId).toBe(deniedClientId);
		const page = await openPage(first.link);
		await keep(page, '05-link-substituido');
		expect(await page.locator('h1').innerText()).toBe('Este link foi substituído');
		await page.close();
	});

	it('shows "expired" for an invite past its 7 days', async () => {
		const client = await warehouse.clients.create({ name: 'Loja Expirada', email: 'a@lojaexpirada.com.br' });
		const expired = await warehouse.invites.create(client.id, { ttlSeconds: 1 });
		await new Promise((r) => setTimeout(r, 1500));
		const page = await openPage(`${n8nUrl}/webhook/onboarding/start?convite=${expired.token}`);
		await keep(page, '06-link-expirado');
		expect(await page.locator('h1').innerText()).toBe('Este link expirou');
		await page.close();
	});

	it('shows "invalid link" for a tampered invite token or a forged state, and stores nothing', async () => {
		let page = await openPage(`${n8nUrl}/webhook/onboarding/start?convite=${'x'.repeat(43)}`);
		await keep(page, '07-link-invalido');
		expect(await page.locator('h1').innerText()).toBe('Link inválido');
		await page.close();

		const sent = await inviteAndMail({ name: 'Loja Adulterada', email: 'a@lojaadulterada.com.br', document: '', requestedBy: 'ops' });
		const start = await fetch(sent.link, { redirect: 'manual' });
		expect(start.status).toBe(302);
		const authorizeUrl = new URL(start.headers.get('location')!);
		const state = authorizeUrl.searchParams.get('state')!;
		const [version, payload, mac] = state.split('.');
		const forgedPayload = Buffer.from(
			JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), e: Math.floor(Date.now() / 1000) + 86_400 }),
		).toString('base64url');
		for (const forged of [`${version}.${forgedPayload}.${mac}`, `${version}.${payload}.${'A'.repeat(mac.length)}`]) {
			page = await openPage(`${n8nUrl}/webhook/onboarding/callback?code=TG-forged-${SELLER}&state=${encodeURIComponent(forged)}`);
			expect(await page.locator('h1').innerText()).toBe('Link inválido');
			await page.close();
		}
		expect(await warehouse.clients.credentials(sent.clientId)).toEqual([]);
		expect(await statusOf(sent.clientId)).toBe('invited');
	});

	it('shows a Mercado Livre failure page when the code exchange fails, and the link still works afterwards', async () => {
		const sent = await inviteAndMail({ name: 'Loja Falha ML', email: 'a@lojafalha.com.br', document: '', requestedBy: 'ops' });
		// The seller opens the link twice: the first tab's PKCE verifier is replaced, so Mercado Livre
		// refuses that tab's code (invalid_grant).
		const stale = await openPage(sent.link);
		const fresh = await openPage(sent.link);
		await fresh.close();
		await Promise.all([stale.waitForURL(/\/webhook\/onboarding\/callback/), stale.click('#allow')]);
		await keep(stale, '08-falha-mercado-livre');
		expect(await stale.locator('h1').innerText()).toBe('O Mercado Livre não respondeu como esperado');
		await stale.close();
		expect(await warehouse.clients.credentials(sent.clientId)).toEqual([]);
		fake.loggedInUserId = 7003;
		fake.seedSeller({ userId: 7003, nickname: 'LOJA_FALHA', orders: 2, items: 1, days: 3, seed: 23 });
		const retry = await decide(sent.link, 'allow');
		expect(await retry.locator('h1').innerText()).toBe('Integração realizada com sucesso');
		await retry.close();
		fake.loggedInUserId = SELLER;
		await waitUntil(async () => ((await statusOf(sent.clientId)) === 'ready' ? true : undefined), 'second client ready');
	});

	it('refuses another Mercado Livre account for an existing client: nothing stored, staff warned', async () => {
		const before = await warehouse.clients.credentials(clientId);
		const sent = await inviteAndMail({ clientId, resend: true, requestedBy: 'ops' });
		fake.loggedInUserId = OTHER_SELLER;
		const page = await decide(sent.link, 'allow');
		await keep(page, '09-outra-conta');
		expect(await page.locator('h1').innerText()).toBe('Esta não é a conta do Mercado Livre esperada');
		expect(await page.locator('body').innerText()).toContain('OUTRA_LOJA');
		await page.close();
		fake.loggedInUserId = SELLER;
		const after = await warehouse.clients.credentials(clientId);
		expect(after[0]).toMatchObject({ accountId: String(SELLER), version: before[0].version });
		expect(await statusOf(clientId)).toBe('ready');
		const notices = await waitUntil(async () => {
			const found = (await pendingStaffNotifications(warehouse.transport, 100)).find((n) => n.event === 'onboarding_account_mismatch');
			return found ?? undefined;
		}, 'mismatch notification', 60_000);
		expect(notices.message).toMatch(/OUTRA_LOJA/);

		// The same link, authorized by the right account: tokens replaced, back to ready.
		const again = await decide(sent.link, 'allow');
		expect(await again.locator('h1').innerText()).toBe('Integração realizada com sucesso');
		await again.close();
		await waitUntil(async () => {
			const [c] = await warehouse.clients.credentials(clientId);
			return c.version > before[0].version && (await statusOf(clientId)) === 'ready' ? true : undefined;
		}, 'tokens replaced and ready again');
	});

	it('sends an invite from the staff form (n8n Form Trigger, basic auth)', async () => {
		const submit = (password: string) => {
			const form = new FormData();
			form.set('field-0', 'Loja Formulário');
			form.set('field-1', 'dono@lojaformulario.com.br');
			form.set('field-2', '529.982.247-25');
			form.set('field-3', 'ops via n8n');
			return fetch(`${n8nUrl}/form/onboarding-novo-cliente`, {
				method: 'POST',
				headers: { authorization: `Basic ${Buffer.from(`equipe:${password}`).toString('base64')}` },
				body: form,
			});
		};
		expect((await submit('wrong')).status).toBe(401);
		const before = smtp.messages.length;
		const response = await submit(FORM_PASSWORD);
		const body = await response.text();
		expect(response.status).toBe(200);
		expect(body).toContain('Convite enviado para dono@lojaformulario.com.br');
		const mail = await smtp.waitFor('dono@lojaformulario.com.br', { after: before });
		expect(mail.text).toContain('Olá, Loja Formulário!');
		expect(await warehouse.clients.findByIdOrName('Loja Formulário')).toMatchObject({ document: '52998224725', status: 'invited' });
	});

	it('keeps access and refresh tokens out of n8n\'s execution data, its log, the e-mails and the pages', async () => {
		const tokens = await warehouse.vault.getTokens(clientId, 'mercadolivre');
		expect(tokens?.accessToken).toMatch(/^APP_USR-/);
		const secrets = [tokens!.accessToken, tokens!.refreshToken!];
		const sqlite = new DatabaseSync(join(n8n.userFolder, '.n8n', 'database.sqlite'), { readOnly: true });
		const executions = sqlite.prepare('select data from execution_data').all() as Array<{ data: string }>;
		sqlite.close();
		expect(executions.length).toBeGreaterThan(5);
		const everything = [executions.map((e) => e.data).join('\n'), n8n.log, smtp.messages.map((m) => m.raw).join('\n'), pagesSeen.join('\n')].join('\n');
		for (const secret of secrets) expect(everything).not.toContain(secret);
		expect(everything).not.toMatch(/APP_USR-[0-9a-f-]{10,}/);
		expect(everything).not.toContain(APP.clientSecret);
	});
});
