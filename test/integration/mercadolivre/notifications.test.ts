// The trigger's logic with the fake and the real warehouse: topic filter, seller → Viang client
// through the warehouse, the resource always re-read with the seller's token (bodies are unsigned).
import { clientForViangClient, handleNotification } from '../../../domain/mercadolivre';
import { MlHarness, startHarness } from './harness';

jest.setTimeout(60_000);

describe('Mercado Livre notifications', () => {
	let h: MlHarness;
	let clientId: string;
	const deps = () => ({
		findClientId: async (mlUserId: string) => (await h.warehouse.clients.list()).find((c) => c.mlUserId === mlUserId)?.id ?? null,
		clientFor: (id: string) => clientForViangClient(h.warehouse.vault, h.app, id, { limiters: h.limiters }),
	});

	beforeAll(async () => {
		h = await startHarness();
		({ clientId } = await h.addClient({ userId: 9101, orders: 20, items: 5, days: 3, seed: 91 }));
	});
	afterAll(() => h?.close());

	it('emits the re-read order with the Viang client id', async () => {
		const order = h.fake.seller(9101).orders[2];
		const result = await handleNotification({
			body: { _id: 'n1', resource: `/orders/${order.id}`, user_id: 9101, topic: 'orders_v2', application_id: 1, attempts: 1, status: 'forged' },
			topics: ['orders_v2'],
			...deps(),
		});
		expect(result.outcome).toBe('emit');
		expect(result.clientId).toBe(clientId);
		expect(result.resource).toMatchObject({ id: order.id, status: order.status });
		expect(h.fake.server.calls(`/orders/${order.id}`)).toHaveLength(1);
	});

	it('drops other topics, unknown sellers and malformed bodies without calling the API', async () => {
		const before = h.fake.server.requests.length;
		const other = await handleNotification({ body: { resource: '/items/MLB1', user_id: 9101, topic: 'items' }, topics: ['orders_v2'], ...deps() });
		expect(other.outcome).toBe('ignored');
		const unknown = await handleNotification({ body: { resource: '/orders/1', user_id: 424242, topic: 'orders_v2' }, topics: [], ...deps() });
		expect(unknown.outcome).toBe('unknown_user');
		const bad = await handleNotification({ body: { resource: 'http://evil/x', user_id: 9101, topic: 'orders_v2' }, topics: [], ...deps() });
		expect(bad.outcome).toBe('invalid');
		expect(h.fake.server.requests.length).toBe(before);
	});

	it('reports a resource that cannot be read', async () => {
		const result = await handleNotification({ body: { resource: '/orders/1', user_id: 9101, topic: 'orders_v2' }, topics: [], ...deps() });
		expect(result.outcome).toBe('fetch_failed');
		expect(result.error).toContain('404');
	});
});
