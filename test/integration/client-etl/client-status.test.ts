// The client-etl steps' domain code on a real PostgreSQL: planning (connected sources, unknown
// names refused with nothing written), per-source updates_log rows, and the lifecycle rule — a
// failed load of a client still backfilling goes back to `authorized` with staff told the retry
// command; a later successful load makes it `ready`; `ready` clients keep their status.
import { randomBytes } from 'node:crypto';
import { finishClientEtl, planClientEtl, recordSource, settleAfterClientEtl, startSource, type ClientEtlState } from '../../../domain/client-etl';
import { storeUpSellerCredentials } from '../../../domain/upseller';
import { addDays, todaySp } from '../../../domain/mercadolivre/time';
import { migrate, openWarehouse, type Warehouse } from '../../../domain/warehouse';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { makeReady, sql } from '../nightly/helpers';

jest.setTimeout(60_000);

describe('client-etl steps and the client status rule', () => {
	let db: TestDatabase;
	let warehouse: Warehouse;
	const from = addDays(todaySp(), -10);
	const tokens = { accessToken: 'access-secret-123456', refreshToken: 'refresh-secret-123456', expiresAt: new Date(Date.now() + 3_600_000) };

	beforeAll(async () => {
		db = await createTestDatabase('viang_client_etl');
		await migrate(db.url);
		warehouse = openWarehouse({ databaseUrl: db.url, tokenKey: randomBytes(32).toString('hex') });
	});

	afterAll(async () => {
		await warehouse?.close();
		await db?.drop();
	});

	async function newClient(name: string, status: 'authorized' | 'backfilling' | 'ready'): Promise<string> {
		const client = await warehouse.clients.create({ name, email: `${name.replace(/\W/g, '').toLowerCase()}@example.com` });
		await warehouse.vault.storeTokens(client.id, 'mercadolivre', tokens);
		await warehouse.clients.setStatus(client.id, 'authorized', 'teste');
		if (status === 'backfilling') await warehouse.clients.setStatus(client.id, 'backfilling', 'teste');
		if (status === 'ready') await makeReady(warehouse, client.id);
		return client.id;
	}

	/** Runs the steps as the workflow does, with the sync nodes' outputs given. */
	async function run(clientId: string, outputs: Partial<Record<'mercadolivre' | 'bling' | 'upseller', Record<string, unknown>>>, sources?: unknown) {
		let state: ClientEtlState = await planClientEtl(warehouse, { clientId, dataInicio: from, sources, mode: 'full' });
		for (const source of ['mercadolivre', 'bling', 'upseller'] as const) {
			if (!state.run[source]) continue;
			state = await startSource(warehouse, state, source);
			state = await recordSource(warehouse, state, outputs[source] ?? { rowsWritten: 1 });
		}
		return { plan: state, summary: await finishClientEtl(warehouse, state) };
	}

	const notifications = (clientId: string) => sql(db.url, `select event, message, payload from staff_notifications where client_id = $1 order by id`, [clientId]);

	it('runs every connected source; a needs_reauth Bling is skipped and said so', async () => {
		const id = await newClient('Loja Conectada', 'ready');
		await storeUpSellerCredentials(warehouse.vault, id, { clientId: 'ups-9', apiToken: 'ups-token-9' });
		await warehouse.vault.storeTokens(id, 'bling', tokens);
		await warehouse.vault.markNeedsReauth(id, 'bling', 'teste');
		await warehouse.clients.setStatus(id, 'authorized', 'teste');
		await makeReady(warehouse, id);
		const { plan, summary } = await run(id, { mercadolivre: { rowsWritten: 10, factRowsWritten: 2, orders: 3 }, upseller: { rowsWritten: 4, snapshots: 4 } });
		expect(plan.run).toEqual({ mercadolivre: true, bling: false, upseller: true });
		expect(summary).toMatchObject({ status: 'success', error: null, rows_written: 16, client_status: 'ready', notified: false });
		expect(summary.sources.map((s) => [s.source, s.status, s.rows_written])).toEqual([
			['mercadolivre', 'success', 12],
			['bling', 'skipped', 0],
			['upseller', 'success', 4],
		]);
		expect(summary.sources[1].error).toMatch(/Bling precisa ser autorizado de novo/);
		const log = await sql(db.url, `select source, status, rows_written::int from updates_log where client_id = $1 order by id`, [id]);
		expect(log).toEqual([
			{ source: 'client_etl', status: 'success', rows_written: 16 },
			{ source: 'bling', status: 'skipped', rows_written: null },
			{ source: 'mercadolivre', status: 'success', rows_written: 12 },
			{ source: 'upseller', status: 'success', rows_written: 4 },
		]);
	});

	it('refuses an unknown source before writing anything', async () => {
		const id = await newClient('Loja Fonte Errada', 'authorized');
		await expect(planClientEtl(warehouse, { clientId: id, dataInicio: from, sources: 'mercadolivre,shopee' })).rejects.toThrow(/Unknown source "shopee"/);
		expect(await sql(db.url, `select id from updates_log where client_id = $1`, [id])).toEqual([]);
		expect((await warehouse.clients.get(id))?.status).toBe('authorized');
	});

	it('a failed load of a backfilling client: back to authorized, staff told how to retry; a later success makes it ready', async () => {
		const id = await newClient('Loja Carga Falha', 'backfilling');
		const failed = await run(id, { mercadolivre: { error: 'Mercado Livre respondeu 500 (Bearer APP_USR-1234567890abcdef)' } });
		expect(failed.summary).toMatchObject({ status: 'failed', client_status: 'authorized', client_status_before: 'backfilling', notified: true, retry_command: `/reprocessar Loja Carga Falha ${from}` });
		expect(failed.summary.error).toContain('Mercado Livre: Mercado Livre respondeu 500');
		expect(JSON.stringify(failed.summary)).not.toContain('APP_USR-1234567890abcdef');
		const [note] = await notifications(id);
		expect(note.event).toBe('backfill_failed');
		expect(note.message).toContain('voltou para authorized');
		expect(note.message).toContain(`/reprocessar Loja Carga Falha ${from}`);

		// The reprocess staff run: authorized → backfilling → ready.
		const retried = await run(id, { mercadolivre: { rowsWritten: 5 } });
		expect(retried.plan.client_status).toBe('backfilling');
		expect(retried.summary).toMatchObject({ status: 'success', client_status: 'ready', notified: false, retry_command: null });
		const history = (await warehouse.clients.statusHistory(id)).map((h) => h.toStatus);
		expect(history.slice(-4)).toEqual(['backfilling', 'authorized', 'backfilling', 'ready']);
	});

	it('a partial load (Bling failed) is not ready; a load without Mercado Livre does not make a client ready', async () => {
		const id = await newClient('Loja Parcial', 'backfilling');
		await warehouse.vault.storeTokens(id, 'bling', tokens);
		const partial = await run(id, { mercadolivre: { rowsWritten: 7 }, bling: { error: 'invalid_grant' } });
		expect(partial.summary).toMatchObject({ status: 'partial', error: 'Bling: invalid_grant', rows_written: 7, client_status: 'authorized', notified: true });
		const blingOnly = await run(id, { bling: { rowsWritten: 3 } }, 'bling');
		expect(blingOnly.plan.client_status).toBe('authorized');
		expect(blingOnly.summary).toMatchObject({ status: 'success', client_status: 'authorized', notified: false });
	});

	it('a ready client keeps its status when a load fails (the nightly summary reports it)', async () => {
		const id = await newClient('Loja Pronta Falha', 'ready');
		const { summary } = await run(id, { mercadolivre: { error: 'timeout' } });
		expect(summary).toMatchObject({ status: 'failed', client_status: 'ready', notified: false });
		expect(await notifications(id)).toEqual([]);
	});

	it('settles a backfill whose client-etl never answered; a client-etl summary is only read', async () => {
		const id = await newClient('Loja Sem Resposta', 'backfilling');
		const crashed = await settleAfterClientEtl(warehouse, { clientId: id, dataInicio: from, result: { error: { message: 'Workflow is not active' } } });
		expect(crashed).toMatchObject({ status: 'failed', client_status: 'authorized', notified: true, error: 'Workflow is not active' });
		const again = await settleAfterClientEtl(warehouse, { clientId: id, dataInicio: from, result: { status: 'success', client_status: 'ready', sources: [] } });
		expect(again).toMatchObject({ client_status: 'ready', settled_by: 'client-etl' });
		expect(await notifications(id)).toHaveLength(1);
		expect((await warehouse.clients.get(id))?.status).toBe('authorized');
	});
});
