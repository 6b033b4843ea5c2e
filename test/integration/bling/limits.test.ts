// Bling's limits under a burst, with the fake enforcing the real thresholds: 50 concurrent calls
// for one account and 30 token refreshes for 30 clients at the same time. The fake must never
// answer 429 or block the address, one account stays ≤ 3 req/s, and token calls stay well under
// 20 a minute (the 16th refresh waits for the first one's minute to pass).
import { blingClientForViangClient } from '../../../domain/bling';
import { FakeBling } from '../../fakes/bling';
import { BlingHarness, startBlingHarness } from './harness';

jest.setTimeout(180_000);

describe('Bling limits under a burst', () => {
	let h: BlingHarness;

	beforeAll(async () => {
		h = await startBlingHarness();
	});
	afterAll(() => h.close());

	it('never trips a 429 or an address block', async () => {
		const products = [{ id: 1, nome: 'A', codigo: 'A', stock: { 1: 1 } }];
		const busy = await h.addClient({ id: 9000, products }, { name: 'Conta Ocupada' });
		const expired = [];
		for (let i = 0; i < 30; i++) expired.push(await h.addClient({ id: 9100 + i, products }, { name: `Conta ${i}`, expired: true }));

		const started = Date.now();
		const busyApi = blingClientForViangClient(h.warehouse.vault, h.app, busy.clientId, { limiters: h.limiters });
		const burst = Promise.all(Array.from({ length: 50 }, () => busyApi.getProduct(1)));
		const refreshes = Promise.all(
			expired.map(({ clientId }) => blingClientForViangClient(h.warehouse.vault, h.app, clientId, { limiters: h.limiters }).getProduct(1)),
		);
		const [answers] = await Promise.all([burst, refreshes]);
		const elapsed = Date.now() - started;

		expect(answers).toHaveLength(50);
		expect(h.fake.rateLimitedCount()).toBe(0);
		expect(h.fake.blocks).toEqual([]);
		expect(h.fake.maxPerSecond(9000)).toBeLessThanOrEqual(3);
		expect(h.fake.tokenCalls()).toBe(30);
		expect(h.fake.maxTokenCallsPerMinute()).toBeLessThanOrEqual(15);
		// 50 calls at 2.5/s take about 20 s; 30 refreshes at 15 a minute need the second minute.
		expect(elapsed).toBeGreaterThanOrEqual(60_000);
		for (const { clientId } of expired) expect((await h.warehouse.vault.getTokens(clientId, 'bling'))?.needsReauth).toBe(false);
	});

	it('the fake itself answers 429 in Bling\'s shape past 3/s, and blocks the address after 20 token calls', async () => {
		const fake = new FakeBling();
		await fake.start();
		try {
			fake.addAccount({ id: 1 });
			const { access_token: accessToken } = fake.issueTokens('app', 1);
			const raw = await Promise.all(Array.from({ length: 5 }, () => fetch(`${fake.apiUrl}/depositos`, { headers: { authorization: `Bearer ${accessToken}` } })));
			const limited = raw.filter((r) => r.status === 429);
			expect(limited.length).toBe(2);
			expect(await limited[0].json()).toEqual({ error: expect.objectContaining({ type: 'TOO_MANY_REQUESTS' }) });

			const statuses: number[] = [];
			for (let i = 0; i < 21; i++) {
				const r = await fetch(fake.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=refresh_token&refresh_token=x' });
				statuses.push(r.status);
			}
			expect(statuses.slice(0, 19).every((s) => s === 401)).toBe(true);
			expect(statuses.slice(19)).toEqual([403, 403]);
			expect(fake.blocks).toEqual([expect.objectContaining({ reason: '20 token calls in 60 s' })]);
			// Blocked means every call, not only token calls.
			await new Promise((r) => setTimeout(r, 1100));
			expect((await fetch(`${fake.apiUrl}/depositos`, { headers: { authorization: `Bearer ${accessToken}` } })).status).toBe(403);
		} finally {
			await fake.stop();
		}
	});
});
