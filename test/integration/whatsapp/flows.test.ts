// The WhatsApp domain end to end against a real PostgreSQL and the fake Graph API: the wizard,
// rule replies ("vendas", "sair"), the limits (pair rate, throughput), deferred retries, the daily
// summary template, and webhook routing with unknown numbers logged.
import { ApiError } from '../../../domain/http/api-error';
import { RateLimiterRegistry } from '../../../domain/http/rate-limiter';
import {
	answerInbound,
	appFromRecord,
	createInstanceForNumber,
	NumberNotInAppError,
	parseWebhook,
	routeEvents,
	sendDailySummaries,
	textMessage,
	WhatsAppCloudClient,
	WhatsAppSender,
	WhatsAppStore,
	type Instance,
	type WhatsAppApp,
} from '../../../domain/whatsapp';
import { FakeWhatsAppCloud, inboundTextPayload, PAIR_RATE_LIMIT, THROUGHPUT_LIMIT } from '../../fakes/whatsapp';
import { migratedWarehouse, type MigratedWarehouse } from '../warehouse/support';

const WABA_A = '102290129340398';
const WABA_B = '109876543210987';
const CONTACT = '5511912345678';
// "Now" for the rules: 2026-03-15 09:00 in São Paulo → yesterday is 2026-03-14.
const NOW = new Date('2026-03-15T12:00:00Z');

let ctx: MigratedWarehouse;
let store: WhatsAppStore;
const fake = new FakeWhatsAppCloud({ pairIntervalMs: 400 });
let app: WhatsAppApp;
let graph: WhatsAppCloudClient;
let sender: WhatsAppSender;
let clientId: string;
let instance: Instance;

beforeAll(async () => {
	await fake.start();
	// WABA A holds 120 numbers (two pages of 100); the client's number is the last one.
	for (let i = 0; i < 119; i++) fake.addPhoneNumber(WABA_A, { display_phone_number: `+1 555-010-${String(1000 + i)}` });
	const number = fake.addPhoneNumber(WABA_A, { display_phone_number: '+55 11 98765-4321', verified_name: 'Loja Fluxo' });
	fake.addPhoneNumber(WABA_B, { display_phone_number: '+55 21 3333-4444', status: 'PENDING', code_verification_status: 'NOT_VERIFIED' });
	fake.addTemplate(WABA_A, { name: 'resumo_diario', bodyParameters: 5 });
	fake.addTemplate(WABA_A, { name: 'promo_rejeitada', status: 'REJECTED' });
	expect(number.id).toBeTruthy();

	app = appFromRecord({
		appId: '4242',
		appSecret: fake.appSecret,
		accessToken: fake.accessToken,
		wabaIds: `${WABA_A},${WABA_B}`,
		verifyToken: 'verify-me',
		baseUrl: fake.url,
	});
	graph = new WhatsAppCloudClient(app, { limiters: new RateLimiterRegistry() });
	ctx = await migratedWarehouse();
	store = new WhatsAppStore(ctx.warehouse.transport);
	// Short intervals keep the test fast: the fake enforces a 400 ms pair rate, the sender paces the same.
	sender = new WhatsAppSender(graph, store, { pairIntervalMs: 400, maxWaitMs: 1500, throughputBackoffMs: 50 });
	clientId = (await ctx.warehouse.clients.create({ name: 'Loja Fluxo', email: 'contato@lojafluxo.com.br' })).id;
	await ctx.sql(
		`insert into public.agg_client_day (client_id, day, units_sold, orders_count, gross_revenue, avg_ticket)
		values ($1, '2026-03-14', 37, 25, 45678.9, 1827.16), ($1, '2026-03-13', 1, 1, 10, 10)`,
		[clientId],
	);
});

afterAll(async () => {
	await ctx?.close();
	await fake.stop();
});

describe('the quick wizard', () => {
	it('finds the number on the second page of the first WABA and creates the instance', async () => {
		const result = await createInstanceForNumber({ client: graph, store, wabaIds: app.wabaIds, clientId, phone: '(11) 98765-4321' });
		instance = result.instance;
		expect(instance).toMatchObject({
			clientId,
			clientName: 'Loja Fluxo',
			displayPhoneNumber: '+55 11 98765-4321',
			wabaId: WABA_A,
			verifiedName: 'Loja Fluxo',
			status: 'active',
		});
		expect(instance.rules).toMatchObject({ keywordReplies: [{ keywords: ['vendas'], action: 'sales_yesterday' }] });
		expect(result.warnings).toEqual([]);
		// Paged by cursor (never by the `next` URL, which repeats the token).
		const pages = fake.server.calls(`/v26.0/${WABA_A}/phone_numbers`);
		expect(pages).toHaveLength(2);
		expect(pages[1].query.after).toBeTruthy();
		expect(pages.every((p) => p.query.access_token === undefined)).toBe(true);
	});

	it('warns about a number that is not connected yet', async () => {
		const other = (await ctx.warehouse.clients.create({ name: 'Loja Pendente', email: 'a@lojapendente.com.br' })).id;
		const result = await createInstanceForNumber({ client: graph, store, wabaIds: app.wabaIds, clientId: other, phone: '+55 21 3333-4444' });
		expect(result.instance.wabaId).toBe(WABA_B);
		expect(result.warnings.join(' ')).toMatch(/não foi verificado.*PENDING/);
	});

	it('tells staff what the client must do when the number is not in the app', async () => {
		const error = await createInstanceForNumber({ client: graph, store, wabaIds: app.wabaIds, clientId, phone: '+55 31 90000-0000' }).catch((e) => e);
		expect(error).toBeInstanceOf(NumberNotInAppError);
		expect(error.message).toMatch(/ainda não foi adicionado ao app Meta da Viang.*O que o cliente precisa fazer/);
		expect(await store.listInstances(clientId)).toHaveLength(1);
	});

	it('an invalid token is a clear error without the token', async () => {
		const bad = new WhatsAppCloudClient({ ...app, accessToken: 'EAAbadtoken1234567890' }, { limiters: new RateLimiterRegistry() });
		const error = await bad.listPhoneNumbers(WABA_A).catch((e) => e);
		expect(error).toBeInstanceOf(ApiError);
		expect(error).toMatchObject({ status: 401, code: '190' });
		expect(error.message).toMatch(/Invalid OAuth access token/);
		expect(JSON.stringify({ message: error.message, json: error })).not.toContain('EAAbadtoken1234567890');
	});

	it('lists templates with their status', async () => {
		const approved = await graph.listTemplates(WABA_A, { status: 'APPROVED' });
		expect(approved.map((t) => t.name)).toEqual(['resumo_diario']);
		expect((await graph.listTemplates(WABA_A)).map((t) => t.status)).toEqual(['APPROVED', 'REJECTED']);
	});
});

describe('rule replies', () => {
	const deps = () => ({ store, sender, now: () => NOW });

	it('"vendas" answers yesterday\'s figures in pt-BR BRL', async () => {
		const result = await answerInbound(deps(), { instance: instance.phoneNumberId, from: CONTACT, text: 'Vendas?', messageId: 'wamid.in1' });
		expect(result).toMatchObject({ action: 'sales_yesterday', keyword: 'vendas', send: { status: 'sent' } });
		const [sent] = fake.messagesTo(CONTACT);
		expect(sent.phoneNumberId).toBe(instance.phoneNumberId);
		expect(sent.text).toBe(
			'📊 Vendas de ontem (14/03/2026) — Loja Fluxo\nFaturamento: R$ 45.678,90\nPedidos: 25\nUnidades: 37\nTicket médio: R$ 1.827,16',
		);
		expect(sent.body).toMatchObject({ messaging_product: 'whatsapp', recipient_type: 'individual', type: 'text' });
	});

	it('a second message right away is paced (no 131056 from Meta)', async () => {
		const before = fake.messagesTo(CONTACT).length;
		await answerInbound(deps(), { instance: instance.id, from: CONTACT, text: 'vendas' });
		await answerInbound(deps(), { instance: instance.id, from: CONTACT, text: 'vendas' });
		const sent = fake.messagesTo(CONTACT).slice(before - 1);
		for (let i = 1; i < sent.length; i++) expect(sent[i].at - sent[i - 1].at).toBeGreaterThanOrEqual(400);
		expect(fake.server.requests.filter((r) => r.status === 400)).toEqual([]);
	});

	it('"sair" confirms, stores the opt-out, and nothing is sent to the contact afterwards', async () => {
		const before = fake.messagesTo(CONTACT).length;
		const result = await answerInbound(deps(), { instance: instance.id, from: CONTACT, text: 'SAIR' });
		expect(result).toMatchObject({ action: 'opt_out', optedOut: true, send: { status: 'sent' } });
		expect(fake.messagesTo(CONTACT).at(-1)!.text).toMatch(/^Pronto! Você não vai mais receber mensagens automáticas/);
		expect(await store.isOptedOut(instance.id, CONTACT)).toBe(true);

		expect(await answerInbound(deps(), { instance: instance.id, from: CONTACT, text: 'vendas' })).toMatchObject({ action: 'ignore', reason: 'opted_out' });
		expect(await sender.send(instance, CONTACT, textMessage('Promoção!'))).toMatchObject({ status: 'skipped', reason: 'opted_out' });
		expect(fake.messagesTo(CONTACT)).toHaveLength(before + 1);

		// VOLTAR opts back in, with a confirmation.
		expect(await answerInbound(deps(), { instance: instance.id, from: CONTACT, text: 'voltar' })).toMatchObject({ action: 'opt_in', send: { status: 'sent' } });
		expect(await store.isOptedOut(instance.id, CONTACT)).toBe(false);
	});
});

describe('limits', () => {
	const OTHER = '5511955550000';

	it('131056 from Meta: waits and sends again (pair rate enforced by Meta beyond our pacing)', async () => {
		fake.failNextSends(PAIR_RATE_LIMIT);
		const outcome = await sender.send(instance, OTHER, textMessage('Olá'));
		expect(outcome).toMatchObject({ status: 'sent', attempts: 2 });
		const [log] = await store.sendLog(instance.id, OTHER);
		expect(log).toMatchObject({ status: 'sent', attempts: 2 });
	});

	it('130429 twice: deferred, then sent by resendDue with the same payload', async () => {
		fake.failNextSends(THROUGHPUT_LIMIT, THROUGHPUT_LIMIT);
		const outcome = await sender.send(instance, '5511955550001', textMessage('Pedido enviado'));
		expect(outcome).toMatchObject({ status: 'deferred', errorCode: '130429' });
		expect(fake.messagesTo('5511955550001')).toHaveLength(0);
		await new Promise((r) => setTimeout(r, 100));
		const outcomes = await sender.resendDue((id) => store.requireInstance(id), instance.id);
		expect(outcomes).toMatchObject([{ status: 'sent', to: '5511955550001' }]);
		expect(fake.messagesTo('5511955550001')[0].text).toBe('Pedido enviado');
		expect(await store.dueSends(instance.id)).toEqual([]);
	});

	it('the per-number throughput limiter keeps a burst under Meta\'s limit', async () => {
		// Meta (the fake) allows 5/s; the client keeps a margin for timer jitter.
		fake.throughputPerSecond = 5;
		const throttled = new WhatsAppSender(new WhatsAppCloudClient(app, { throughputPerSecond: 4, limiters: new RateLimiterRegistry() }), store, {
			pairIntervalMs: 200,
		});
		try {
			const recipients = Array.from({ length: 8 }, (_, i) => `55119777700${String(i).padStart(2, '0')}`);
			const outcomes = await Promise.all(recipients.map((to) => throttled.send(instance, to, textMessage('Aviso'))));
			expect(outcomes.every((o) => o.status === 'sent')).toBe(true);
			expect(fake.server.requests.filter((r) => r.status === 400 && JSON.stringify(r.body).includes('Aviso'))).toEqual([]);
		} finally {
			fake.throughputPerSecond = undefined;
		}
	});
});

describe('daily summary', () => {
	it('sends yesterday\'s figures as the approved template to the rule\'s recipients', async () => {
		await store.updateInstance(instance.id, {
			rules: { ...instance.rules, dailySummary: { enabled: true, time: '08:00', recipients: ['5511988880000', '5511988880001'], template: 'resumo_diario', language: 'pt_BR' } },
		});
		const results = await sendDailySummaries({ store, sender, now: () => NOW }, { runTime: '08:00' });
		expect(results.filter((r) => r.instanceId === instance.id).map((r) => [r.recipient, r.status])).toEqual([
			['5511988880000', 'sent'],
			['5511988880001', 'sent'],
		]);
		const [sent] = fake.messagesTo('5511988880000');
		expect(sent.type).toBe('template');
		expect(sent.text).toBe('Loja Fluxo | 14/03/2026 | R$ 45.678,90 | 25 | 37');
		expect(await sendDailySummaries({ store, sender, now: () => NOW }, { runTime: '10:00' })).toMatchObject([{ status: 'not_due' }]);
	});
});

describe('webhook routing', () => {
	it('routes to the owning client and logs unknown numbers in updates_log', async () => {
		const known = inboundTextPayload({ wabaId: WABA_A, phoneNumberId: instance.phoneNumberId, displayPhoneNumber: '5511987654321', from: CONTACT, text: 'vendas' });
		const unknown = inboundTextPayload({ wabaId: WABA_B, phoneNumberId: '999000999', displayPhoneNumber: '5531900000000', from: CONTACT, text: 'oi' });
		const body = { object: 'whatsapp_business_account', entry: [...(known.entry as unknown[]), ...(unknown.entry as unknown[])] };
		const result = await routeEvents(store, parseWebhook(body));
		expect(result.routed.map((r) => [r.instance.clientName, r.event.kind])).toEqual([['Loja Fluxo', 'message']]);
		expect(result.unrouted.map((e) => e.phoneNumberId)).toEqual(['999000999']);
		const logged = await ctx.sql(`select error_message from public.updates_log where source = 'whatsapp.webhook'`);
		expect(logged).toEqual([{ error_message: expect.stringMatching(/^phone_number_id 999000999: número \(5531900000000\) sem instância/) }]);
	});
});
