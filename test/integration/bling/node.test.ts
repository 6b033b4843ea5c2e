// The Bling and Bling Trigger nodes with an execution context shaped like n8n's (parameters,
// credentials, paired items, continueOnFail), against the fake Bling and a real PostgreSQL.
import {
	NodeApiError,
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type IWebhookFunctions,
} from 'n8n-workflow';
import { signBlingBody } from '../../../domain/bling';
import { Bling } from '../../../nodes/Bling/Bling.node';
import { BlingTrigger } from '../../../nodes/BlingTrigger/BlingTrigger.node';
import { getWarehouse } from '../../../nodes/shared/warehouse';
import { BLING_APP, BlingHarness, startBlingHarness } from './harness';
import { day, seedAccount } from './seed';

jest.setTimeout(120_000);

describe('Bling node', () => {
	let h: BlingHarness;
	let clientId: string;
	let tokens: string[];
	let credentials: Record<string, ICredentialDataDecryptedObject>;
	const node = new Bling();

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
			getNode: () => ({ id: 'n1', name: 'Bling', type: 'n8n-nodes-viang.bling', typeVersion: 1, position: [0, 0], parameters: {} }),
			helpers,
		}) as unknown as IExecuteFunctions;

	const run = async (params: Array<Record<string, unknown>>, continueOnFail = false) => (await node.execute.call(context(params, continueOnFail)))[0];

	beforeAll(async () => {
		h = await startBlingHarness();
		const added = await h.addClient(seedAccount(7101), { name: 'Loja Node' });
		clientId = added.clientId;
		tokens = [added.accessToken, added.refreshToken];
		credentials = {
			blingAppApi: { clientId: BLING_APP.clientId, clientSecret: BLING_APP.clientSecret, apiUrl: h.app.apiUrl!, tokenUrl: h.app.tokenUrl!, authorizeUrl: h.app.authorizeUrl! },
			viangWarehouseApi: { transport: 'postgres', databaseUrl: h.db.url, tokenKey: h.tokenKey },
		};
	});

	afterAll(async () => {
		await (await getWarehouse(context([{}]))).close();
		await h.close();
	});

	it('gets products with Limit and Return All, pairing every output with its item', async () => {
		const out = await run([
			{ resource: 'product', operation: 'getMany', clientId, criterio: 2, returnAll: false, limit: 3 },
			{ resource: 'product', operation: 'getMany', clientId, criterio: 5, returnAll: true },
		]);
		expect(out.filter((o) => (o.pairedItem as { item: number }).item === 0)).toHaveLength(3);
		expect(out.filter((o) => (o.pairedItem as { item: number }).item === 1)).toHaveLength(156);
		expect(JSON.stringify(out)).not.toMatch(new RegExp(tokens.join('|')));
	});

	it('gets one product, stock balances, sales orders and finance entries', async () => {
		const [product] = await run([{ resource: 'product', operation: 'get', clientId, productId: '101' }]);
		expect(product.json).toMatchObject({ codigo: 'SKU-A', precoCusto: 12.5 });
		const balances = await run([{ resource: 'stock', operation: 'getBalances', clientId, productIds: '101, 102' }]);
		expect(balances.map((b) => b.json)).toEqual([
			expect.objectContaining({ produto: { id: 101, codigo: 'SKU-A' }, saldoFisicoTotal: 13, saldoVirtualTotal: 11 }),
			expect.objectContaining({ produto: { id: 102, codigo: 'SKU-B' }, saldoFisicoTotal: 7 }),
		]);
		const orders = await run([{ resource: 'salesOrder', operation: 'getMany', clientId, from: day(-3), to: day(0), returnAll: true }]);
		expect(orders.map((o) => o.json.id)).toEqual([9001, 9002]);
		const [order] = await run([{ resource: 'salesOrder', operation: 'get', clientId, salesOrderId: '9002' }]);
		expect(order.json.total).toBe(120);
		const receivables = await run([{ resource: 'accountsReceivable', operation: 'getMany', clientId, dateField: 'V', from: day(-10), to: day(0), returnAll: true }]);
		expect(receivables.map((r) => r.json.id)).toEqual([1, 2, 3, 4, 5]);
		const payables = await run([{ resource: 'accountsPayable', operation: 'getMany', clientId, dateField: 'due', from: day(-1), to: day(0), returnAll: false, limit: 1 }]);
		expect(payables.map((r) => r.json.id)).toEqual([2]);
	});

	it('syncs the client into the warehouse and returns the summary', async () => {
		const [summary] = await run([{ resource: 'warehouseSync', operation: 'syncClient', clientId, parts: ['stock', 'finance'], from: day(-15), to: day(10) }]);
		expect(summary.json).toMatchObject({ clientId, snapshots: 155, financeDays: 26 });
		expect((await h.sql('select count(*)::int n from fin_client_day where client_id = $1', [clientId]))[0].n).toBe(26);
	});

	it('keeps failures as items with continueOnFail, and throws NodeApiError / NodeOperationError otherwise', async () => {
		const out = await run(
			[
				{ resource: 'product', operation: 'get', clientId, productId: '999' },
				{ resource: 'product', operation: 'get', clientId: '  ', productId: '102' },
				{ resource: 'product', operation: 'get', clientId, productId: '102' },
			],
			true,
		);
		expect(out).toEqual([
			{ json: { error: expect.stringMatching(/Bling produtos.get .*HTTP 404 \[RESOURCE_NOT_FOUND\]: Produto não encontrado/) }, pairedItem: { item: 0 } },
			{ json: { error: 'Client ID is empty' }, pairedItem: { item: 1 } },
			{ json: expect.objectContaining({ codigo: 'SKU-B' }), pairedItem: { item: 2 } },
		]);
		await expect(run([{ resource: 'product', operation: 'get', clientId, productId: '999' }])).rejects.toBeInstanceOf(NodeApiError);
		await expect(run([{ resource: 'stock', operation: 'getBalances', clientId, productIds: 'abc' }])).rejects.toThrow(/numbers separated by commas/);
		await expect(run([{ resource: 'salesOrder', operation: 'getMany', clientId, from: '2024-01-01', to: '2026-01-01', returnAll: true }])).rejects.toBeInstanceOf(
			NodeOperationError,
		);
	});
});

describe('Bling Trigger node', () => {
	const trigger = new BlingTrigger();
	const secret = 'trigger-secret';

	const deliver = async (raw: string, signature: string | undefined, resources: string[] = []) => {
		const response: { status?: number; body?: unknown } = {};
		const res = {
			status(code: number) {
				response.status = code;
				return res;
			},
			json(body: unknown) {
				response.body = body;
				return res;
			},
		};
		const ctx = {
			getRequestObject: () => ({ rawBody: Buffer.from(raw) }),
			getResponseObject: () => res,
			getHeaderData: () => (signature === undefined ? {} : { 'x-bling-signature-256': signature }),
			getBodyData: () => JSON.parse(raw),
			getNodeParameter: (name: string, fallback?: unknown) => (name === 'resources' ? resources : fallback),
			getCredentials: async () => ({ clientId: 'app', clientSecret: secret }),
			helpers: { returnJsonArray: (data: IDataObject[]) => data.map((json) => ({ json })) },
		} as unknown as IWebhookFunctions;
		const result = await trigger.webhook.call(ctx);
		return { response, result };
	};

	const body = JSON.stringify({ eventId: 'e1', date: '2026-03-10 10:00:00', version: 'v1', event: 'order.created', companyId: 'c9', data: { id: 9001 } });

	it('emits a correctly signed event', async () => {
		const { response, result } = await deliver(body, signBlingBody(body, secret));
		expect(response.status).toBe(200);
		expect(result.workflowData).toEqual([[{ json: { event: 'order.created', eventId: 'e1', date: '2026-03-10 10:00:00', version: 'v1', companyId: 'c9', data: { id: 9001 } } }]]);
	});

	it('answers 401 and emits nothing for a missing or bad signature', async () => {
		for (const signature of [undefined, signBlingBody(body, 'other-secret'), signBlingBody(`${body} `, secret)]) {
			const { response, result } = await deliver(body, signature);
			expect(response.status).toBe(401);
			expect(result.workflowData).toBeUndefined();
		}
	});

	it('acknowledges and drops events of resources not selected', async () => {
		const { response, result } = await deliver(body, signBlingBody(body, secret), ['stock']);
		expect(response.status).toBe(200);
		expect(result.workflowData).toBeUndefined();
	});

	it('has no-op webhook lifecycle methods', async () => {
		const hooks = trigger.webhookMethods.default;
		expect([await hooks.checkExists(), await hooks.create(), await hooks.delete()]).toEqual([true, true, true]);
	});
});
