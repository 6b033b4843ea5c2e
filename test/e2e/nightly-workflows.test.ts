// The three operational workflows in a real n8n 2.41 with our package: token-refresh and
// nightly-etl run with `n8n execute` (their Manual Trigger stands in for the schedule), calling
// the client-etl sub-workflow; reprocess is the authenticated webhook the bot calls.
import { addDays, todaySp } from '../../domain/mercadolivre/time';
import { N8nInstance, nodeOutput, type RunData } from '../support/n8n';
import { sql } from '../integration/nightly/helpers';
import { createWorld, WEBHOOK_SECRET, workflow, type World } from '../integration/nightly/world';

const WORKFLOWS = ['client-etl', 'nightly-etl', 'token-refresh', 'reprocess'].map(workflow);
const [CLIENT_ETL, NIGHTLY, TOKEN_REFRESH, REPROCESS] = WORKFLOWS;

describe('nightly, token-refresh and reprocess workflows inside n8n', () => {
	let world: World;
	let n8n: N8nInstance;
	let url: string;

	beforeAll(async () => {
		world = await createWorld();
		await world.addSeller({ userId: 6101, orders: 120, items: 12, days: 10, seed: 61 }, 'Loja Alfa');
		await world.addSeller({ userId: 6102, orders: 80, items: 8, days: 10, seed: 62 }, 'Loja Beta');
		await world.addSeller({ userId: 6103, orders: 40, items: 5, days: 10, seed: 63 }, 'Loja Revogada');
		n8n = new N8nInstance();
		await n8n.importCredentials(world.credentials());
		for (const wf of WORKFLOWS) await n8n.importWorkflow(wf);
		// Sub-workflows run in their published version outside manual runs; webhooks need publishing too.
		await n8n.publish(CLIENT_ETL.id);
		await n8n.publish(REPROCESS.id);
		// The running server records the published versions (n8n's publication service); CLI runs
		// started meanwhile resolve client-etl through them, like the schedule trigger does.
		url = await n8n.start();
		await n8n.waitForWebhook('reprocess');
	});

	afterAll(async () => {
		await n8n?.dispose();
		await world?.close();
	});

	describe('token-refresh', () => {
		let run: RunData;
		beforeAll(async () => {
			const soon = new Date(Date.now() + 50 * 60_000);
			for (const userId of [6101, 6103]) {
				const { clientId } = world.clients.get(userId)!;
				const tokens = await world.warehouse.vault.getTokens(clientId, 'mercadolivre');
				await world.warehouse.vault.storeTokens(clientId, 'mercadolivre', { ...tokens!, expiresAt: soon });
			}
			world.ml.revokeSeller(6103);
			run = await n8n.execute(TOKEN_REFRESH.id);
		});

		it('refreshes the tokens expiring within 2 hours and marks the revoked client', async () => {
			const output = nodeOutput(run, 'Refresh Expiring Tokens');
			expect(output.map((r) => [r.client_name, r.status]).sort()).toEqual([
				['Loja Alfa', 'refreshed'],
				['Loja Revogada', 'needs_reauth'],
			]);
			const [alfa] = await world.warehouse.clients.credentials(world.clients.get(6101)!.clientId);
			expect(alfa.expiresAt.getTime()).toBeGreaterThan(Date.now() + 5 * 3_600_000);
			expect((await world.warehouse.clients.get(world.clients.get(6103)!.clientId))?.status).toBe('needs_reauth');
		});

		it('tells staff, with the command that sends a new invite', async () => {
			const rows = await sql(world.db.url, `select event, client_id::text, message from staff_notifications where event = 'needs_reauth'`);
			expect(rows).toHaveLength(1);
			expect(rows[0].client_id).toBe(world.clients.get(6103)!.clientId);
			expect(rows[0].message).toContain('/convite Loja Revogada');
			expect(JSON.stringify(run)).not.toMatch(/APP_USR-|TG-[0-9a-f]/);
		});
	});

	describe('nightly-etl', () => {
		let run: RunData;
		beforeAll(async () => {
			run = await n8n.execute(NIGHTLY.id);
		});

		it('syncs every ready client through client-etl; the one that lost access is not ready any more', async () => {
			const results = nodeOutput(run, 'Run Client ETL');
			expect(results.map((r) => [r.client_name, r.status]).sort()).toEqual([
				['Loja Alfa', 'ok'],
				['Loja Beta', 'ok'],
			]);
			expect(results.every((r) => r.run_in === 'subWorkflow')).toBe(true);
			await world.expectComplete(6101);
			await world.expectComplete(6102);
		});

		it('writes updates_log for every client and source, and sends the summary to staff', async () => {
			const alfa = world.clients.get(6101)!.clientId;
			const sources = await sql(world.db.url, `select distinct source from updates_log where client_id = $1`, [alfa]);
			expect(sources.map((r) => r.source).sort()).toEqual(expect.arrayContaining(['client_etl', 'ml_ads', 'ml_facts', 'ml_items', 'ml_orders', 'ml_visits', 'nightly']));
			const [summary] = nodeOutput(run, 'Summarize Run');
			expect(summary).toMatchObject({ clients_total: 2, clients_ok: 2, clients_failed: 0 });
			expect(Number(summary.rows)).toBeGreaterThan(0);
			const notes = await sql(world.db.url, `select message, payload from staff_notifications where event = 'nightly_summary'`);
			expect(notes).toHaveLength(1);
			expect(notes[0].message).toMatch(/ETL noturno de \d\d\/\d\d\/\d{4}: 2 de 2 clientes ok/);
		});

		it('the next night is incremental: orders updated since the watermark', async () => {
			const seller = world.ml.seller(6102);
			const order = seller.orders.find((o) => o.status === 'paid')!;
			world.ml.mutateOrder(order.id, { status: 'cancelled' });
			const second = await n8n.execute(NIGHTLY.id);
			const [due] = nodeOutput(second, 'List Due Clients').filter((c) => c.client_name === 'Loja Beta');
			expect(due.data_inicio).toBe(todaySp());
			const searches = world.ml.server.calls('/orders/search').filter((r) => r.query['order.date_last_updated.from']);
			expect(searches.length).toBeGreaterThan(0);
			await world.expectComplete(6102);
		});
	});

	describe('reprocess webhook', () => {
		const post = (body: unknown, secret = WEBHOOK_SECRET) =>
			fetch(`${url}/webhook/reprocess`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-viang-secret': secret }, body: JSON.stringify(body) });

		it('answers at once and runs client-etl from data_inicio', async () => {
			const clientId = world.clients.get(6101)!.clientId;
			const dataInicio = addDays(todaySp(), -5);
			const started = Date.now();
			const response = await post({ clientId, dataInicio, requestedBy: 'telegram:77' });
			expect(response.status).toBe(200);
			expect(await response.json()).toEqual({ executionStarted: true });
			let rows: Array<Record<string, string>> = [];
			for (let i = 0; i < 120 && rows.length === 0; i++) {
				await new Promise((r) => setTimeout(r, 500));
				rows = await sql(world.db.url, `select status, step from updates_log where client_id = $1 and source = 'client_etl' and date_from = $2 and finished_at is not null`, [clientId, dataInicio]);
			}
			expect(rows).toEqual([{ status: 'success', step: 'full' }]);
			expect(Date.now() - started).toBeLessThan(60_000);
		});

		it('refuses bad input with a pt-BR message and runs nothing', async () => {
			const before = await sql(world.db.url, `select count(*)::int n from updates_log`);
			const bad = await post({ clientId: world.clients.get(6101)!.clientId, dataInicio: '31/12/2026', requestedBy: 'x' });
			expect(bad.status).toBe(400);
			expect(await bad.json()).toEqual({ error: expect.stringContaining('Data de início inválida: "31/12/2026". Use o formato AAAA-MM-DD') });
			const unknown = await post({ clientId: 'Loja Inexistente', dataInicio: '2026-01-01', requestedBy: 'x' });
			expect(unknown.status).toBe(400);
			expect((await unknown.json()).error).toContain('Cliente não encontrado');
			await new Promise((r) => setTimeout(r, 1000));
			expect(await sql(world.db.url, `select count(*)::int n from updates_log`)).toEqual(before);
		});

		it('refuses a wrong secret', async () => {
			const response = await post({ clientId: 'x', dataInicio: '2026-01-01', requestedBy: 'x' }, 'wrong-secret');
			expect([401, 403]).toContain(response.status);
		});
	});
});
