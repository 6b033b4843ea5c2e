// The n8n node's operations with an execution context shaped like n8n's (parameters, credentials,
// paired items, continueOnFail), against the fake Google Ads and a real PostgreSQL.
import {
	NodeApiError,
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type ICredentialTestFunctions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { GoogleAdsMcc } from '../../../nodes/GoogleAdsMcc/GoogleAdsMcc.node';
import { getWarehouse } from '../../../nodes/shared/warehouse';
import { startHarness, type Harness } from './harness';

describe('Google Ads MCC node', () => {
	let h: Harness;
	let credentials: Record<string, ICredentialDataDecryptedObject>;
	const node = new GoogleAdsMcc();

	// What n8n-core's helpers do, reduced to what the node uses.
	const helpers = {
		returnJsonArray: (data: IDataObject | IDataObject[]) => (Array.isArray(data) ? data : [data]).map((json) => ({ json })),
		constructExecutionMetaData: (items: INodeExecutionData[], { itemData }: { itemData: { item: number } }) =>
			items.map((item) => ({ ...item, pairedItem: itemData })),
	};

	const context = (params: Array<Record<string, unknown>>, continueOnFail = false) =>
		({
			getInputData: () => params.map((_, i) => ({ json: { i } })),
			getNodeParameter: (name: string, i: number, fallback?: unknown) => {
				const value = params[i]?.[name];
				if (value === undefined && fallback === undefined) throw new Error(`missing parameter ${name}`);
				return value ?? fallback;
			},
			getCredentials: async (name: string) => credentials[name],
			continueOnFail: () => continueOnFail,
			getNode: () => ({ id: 'n1', name: 'Google Ads MCC', type: 'n8n-nodes-viang.googleAdsMcc', typeVersion: 1, position: [0, 0], parameters: {} }),
			helpers,
		}) as unknown as IExecuteFunctions;

	const run = async (params: Array<Record<string, unknown>>, continueOnFail = false) =>
		(await node.execute.call(context(params, continueOnFail)))[0];

	beforeAll(async () => {
		h = await startHarness();
		await h.createClient('Acme');
		await h.createClient('Bravo');
		credentials = {
			googleAdsMccApi: { ...h.fake.config(), managerCustomerId: '999-888-7777' },
			viangWarehouseApi: { transport: 'postgres', databaseUrl: h.db.url, tokenKey: '0'.repeat(64) },
		};
	});

	afterAll(async () => {
		// The node keeps its warehouse open for later executions: close it here.
		await (await getWarehouse(context([{}]))).close();
		await h.close();
	});

	it('invites per item, pairing outputs and keeping failures as items with continueOnFail', async () => {
		const out = await run(
			[
				{ resource: 'link', operation: 'invite', clientId: 'Acme', customerId: '123-456-7890' },
				{ resource: 'link', operation: 'invite', clientId: 'Bravo', customerId: '123456789' },
			],
			true,
		);
		expect(out).toEqual([
			{ json: expect.objectContaining({ clientName: 'Acme', customerId: '123-456-7890', status: 'PENDING', action: 'invited' }), pairedItem: { item: 0 } },
			{
				// English for n8n, pt-BR for staff (the mcc-invite webhook answers 400 with it).
				json: {
					error: expect.stringMatching(/Customer ID "123456789" is not valid/),
					message: 'Customer id do Google Ads inválido ("123456789"): ele tem 9 dígito(s) e precisa ter 10. Envie no formato 123-456-7890.',
					details: { userError: true, code: 'invalid_customer_id' },
				},
				pairedItem: { item: 1 },
			},
		]);
		expect(JSON.stringify(out)).not.toContain(h.fake.refreshToken);
	});

	it('throws NodeOperationError for bad input and NodeApiError for Google refusals', async () => {
		await expect(run([{ resource: 'link', operation: 'invite', clientId: 'Bravo', customerId: '999-888-7777' }])).rejects.toBeInstanceOf(
			NodeOperationError,
		);
		const error = await run([{ resource: 'link', operation: 'invite', clientId: 'Bravo', customerId: '1010101010' }]).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('400');
		expect(error.message).toContain('requestError.INVALID_CUSTOMER_ID');
	});

	it('syncs statuses and outputs only the wanted transitions; Get and Get Many read the state', async () => {
		await run([{ resource: 'link', operation: 'invite', clientId: 'Bravo', customerId: '2223334444' }]);
		h.fake.accept('1234567890');
		h.fake.refuse('2223334444');
		const out = await run([{ resource: 'syncStatuses', operation: 'sync', transitionsTo: ['APPROVED'] }]);
		expect(out).toEqual([
			{
				json: expect.objectContaining({ clientName: 'Acme', customerId: '123-456-7890', from: 'PENDING', to: 'APPROVED' }),
				pairedItem: { item: 0 },
			},
		]);
		expect((await h.repo.list()).map((l) => [l.clientName, l.status])).toEqual([
			['Acme', 'APPROVED'],
			['Bravo', 'REJECTED'],
		]);

		const get = await run([{ resource: 'link', operation: 'get', clientId: 'Bravo', refresh: true }]);
		expect(get[0].json).toMatchObject({ status: 'REJECTED', apiStatus: 'REFUSED', changed: false });

		const many = await run([{ resource: 'link', operation: 'getMany', returnAll: true, filters: { status: ['APPROVED'] } }]);
		expect(many.map((item) => item.json.clientName)).toEqual(['Acme']);
	});

	it('withdraws and unlinks', async () => {
		await run([{ resource: 'link', operation: 'invite', clientId: 'Bravo', customerId: '2223334444' }]);
		const withdrawn = await run([{ resource: 'link', operation: 'withdrawInvitation', clientId: 'Bravo' }]);
		expect(withdrawn[0].json).toMatchObject({ action: 'withdrawn', status: 'CANCELLED' });
		const unlinked = await run([{ resource: 'link', operation: 'unlink', clientId: 'Acme' }]);
		expect(unlinked[0].json).toMatchObject({ action: 'unlinked', status: 'CANCELLED' });
	});

	it('tests the credential with a real query, and explains a failure without secrets', async () => {
		const test = node.methods.credentialTest.googleAdsMccApiTest;
		const ok = await test.call({} as ICredentialTestFunctions, {
			id: '1',
			name: 'Google Ads MCC',
			type: 'googleAdsMccApi',
			data: credentials.googleAdsMccApi,
		});
		expect(ok).toEqual({ status: 'OK', message: 'Connected to manager account 999-888-7777 (Viang MCC)' });
		const bad = await test.call({} as ICredentialTestFunctions, {
			id: '1',
			name: 'Google Ads MCC',
			type: 'googleAdsMccApi',
			data: { ...credentials.googleAdsMccApi, refreshToken: '1//stale-refresh-token' },
		});
		expect(bad.status).toBe('Error');
		expect(bad.message).toContain('the refresh token is invalid or revoked');
		expect(bad.message).not.toContain('1//stale-refresh-token');
	});
});
