import { eventItem, parseWebhook, routeEvents, WebhookPayloadError, type Instance } from '../../../domain/whatsapp';

const message = (phoneNumberId: string, from: string, body: string) => ({
	field: 'messages',
	value: {
		messaging_product: 'whatsapp',
		metadata: { display_phone_number: `55119${phoneNumberId.slice(-8)}`, phone_number_id: phoneNumberId },
		contacts: [{ profile: { name: 'Maria' }, wa_id: from }],
		messages: [{ from, id: `wamid.${from}`, timestamp: '1773572400', type: 'text', text: { body } }],
	},
});

// Two WABAs, three numbers (one without an instance), messages, a status, an error and a template update.
const delivery = {
	object: 'whatsapp_business_account',
	entry: [
		{
			id: 'WABA_A',
			changes: [
				message('1001', '5511900000001', 'vendas'),
				{
					field: 'messages',
					value: {
						messaging_product: 'whatsapp',
						metadata: { display_phone_number: '551140000002', phone_number_id: '1002' },
						statuses: [{ id: 'wamid.out', status: 'delivered', timestamp: '1773572401', recipient_id: '5511900000009' }],
						errors: [{ code: 130429, title: 'Rate limit hit', message: 'Rate limit hit' }],
					},
				},
			],
		},
		{
			id: 'WABA_B',
			changes: [
				message('9999', '5511900000003', 'oi'),
				{ field: 'message_template_status_update', value: { event: 'APPROVED', message_template_name: 'resumo_diario' } },
				{
					field: 'messages',
					value: {
						messaging_product: 'whatsapp',
						metadata: { display_phone_number: '551140000001', phone_number_id: '1001' },
						messages: [{ from: '5511900000004', id: 'wamid.btn', type: 'button', button: { text: 'Vendas', payload: 'x' } }],
					},
				},
			],
		},
	],
};

const instance = (id: string, phoneNumberId: string, clientName: string): Instance => ({
	id,
	clientId: `client-${id}`,
	clientName,
	phoneNumberId,
	displayPhoneNumber: phoneNumberId,
	phoneDigits: '551140000000',
	wabaId: 'WABA_A',
	verifiedName: null,
	status: 'active',
	rules: {},
	createdAt: '2026-03-15T00:00:00.000Z',
	updatedAt: '2026-03-15T00:00:00.000Z',
});

describe('parseWebhook', () => {
	it('flattens every entry and change into events with their number', () => {
		const events = parseWebhook(delivery);
		expect(events.map((e) => [e.kind, e.phoneNumberId ?? null, e.wabaId])).toEqual([
			['message', '1001', 'WABA_A'],
			['status', '1002', 'WABA_A'],
			['error', '1002', 'WABA_A'],
			['message', '9999', 'WABA_B'],
			['other', null, 'WABA_B'],
			['message', '1001', 'WABA_B'],
		]);
		expect(events[0]).toMatchObject({ from: '5511900000001', contactName: 'Maria', text: 'vendas', type: 'text' });
		expect(events[5]).toMatchObject({ type: 'button', text: 'Vendas' });
		expect(events[1]).toMatchObject({ status: 'delivered', recipientId: '5511900000009', messageId: 'wamid.out' });
		expect(events[2]).toMatchObject({ code: 130429, title: 'Rate limit hit' });
	});

	it('refuses bodies that are not WhatsApp deliveries', () => {
		expect(() => parseWebhook({ object: 'page', entry: [] })).toThrow(WebhookPayloadError);
		expect(() => parseWebhook(undefined)).toThrow(WebhookPayloadError);
	});
});

describe('routeEvents', () => {
	const instances = new Map([
		['1001', instance('i1', '1001', 'Loja A')],
		['1002', instance('i2', '1002', 'Loja B')],
	]);

	it('routes each event to the client that owns the number and logs unknown numbers once', async () => {
		const logged: Array<[string, string]> = [];
		const lookups: string[] = [];
		const store = {
			instanceByPhoneNumberId: async (id: string) => {
				lookups.push(id);
				return instances.get(id) ?? null;
			},
			logUnrouted: async (id: string, detail: string) => {
				logged.push([id, detail]);
				return '1';
			},
		};
		const result = await routeEvents(store, parseWebhook(delivery));
		expect(result.routed.map((r) => [r.event.kind, r.instance.clientName])).toEqual([
			['message', 'Loja A'],
			['status', 'Loja B'],
			['error', 'Loja B'],
			['message', 'Loja A'],
		]);
		expect(result.unrouted.map((e) => e.phoneNumberId)).toEqual(['9999']);
		expect(result.account.map((e) => e.field)).toEqual(['message_template_status_update']);
		expect(logged).toHaveLength(1);
		expect(logged[0][0]).toBe('9999');
		expect(logged[0][1]).toMatch(/sem instância; 1 evento\(s\) não roteado\(s\): message/);
		// One lookup per number per delivery.
		expect(lookups.sort()).toEqual(['1001', '1002', '9999']);
	});

	it('shapes items with the client and the message', async () => {
		const [first] = parseWebhook(delivery);
		expect(eventItem(first, instances.get('1001')!)).toMatchObject({
			event: 'message',
			instanceId: 'i1',
			clientId: 'client-i1',
			clientName: 'Loja A',
			phoneNumberId: '1001',
			from: '5511900000001',
			text: 'vendas',
		});
		expect(eventItem(first, null)).toMatchObject({ event: 'unrouted', eventKind: 'message', instanceId: null });
	});
});
