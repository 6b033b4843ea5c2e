import { canInvite, latestLinkOf, mapLinkStatus, type ManagerLink } from '../../../domain/googleads';

describe('mapLinkStatus', () => {
	it('maps the API lifecycle to the seeds’ lifecycle', () => {
		expect(mapLinkStatus(undefined)).toBe('NOT_LINKED');
		expect(mapLinkStatus('PENDING', 'NOT_LINKED')).toBe('PENDING');
		expect(mapLinkStatus('ACTIVE', 'PENDING')).toBe('APPROVED');
		expect(mapLinkStatus('REFUSED', 'PENDING')).toBe('REJECTED');
	});

	it('maps CANCELED and INACTIVE to CANCELLED only after having been linked', () => {
		expect(mapLinkStatus('CANCELED', 'PENDING')).toBe('CANCELLED');
		expect(mapLinkStatus('INACTIVE', 'APPROVED')).toBe('CANCELLED');
		expect(mapLinkStatus('INACTIVE', 'CANCELLED')).toBe('CANCELLED');
		expect(mapLinkStatus('CANCELED', 'NOT_LINKED')).toBe('NOT_LINKED');
		expect(mapLinkStatus('INACTIVE', null)).toBe('NOT_LINKED');
	});

	it('keeps what it knew when the API says UNKNOWN/UNSPECIFIED', () => {
		expect(mapLinkStatus('UNKNOWN', 'APPROVED')).toBe('APPROVED');
		expect(mapLinkStatus('UNSPECIFIED', undefined)).toBe('NOT_LINKED');
	});

	it('allows a new invitation only when nothing is pending or linked', () => {
		expect(canInvite('NOT_LINKED')).toBe(true);
		expect(canInvite('REJECTED')).toBe(true);
		expect(canInvite('CANCELLED')).toBe(true);
		expect(canInvite('PENDING')).toBe(false);
		expect(canInvite('APPROVED')).toBe(false);
	});
});

describe('latestLinkOf', () => {
	const link = (customerId: string, managerLinkId: string, status: ManagerLink['status']): ManagerLink => ({
		customerId,
		managerLinkId,
		status,
		resourceName: `customers/9998887777/customerClientLinks/${customerId}~${managerLinkId}`,
	});

	it('picks the newest link of the customer (largest int64 id)', () => {
		const links = [
			link('1234567890', '9007199254740993', 'REFUSED'),
			link('1234567890', '9007199254740995', 'PENDING'),
			link('1111111111', '9007199254740999', 'ACTIVE'),
		];
		expect(latestLinkOf(links, '1234567890')?.status).toBe('PENDING');
		expect(latestLinkOf(links, '2222222222')).toBeUndefined();
	});
});
