// client-etl with every source in a real n8n 2.41: fake Mercado Livre, fake Bling and fake UpSeller
// on loopback, a real PostgreSQL. A client connected to all three gets its facts, stock snapshots
// (Bling and UpSeller, per SKU and warehouse, Bling's unit cost), fin_client_day and one
// updates_log row per source; a revoked Bling fails alone; `sources` picks sources; an unknown
// source is refused with nothing written; a failed load of a client still backfilling leaves it
// `authorized` with staff told how to retry, and the reprocess that follows makes it `ready`.
import { storeUpSellerCredentials } from '../../domain/upseller';
import { addDays, todaySp } from '../../domain/mercadolivre/time';
import { FakeUpSeller } from '../fakes/upseller';
import { N8nInstance, nodeOutput, type RunData } from '../support/n8n';
import { seedAccount, day } from '../integration/bling/seed';
import { sql } from '../integration/nightly/helpers';
import { BLING_APP, createWorld, ML_APP, WEBHOOK_SECRET, workflow, type World } from '../integration/nightly/world';

const CLIENT_ETL = workflow('client-etl');
const REPROCESS = workflow('reprocess');
const TODAY = todaySp();
const FROM = addDays(TODAY, -89);

/** A workflow that calls client-etl once with these inputs (what onboarding and reprocess do). */
function caller(id: string, inputs: Record<string, unknown>): Record<string, unknown> {
	const field = (name: string) => ({ id: name, displayName: name, required: false, defaultMatch: false, display: true, canBeUsedToMatch: true, type: name === 'sources' ? 'any' : 'string' });
	return {
		id,
		name: `E2E call client-etl ${id}`,
		active: false,
		settings: { executionOrder: 'v1' },
		connections: { Start: { main: [[{ node: 'Run Client ETL', type: 'main', index: 0 }]] } },
		nodes: [
			{ id: `${id}-1`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: `${id}-2`,
				name: 'Run Client ETL',
				type: 'n8n-nodes-base.executeWorkflow',
				typeVersion: 1.2,
				position: [220, 0],
				parameters: {
					source: 'database',
					workflowId: { __rl: true, value: CLIENT_ETL.id, mode: 'id' },
					workflowInputs: {
						mappingMode: 'defineBelow',
						value: inputs,
						matchingColumns: [],
						schema: ['client_id', 'data_inicio', 'data_fim', 'sources', 'mode'].map(field),
						attemptToConvertTypes: false,
						convertFieldsToString: false,
					},
					mode: 'once',
					options: { waitForSubWorkflow: true },
				},
			},
		],
	};
}

describe('client-etl with Mercado Livre, Bling and UpSeller inside n8n', () => {
	let world: World;
	let n8n: N8nInstance;
	const upseller = new FakeUpSeller();
	let callers = 0;

	async function runClientEtl(inputs: Record<string, unknown>): Promise<RunData> {
		const id = `e2eCallEtl${String(++callers).padStart(5, '0')}`;
		await n8n.importWorkflow(caller(id, inputs));
		return n8n.execute(id);
	}

	async function connectBling(clientId: string, accountId: number, revoked = false): Promise<void> {
		world.bling.addAccount(seedAccount(accountId));
		const issued = world.bling.issueTokens(BLING_APP.clientId, accountId);
		// Revoked: the access token expired and the refresh token is no longer valid (invalid_grant).
		await world.warehouse.vault.storeTokens(clientId, 'bling', {
			accessToken: revoked ? 'bling-at-revoked-000000' : issued.access_token,
			refreshToken: revoked ? 'bling-rt-revoked-000000' : issued.refresh_token,
			expiresAt: new Date(Date.now() + (revoked ? -60_000 : issued.expires_in * 1000)),
		});
	}

	async function connectUpSeller(clientId: string, account: string): Promise<void> {
		upseller.addAccount({
			clientId: account,
			apiToken: `${account}-token-secret`,
			warehouses: [
				{ warehouseId: 'w1', warehouseName: 'CD São Paulo', skus: [{ sku: 'SKU-A', availableStock: 9 }, { sku: 'UPS-ONLY', availableStock: 2 }] },
				{ warehouseId: 'w2', warehouseName: 'Full', skus: [{ sku: 'SKU-A', availableStock: 4 }] },
			],
		});
		await storeUpSellerCredentials(world.warehouse.vault, clientId, { clientId: account, apiToken: `${account}-token-secret` });
	}

	const logRows = (clientId: string, afterId = 0) =>
		sql(world.db.url, `select id::int, source, status, rows_written::int, error_message from updates_log where client_id = $1 and id > $2 and source in ('client_etl', 'mercadolivre', 'bling', 'upseller') order by id`, [clientId, afterId]);
	const lastLogId = async () => Number((await sql(world.db.url, `select coalesce(max(id), 0)::int n from updates_log`))[0].n);

	beforeAll(async () => {
		world = await createWorld('viang_cetl');
		await upseller.start();
		n8n = new N8nInstance();
		await n8n.importCredentials([
			...world.credentials(),
			{ id: 'upSeller', name: 'UpSeller API', type: 'upSellerApi', data: { baseUrl: upseller.url } },
		]);
		await n8n.importWorkflow(CLIENT_ETL);
		await n8n.importWorkflow(REPROCESS);
		await n8n.publish(CLIENT_ETL.id);
		await n8n.publish(REPROCESS.id);
		await n8n.start();
		await n8n.waitForWebhook('reprocess');
	});

	afterAll(async () => {
		await n8n?.dispose();
		await upseller.stop();
		await world?.close();
	});

	describe('a client connected to all three', () => {
		let clientId: string;
		let summary: Record<string, unknown>;

		beforeAll(async () => {
			clientId = await world.addSeller({ userId: 6301, orders: 80, items: 8, days: 10, seed: 63 }, 'Loja Tripla');
			await connectBling(clientId, 7301);
			await connectUpSeller(clientId, 'ups-tripla');
			const run = await runClientEtl({ client_id: clientId, data_inicio: FROM, data_fim: TODAY, sources: '={{ ["mercadolivre", "bling", "upseller"] }}', mode: 'full' });
			[summary] = nodeOutput(run, 'Run Client ETL');
		});

		it('answers one summary item: every source ok, with its rows', () => {
			expect(summary).toMatchObject({ client_id: clientId, client_name: 'Loja Tripla', status: 'success', error: null, client_status: 'ready' });
			const sources = summary.sources as Array<Record<string, unknown>>;
			expect(sources.map((s) => [s.source, s.status])).toEqual([
				['mercadolivre', 'success'],
				['bling', 'success'],
				['upseller', 'success'],
			]);
			for (const s of sources) expect(Number(s.rows_written)).toBeGreaterThan(0);
			expect(summary.rows_written).toBe(sources.reduce((sum, s) => sum + Number(s.rows_written), 0));
			expect(JSON.stringify(summary)).not.toMatch(/bling-(at|rt)-|token-secret|APP_USR-/);
		});

		it('loads Mercado Livre facts (fact_sku_day, agg_client_day) equal to the seeded truth', async () => {
			await world.expectComplete(6301);
		});

		it('stores Bling and UpSeller stock per SKU and warehouse, with Bling\'s unit cost', async () => {
			const rows = await sql(
				world.db.url,
				`select source, sku, warehouse, quantity::text, unit_cost::text from stock_snapshots where client_id = $1 and sku in ('SKU-A', 'SKU-B', 'UPS-ONLY') order by source, sku, warehouse`,
				[clientId],
			);
			expect(rows).toEqual([
				{ source: 'bling', sku: 'SKU-A', warehouse: 'Full ML', quantity: '3.00', unit_cost: '12.5000' },
				{ source: 'bling', sku: 'SKU-A', warehouse: 'Geral', quantity: '10.00', unit_cost: '12.5000' },
				{ source: 'bling', sku: 'SKU-B', warehouse: 'Geral', quantity: '7.00', unit_cost: null },
				{ source: 'upseller', sku: 'SKU-A', warehouse: 'CD São Paulo', quantity: '9.00', unit_cost: null },
				{ source: 'upseller', sku: 'SKU-A', warehouse: 'Full', quantity: '4.00', unit_cost: null },
				{ source: 'upseller', sku: 'UPS-ONLY', warehouse: 'CD São Paulo', quantity: '2.00', unit_cost: null },
			]);
		});

		it('writes fin_client_day from Bling\'s receivables and payables', async () => {
			const rows = await sql(
				world.db.url,
				`select day::text, receivable_due::text, received::text, receivable_overdue::text, payable_due::text, paid::text, payable_overdue::text from fin_client_day where client_id = $1 and day in ($2, $3)`,
				[clientId, day(-10), day(-1)],
			);
			const byDay = Object.fromEntries(rows.map(({ day: d, ...rest }) => [d, rest]));
			expect(byDay[day(-10)]).toEqual({ receivable_due: '350.50', received: '250.50', receivable_overdue: '100.00', payable_due: '80.00', paid: '80.00', payable_overdue: '0.00' });
			expect(byDay[day(-1)]).toEqual({ receivable_due: '300.00', received: '180.00', receivable_overdue: '120.00', payable_due: '60.10', paid: '0.00', payable_overdue: '60.10' });
		});

		it('writes one updates_log row per source with its rows, and the run\'s row', async () => {
			const rows = await logRows(clientId);
			expect(rows.map((r) => [r.source, r.status])).toEqual([
				['client_etl', 'success'],
				['mercadolivre', 'success'],
				['bling', 'success'],
				['upseller', 'success'],
			]);
			const bySource = Object.fromEntries((summary.sources as Array<Record<string, unknown>>).map((s) => [s.source, s.rows_written]));
			for (const row of rows.slice(1)) expect(row.rows_written).toBe(bySource[row.source as string]);
			expect(rows[0].rows_written).toBe(summary.rows_written);
		});

		it('runs only UpSeller with sources "upseller"', async () => {
			const after = await lastLogId();
			const mlCalls = world.ml.server.requests.length;
			const blingCalls = world.bling.server.requests.length;
			const run = await runClientEtl({ client_id: clientId, data_inicio: TODAY, sources: 'upseller', mode: 'full' });
			const [only] = nodeOutput(run, 'Run Client ETL');
			expect(only).toMatchObject({ status: 'success' });
			expect((only.sources as Array<Record<string, unknown>>).map((s) => s.source)).toEqual(['upseller']);
			expect((await logRows(clientId, after)).map((r) => r.source)).toEqual(['client_etl', 'upseller']);
			expect(world.ml.server.requests.length).toBe(mlCalls);
			expect(world.bling.server.requests.length).toBe(blingCalls);
		});

		it('refuses an unknown source: a clear error, nothing written', async () => {
			const before = await lastLogId();
			// The sub-workflow fails in Plan Sources, so does its caller: n8n execute prints the failed
			// run (or, when it prints none, the harness throws with n8n's output).
			const outcome = await runClientEtl({ client_id: clientId, data_inicio: TODAY, sources: 'mercadolivre,shopee', mode: 'full' }).then(
				(run) => `${run.status}: ${run.data.resultData.error?.message ?? ''}`,
				(error: Error) => `error: ${error.message}`,
			);
			expect(outcome).toMatch(/^error: [\s\S]*Unknown source "shopee": use mercadolivre, bling or upseller/);
			expect(await lastLogId()).toBe(before);
			expect((await world.warehouse.clients.get(clientId))?.status).toBe('ready');
		});
	});

	describe('a client whose Bling authorization was revoked', () => {
		let clientId: string;
		let summary: Record<string, unknown>;

		beforeAll(async () => {
			clientId = await world.addSeller({ userId: 6302, orders: 50, items: 5, days: 10, seed: 64 }, 'Loja Bling Revogado');
			await connectBling(clientId, 7302, true);
			await connectUpSeller(clientId, 'ups-revogado');
			const run = await runClientEtl({ client_id: clientId, data_inicio: FROM, data_fim: TODAY, sources: '', mode: 'full' });
			[summary] = nodeOutput(run, 'Run Client ETL');
		});

		it('marks Bling failed in the answer; Mercado Livre and UpSeller land', () => {
			expect(summary).toMatchObject({ status: 'partial' });
			const sources = Object.fromEntries((summary.sources as Array<Record<string, unknown>>).map((s) => [s.source, s]));
			expect(sources.mercadolivre).toMatchObject({ status: 'success' });
			expect(sources.upseller).toMatchObject({ status: 'success' });
			expect(sources.bling).toMatchObject({ status: 'failed', rows_written: 0 });
			expect(String(sources.bling.error)).toMatch(/needs_reauth|invalid_grant/);
			expect(String(summary.error)).toMatch(/^Bling: /);
			expect(JSON.stringify(summary)).not.toContain('bling-rt-revoked');
		});

		it('loses nothing else: facts complete, UpSeller stock stored, updates_log says which failed', async () => {
			await world.expectComplete(6302);
			const stock = await sql(world.db.url, `select source, count(*)::int n from stock_snapshots where client_id = $1 group by source`, [clientId]);
			expect(stock).toEqual([{ source: 'upseller', n: 3 }]);
			const rows = await logRows(clientId);
			expect(rows.map((r) => [r.source, r.status])).toEqual([
				['client_etl', 'error'],
				['mercadolivre', 'success'],
				['bling', 'error'],
				['upseller', 'success'],
			]);
			expect(rows[2].error_message).toMatch(/needs_reauth|invalid_grant/);
		});
	});

	describe('a load that fails while the client is still backfilling', () => {
		let clientId: string;
		const userId = 6303;

		beforeAll(async () => {
			// Authorized and backfilling (as the onboarding leaves it), but its Mercado Livre token is not in the vault.
			world.ml.seedSeller({ userId, orders: 30, items: 4, days: 10, seed: 65 });
			const client = await world.warehouse.clients.create({ name: 'Loja Carga Falha', email: 'falha@example.com', mlUserId: String(userId) });
			clientId = client.id;
			await world.warehouse.clients.setStatus(clientId, 'authorized', 'teste');
			await world.warehouse.clients.setStatus(clientId, 'backfilling', 'teste');
		});

		it('leaves the client authorized, logs the failure and tells staff the retry command', async () => {
			const run = await runClientEtl({ client_id: clientId, data_inicio: FROM, data_fim: TODAY, sources: '', mode: 'full' });
			const [summary] = nodeOutput(run, 'Run Client ETL');
			expect(summary).toMatchObject({ status: 'failed', client_status: 'authorized', client_status_before: 'backfilling', notified: true, retry_command: `/reprocessar Loja Carga Falha ${FROM}` });
			expect((await world.warehouse.clients.get(clientId))?.status).toBe('authorized');
			expect((await logRows(clientId)).map((r) => [r.source, r.status])).toEqual([
				['client_etl', 'error'],
				['mercadolivre', 'error'],
			]);
			const notes = await sql(world.db.url, `select event, message from staff_notifications where client_id = $1`, [clientId]);
			expect(notes).toEqual([{ event: 'backfill_failed', message: expect.stringContaining(`/reprocessar Loja Carga Falha ${FROM}`) }]);
		});

		it('a later reprocess (through the webhook) loads it and makes it ready', async () => {
			const issued = world.ml.issueTokens(ML_APP.clientId, userId);
			await world.warehouse.vault.storeTokens(clientId, 'mercadolivre', {
				accessToken: issued.access_token,
				refreshToken: issued.refresh_token,
				expiresAt: new Date(Date.now() + issued.expires_in * 1000),
				accountId: String(userId),
			});
			const response = await n8n.postWebhook('reprocess', { clientId: 'Loja Carga Falha', dataInicio: FROM, requestedBy: 'telegram:1', wait: true }, { 'x-viang-secret': WEBHOOK_SECRET });
			expect(response.status).toBe(200);
			const answer = await response.json();
			const [summary] = Array.isArray(answer) ? answer : [answer];
			expect(summary).toMatchObject({ status: 'success', client_status: 'ready', sources: [expect.objectContaining({ source: 'mercadolivre', status: 'success' })] });
			expect((await world.warehouse.clients.get(clientId))?.status).toBe('ready');
			const history = (await world.warehouse.clients.statusHistory(clientId)).map((h) => h.toStatus);
			expect(history.slice(-3)).toEqual(['authorized', 'backfilling', 'ready']);
		});
	});
});
