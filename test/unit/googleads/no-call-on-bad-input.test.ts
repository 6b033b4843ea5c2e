// Bad ids are refused by the service before it sends anything or touches the warehouse. The
// boundaries (fetch, warehouse transport) record calls; no code of ours is replaced.
import { GoogleAdsClient, GoogleAdsInputError, GoogleAdsLinkService, GoogleAdsLinksRepository, validateGoogleAdsConfig } from '../../../domain/googleads';
import type { WarehouseTransport } from '../../../domain/warehouse/transport';

describe('invite with a bad customer id', () => {
	const fetches: string[] = [];
	const rpcs: string[] = [];
	const recordingFetch = (async (input: string | URL | Request) => {
		fetches.push(String(input));
		throw new Error('no network in unit tests');
	}) as typeof fetch;
	const transport: WarehouseTransport = {
		kind: 'pg',
		async rpc(fn: string) {
			rpcs.push(fn);
			return [];
		},
		async close() {},
	};
	const service = new GoogleAdsLinkService({
		api: new GoogleAdsClient(
			validateGoogleAdsConfig({ developerToken: 'd', clientId: 'c', clientSecret: 's', refreshToken: 'r', managerCustomerId: '9998887777' }),
			{ fetchImpl: recordingFetch },
		),
		links: new GoogleAdsLinksRepository(transport),
		clients: {
			async findByIdOrName() {
				rpcs.push('findByIdOrName');
				return { id: '00000000-0000-0000-0000-000000000001', name: 'Acme' };
			},
		},
		actor: 'test',
	});

	it.each([
		['123456789', 'invalid_customer_id'],
		['12345678a0', 'invalid_customer_id'],
		['abc-def-ghij', 'invalid_customer_id'],
		['9998887777', 'manager_customer_id'],
		['999-888-7777', 'manager_customer_id'],
	])('%j → %s, no API call, nothing read or written', async (input, code) => {
		await expect(service.invite('Acme', input)).rejects.toMatchObject({ code, constructor: GoogleAdsInputError });
		expect(fetches).toEqual([]);
		expect(rpcs).toEqual([]);
	});
});
