// The WhatsApp tables and wh_wa_* functions on a real PostgreSQL: instances, opt-outs, pacing
// slots, the send log, unrouted webhooks and the day figures the rules read.
import { WhatsAppInstanceExistsError, WhatsAppInstanceNotFoundError, WhatsAppStore } from '../../../domain/whatsapp';
import { migratedWarehouse, type MigratedWarehouse } from '../warehouse/support';

let ctx: MigratedWarehouse;
let store: WhatsAppStore;
let clientId: string;

beforeAll(async () => {
	ctx = await migratedWarehouse();
	store = new WhatsAppStore(ctx.warehouse.transport);
	clientId = (await ctx.warehouse.clients.create({ name: 'Loja Store', email: 'contato@lojastore.com.br' })).id;
});

afterAll(async () => {
	await ctx?.close();
});

const newInstance = (phoneNumberId: string, display = '+55 11 98765-4321') =>
	store.createInstance({ clientId, phoneNumberId, displayPhoneNumber: display, wabaId: '102290129340398', verifiedName: 'Loja Store', rules: { optOut: { keywords: ['sair'] } } });

describe('instances', () => {
	it('creates, reads (by id and phone number id), lists, updates and deletes', async () => {
		const created = await newInstance('106540352242901');
		expect(created).toMatchObject({
			clientId,
			clientName: 'Loja Store',
			phoneNumberId: '106540352242901',
			phoneDigits: '5511987654321',
			status: 'active',
			rules: { optOut: { keywords: ['sair'] } },
		});
		expect((await store.requireInstance(created.id)).id).toBe(created.id);
		expect((await store.requireInstance('106540352242901')).id).toBe(created.id);
		expect((await store.listInstances(clientId)).map((i) => i.id)).toContain(created.id);

		const updated = await store.updateInstance(created.id, { rules: { fallbackText: 'Oi!' }, status: 'paused' });
		expect(updated).toMatchObject({ status: 'paused', rules: { fallbackText: 'Oi!' } });
		expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.updatedAt));

		expect(await store.deleteInstance(created.id)).toBe(true);
		await expect(store.requireInstance(created.id)).rejects.toBeInstanceOf(WhatsAppInstanceNotFoundError);
		expect(await store.deleteInstance(created.id)).toBe(false);
	});

	it('one instance per phone number id', async () => {
		await newInstance('106540352242902');
		await expect(newInstance('106540352242902')).rejects.toBeInstanceOf(WhatsAppInstanceExistsError);
	});

	it('explains a missing instance in pt-BR', async () => {
		await expect(store.requireInstance('0000')).rejects.toThrow('Instância de WhatsApp não encontrada: "0000"');
		await expect(store.requireInstance('not-an-id')).rejects.toThrow(/não encontrada/);
	});
});

describe('opt-outs', () => {
	it('stores once, keeps the first time, and opts back in', async () => {
		const instance = await newInstance('106540352242903');
		const first = await store.optOut(instance.id, '5511900000001');
		const again = await store.optOut(instance.id, '5511900000001');
		expect(first.created).toBe(true);
		expect(again).toEqual({ optedOutAt: first.optedOutAt, created: false });
		expect(await store.isOptedOut(instance.id, '5511900000001')).toBe(true);
		expect(await store.isOptedOut(instance.id, '5511900000002')).toBe(false);
		expect(await store.optOuts(instance.id)).toEqual([{ waId: '5511900000001', optedOutAt: first.optedOutAt }]);
		expect(await store.optIn(instance.id, '5511900000001')).toBe(true);
		expect(await store.isOptedOut(instance.id, '5511900000001')).toBe(false);
	});
});

describe('send reservations', () => {
	it('hands out slots 6 s apart per contact, even to concurrent callers', async () => {
		const instance = await newInstance('106540352242904');
		const reserve = (waId: string) =>
			store.reserveSend({ instanceId: instance.id, waId, kind: 'text', purpose: 'manual', payload: { type: 'text' }, intervalMs: 6000 });
		const slots = await Promise.all([reserve('5511900000001'), reserve('5511900000001'), reserve('5511900000001'), reserve('5511900000002')]);
		const times = slots.map((s) => (s.status === 'reserved' ? Date.parse(s.scheduledAt) : NaN));
		const sameContact = times.slice(0, 3).sort((a, b) => a - b);
		expect(sameContact[1] - sameContact[0]).toBeGreaterThanOrEqual(6000);
		expect(sameContact[2] - sameContact[1]).toBeGreaterThanOrEqual(6000);
		const waits = slots.slice(0, 3).map((s) => (s.status === 'reserved' ? s.waitMs : -1)).sort((a, b) => a - b);
		expect(waits[0]).toBeLessThan(1000);
		expect(waits[2]).toBeGreaterThan(11_000);
		// Another contact is not held back.
		expect(slots[3].status === 'reserved' && slots[3].waitMs).toBeLessThan(1000);
	});

	it('refuses opted-out contacts and logs the message as skipped', async () => {
		const instance = await newInstance('106540352242905');
		await store.optOut(instance.id, '5511900000009');
		const reservation = await store.reserveSend({ instanceId: instance.id, waId: '5511900000009', kind: 'text', purpose: 'manual', payload: { a: 1 }, intervalMs: 6000 });
		expect(reservation.status).toBe('opted_out');
		expect(await store.sendLog(instance.id)).toMatchObject([{ status: 'skipped', errorMessage: 'opted out', waId: '5511900000009' }]);
	});

	it('records results, lists deferred messages when due, and takes them again', async () => {
		const instance = await newInstance('106540352242906');
		const r = await store.reserveSend({ instanceId: instance.id, waId: '5511900000001', kind: 'text', purpose: 'manual', payload: { type: 'text', text: { body: 'Oi' } }, intervalMs: 10 });
		if (r.status !== 'reserved') throw new Error('expected a reservation');
		await store.sendResult(r.logId, { status: 'deferred', errorCode: '130429', errorMessage: 'Rate limit hit', nextAttemptAt: new Date(Date.now() + 60_000) });
		expect(await store.dueSends(instance.id)).toEqual([]);
		await store.sendResult(r.logId, { status: 'deferred', errorCode: '130429', nextAttemptAt: new Date(Date.now() - 1000) });
		const [due] = await store.dueSends(instance.id);
		expect(due).toMatchObject({ logId: r.logId, waId: '5511900000001', payload: { type: 'text', text: { body: 'Oi' } }, attempts: 1, errorCode: '130429' });
		const again = await store.reserveSend({ instanceId: instance.id, waId: due.waId, kind: due.kind, purpose: 'retry', intervalMs: 10, logId: due.logId });
		expect(again).toMatchObject({ status: 'reserved', logId: r.logId, attempts: 2 });
		await store.sendResult(r.logId, { status: 'sent', wamid: 'wamid.X' });
		expect(await store.sendLog(instance.id)).toMatchObject([{ logId: r.logId, status: 'sent', wamid: 'wamid.X', attempts: 2, nextAttemptAt: null }]);
		await expect(
			store.reserveSend({ instanceId: instance.id, waId: due.waId, kind: 'text', purpose: 'retry', intervalMs: 10, logId: r.logId }),
		).rejects.toThrow(/not waiting for a retry/);
	});
});

describe('figures and unrouted webhooks', () => {
	it('reads a client\'s day from agg_client_day, zeros when there is no row', async () => {
		await ctx.sql(
			`insert into public.agg_client_day (client_id, day, units_sold, orders_count, gross_revenue, avg_ticket)
			values ($1, '2026-03-14', 15, 12, 1234.56, 102.88)`,
			[clientId],
		);
		expect(await store.clientDay(clientId, '2026-03-14')).toEqual({
			clientName: 'Loja Store',
			day: '2026-03-14',
			hasData: true,
			grossRevenue: '1234.56',
			ordersCount: 12,
			unitsSold: 15,
			avgTicket: '102.88',
		});
		expect(await store.clientDay(clientId, '2026-03-13')).toMatchObject({ hasData: false, grossRevenue: '0', ordersCount: 0, avgTicket: null });
	});

	it('logs a number without an instance in updates_log', async () => {
		await store.logUnrouted('555000111', 'número sem instância; 1 evento(s)');
		const rows = await ctx.sql(`select client_id, source, step, status, error_message from public.updates_log where source = 'whatsapp.webhook'`);
		expect(rows).toEqual([
			{ client_id: null, source: 'whatsapp.webhook', step: 'unrouted', status: 'skipped', error_message: 'phone_number_id 555000111: número sem instância; 1 evento(s)' },
		]);
	});
});

describe('security', () => {
	it('has RLS on every WhatsApp table and lets only the service role call the functions', async () => {
		const tables = await ctx.sql<{ relname: string; relrowsecurity: boolean }>(
			`select relname, relrowsecurity from pg_class where relname like 'whatsapp_%' and relkind = 'r' order by relname`,
		);
		expect(tables).toEqual([
			{ relname: 'whatsapp_instances', relrowsecurity: true },
			{ relname: 'whatsapp_opt_outs', relrowsecurity: true },
			{ relname: 'whatsapp_pair_slots', relrowsecurity: true },
			{ relname: 'whatsapp_send_log', relrowsecurity: true },
		]);
		const grants = await ctx.sql<{ proname: string; anon: boolean; service: boolean }>(
			`select proname, has_function_privilege('anon', p.oid, 'execute') as anon,
				has_function_privilege('service_role', p.oid, 'execute') as service
			from pg_proc p where left(proname, 6) = 'wh_wa_' order by proname`,
		);
		expect(grants.length).toBe(14);
		expect(grants.every((g) => g.service && !g.anon)).toBe(true);
	});
});
