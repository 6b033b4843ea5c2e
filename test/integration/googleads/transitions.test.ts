// Every transition of the link lifecycle, through the fake Google Ads and a real PostgreSQL, with
// the history rows each one leaves.
import { ACCOUNTS, historyOf, linkOf, startHarness, type Harness } from './harness';

const MGR = '9998887777';
const resource = (customerId: string) => new RegExp(`^customers/${MGR}/customerClientLinks/${customerId}~[0-9]+$`);

describe('Google Ads MCC link transitions', () => {
	let h: Harness;

	beforeAll(async () => {
		h = await startHarness();
	});

	afterAll(async () => {
		await h.close();
	});

	it('invite → client approves → sync reports PENDING → APPROVED', async () => {
		const clientId = await h.createClient('Acme');
		const service = h.service('n8n');

		const invited = await service.invite('Acme', '123-456-7890');
		expect(invited).toMatchObject({
			clientId,
			clientName: 'Acme',
			customerId: '123-456-7890',
			status: 'PENDING',
			previousStatus: 'NOT_LINKED',
			changed: true,
			action: 'invited',
		});
		expect(invited.resourceName).toMatch(resource(ACCOUNTS.acme.customerId));
		expect(invited.requestId).toMatch(/^[A-Za-z0-9]{22}$/);
		expect(h.fake.link(ACCOUNTS.acme.customerId)?.status).toBe('PENDING');

		// The mutate body is the single-operation REST form, with the three required headers.
		const [mutate] = h.fake.mutateCalls();
		expect(mutate.path).toBe(`/v26/customers/${MGR}/customerClientLinks:mutate`);
		expect(mutate.body).toEqual({ operation: { create: { clientCustomer: 'customers/1234567890', status: 'PENDING' } } });
		expect(mutate.headers['developer-token']).toBe(h.fake.developerToken);
		expect(mutate.headers['login-customer-id']).toBe(MGR);
		expect(mutate.headers.authorization).toMatch(/^Bearer ya29\.fake-/);

		expect(await service.sync()).toEqual({ checked: 1, transitions: [] });
		h.fake.accept(ACCOUNTS.acme.customerId);
		const synced = await h.service('sync-job').sync();
		expect(synced.transitions).toEqual([
			expect.objectContaining({ clientId, clientName: 'Acme', customerId: '123-456-7890', from: 'PENDING', to: 'APPROVED' }),
		]);
		expect((await h.service().sync()).transitions).toEqual([]);

		expect(await linkOf(h, clientId)).toMatchObject({ customer_id: '1234567890', status: 'APPROVED' });
		expect(await historyOf(h, clientId)).toEqual([
			expect.objectContaining({
				customer_id: '1234567890',
				from_status: 'NOT_LINKED',
				to_status: 'PENDING',
				cause: 'invite',
				actor: 'n8n',
				outcome: 'ok',
				api_request_id: invited.requestId,
				resource_name: invited.resourceName,
				manager_link_id: invited.managerLinkId,
			}),
			expect.objectContaining({ from_status: 'PENDING', to_status: 'APPROVED', cause: 'sync', actor: 'sync-job', outcome: 'ok' }),
		]);
	});

	it('invite → client refuses → re-invite creates a new invitation', async () => {
		const clientId = await h.createClient('Bravo');
		const service = h.service('cli');
		const first = await service.invite(clientId, '2223334444');
		h.fake.refuse(ACCOUNTS.bravo.customerId);
		expect((await service.get(clientId)).status).toBe('REJECTED');

		const again = await service.invite(clientId, '222-333-4444');
		expect(again).toMatchObject({ action: 'invited', previousStatus: 'REJECTED', status: 'PENDING' });
		expect(BigInt(again.managerLinkId!)).toBeGreaterThan(BigInt(first.managerLinkId!));
		expect(h.fake.links.filter((l) => l.customerId === ACCOUNTS.bravo.customerId).map((l) => l.status)).toEqual([
			'REFUSED',
			'PENDING',
		]);
		expect((await historyOf(h, clientId)).map((r) => [r.from_status, r.to_status, r.cause, r.actor])).toEqual([
			['NOT_LINKED', 'PENDING', 'invite', 'cli'],
			['PENDING', 'REJECTED', 'sync', 'cli'],
			['REJECTED', 'PENDING', 'invite', 'cli'],
		]);
		expect(await linkOf(h, clientId)).toMatchObject({ status: 'PENDING', manager_link_id: again.managerLinkId });
	});

	it('invite → withdraw cancels the invitation (CANCELED at Google, CANCELLED here)', async () => {
		const clientId = await h.createClient('Charlie');
		const service = h.service('bot:maria');
		await service.invite(clientId, '5556667777');
		const withdrawn = await service.withdraw('charlie');
		expect(withdrawn).toMatchObject({ action: 'withdrawn', previousStatus: 'PENDING', status: 'CANCELLED', apiStatus: 'CANCELED' });
		expect(h.fake.link(ACCOUNTS.charlie.customerId)?.status).toBe('CANCELED');
		const update = h.fake.mutateCalls().at(-1)!;
		expect(update.body).toEqual({
			operation: { update: { resourceName: withdrawn.resourceName, status: 'CANCELED' }, updateMask: 'status' },
		});
		expect((await historyOf(h, clientId)).map((r) => [r.from_status, r.to_status, r.cause, r.actor])).toEqual([
			['NOT_LINKED', 'PENDING', 'invite', 'bot:maria'],
			['PENDING', 'CANCELLED', 'withdraw', 'bot:maria'],
		]);
		expect((await historyOf(h, clientId))[1].api_request_id).toBe(withdrawn.requestId);
		// A sync afterwards sees CANCELED and changes nothing.
		expect((await service.sync()).transitions.filter((t) => t.clientId === clientId)).toEqual([]);
	});

	it('approved → unlink ends the link (INACTIVE at Google, CANCELLED here)', async () => {
		h.fake.addAccount('3334445555', 'Delta Ads');
		const clientId = await h.createClient('Delta');
		const service = h.service('n8n');
		await service.invite(clientId, '3334445555');
		h.fake.accept('3334445555');
		const unlinked = await service.unlink(clientId);
		expect(unlinked).toMatchObject({ action: 'unlinked', status: 'CANCELLED', previousStatus: 'APPROVED', apiStatus: 'INACTIVE' });
		expect(h.fake.link('3334445555')?.status).toBe('INACTIVE');
		expect((await historyOf(h, clientId)).map((r) => [r.from_status, r.to_status, r.cause])).toEqual([
			['NOT_LINKED', 'PENDING', 'invite'],
			['PENDING', 'APPROVED', 'sync'],
			['APPROVED', 'CANCELLED', 'unlink'],
		]);
	});

	it('the client terminates an active link → sync reports APPROVED → CANCELLED', async () => {
		h.fake.addAccount('4445556666', 'Echo Ads');
		const clientId = await h.createClient('Echo');
		const service = h.service('n8n');
		await service.invite(clientId, '4445556666');
		h.fake.accept('4445556666');
		expect((await service.sync()).transitions.filter((t) => t.clientId === clientId).map((t) => t.to)).toEqual(['APPROVED']);
		h.fake.terminate('4445556666');
		const { transitions } = await service.sync();
		expect(transitions).toEqual([expect.objectContaining({ clientId, from: 'APPROVED', to: 'CANCELLED', customerId: '444-555-6666' })]);
		expect((await linkOf(h, clientId)).status).toBe('CANCELLED');
	});

	it('inviting an account already pending or linked sends no second invitation and reports the state', async () => {
		h.fake.addAccount('6667778888', 'Foxtrot Ads');
		const clientId = await h.createClient('Foxtrot');
		const service = h.service('n8n');
		await service.invite(clientId, '6667778888');
		const mutatesBefore = h.fake.mutateCalls().length;

		const pending = await service.invite(clientId, '666-777-8888');
		expect(pending).toMatchObject({ action: 'already_pending', status: 'PENDING', previousStatus: 'PENDING', changed: false });

		h.fake.accept('6667778888');
		const linked = await service.invite(clientId, '6667778888');
		expect(linked).toMatchObject({ action: 'already_linked', status: 'APPROVED', changed: false });
		expect(h.fake.mutateCalls().length).toBe(mutatesBefore);
		expect(h.fake.links.filter((l) => l.customerId === '6667778888')).toHaveLength(1);

		expect((await historyOf(h, clientId)).map((r) => [r.from_status, r.to_status, r.cause, r.outcome])).toEqual([
			['NOT_LINKED', 'PENDING', 'invite', 'ok'],
			['PENDING', 'PENDING', 'invite', 'noop'],
			['PENDING', 'APPROVED', 'sync', 'ok'],
			['APPROVED', 'APPROVED', 'invite', 'noop'],
		]);
	});

	it('an invitation made elsewhere (or whose answer was lost) is reported, not duplicated', async () => {
		h.fake.addAccount('7778889999', 'Golf Ads');
		const clientId = await h.createClient('Golf');
		// Someone invites the account between our read and our create: Google answers ALREADY_INVITED.
		const racing: typeof fetch = async (input, init) => {
			if (String(input).endsWith('customerClientLinks:mutate')) {
				h.fake.links.push({ customerId: '7778889999', managerLinkId: '990000000001', status: 'PENDING' });
			}
			return fetch(input, init);
		};
		const result = await h.service('n8n', { fetchImpl: racing }).invite(clientId, '7778889999');
		expect(result).toMatchObject({ action: 'already_pending', status: 'PENDING', managerLinkId: '990000000001' });
		expect(h.fake.links.filter((l) => l.customerId === '7778889999')).toHaveLength(1);
		expect((await historyOf(h, clientId)).map((r) => [r.to_status, r.outcome])).toEqual([['PENDING', 'noop']]);
	});

	it('sync reads every page of links and one token serves every call', async () => {
		h.fake.pageSize = 2;
		try {
			const tokensBefore = h.fake.tokenCalls().length;
			for (const link of h.fake.links) if (link.status === 'PENDING') h.fake.accept(link.customerId);
			const { transitions, checked } = await h.service('n8n').sync();
			expect(checked).toBe(7);
			expect(transitions.map((t) => `${t.clientName}:${t.from}→${t.to}`).sort()).toEqual(
				['Bravo:PENDING→APPROVED', 'Golf:PENDING→APPROVED'].sort(),
			);
			expect(h.fake.tokenCalls().length).toBe(tokensBefore);
		} finally {
			h.fake.pageSize = 10_000;
		}
	});
});
