// nightly-etl in a real n8n under faults: 10% of the fake Mercado Livre's calls fail (429, 5xx,
// timeouts, dropped connections) and one seller revoked the app. The run completes, the healthy
// clients' warehouse equals the seeded truth (what a clean run gives), the revoked client fails
// alone, is marked needs_reauth and named to staff. Then a run killed half-way (n8n process
// killed) loses nothing: the next run catches up from the last successful watermark.
import { spawn } from 'node:child_process';
import { freePort } from '../../domain/warehouse/local-postgres';
import { e2ePaths, N8nInstance, nodeOutput, type RunData } from '../support/n8n';
import { sql } from '../integration/nightly/helpers';
import { createWorld, workflow, type World } from '../integration/nightly/world';

const CLIENT_ETL = workflow('client-etl');
const NIGHTLY = workflow('nightly-etl');
const HEALTHY = [6201, 6202, 6203, 6204, 6205];
const REVOKED = 6206;

describe('nightly-etl under faults inside n8n', () => {
	let world: World;
	let n8n: N8nInstance;

	beforeAll(async () => {
		world = await createWorld();
		const sizes = [60, 90, 600, 800, 1000];
		for (const [i, userId] of HEALTHY.entries()) {
			await world.addSeller({ userId, orders: sizes[i], items: 6 + i * 3, days: 12, seed: userId }, `Loja ${i + 1}`);
		}
		await world.addSeller({ userId: REVOKED, orders: 50, items: 4, days: 12, seed: REVOKED }, 'Loja Revogada');
		n8n = new N8nInstance();
		await n8n.importCredentials(world.credentials());
		await n8n.importWorkflow(CLIENT_ETL);
		await n8n.importWorkflow(NIGHTLY);
		await n8n.publish(CLIENT_ETL.id);
		await n8n.start();
	});

	afterAll(async () => {
		await n8n?.dispose();
		await world?.close();
	});

	describe('10% of the calls failing, one seller revoked', () => {
		let run: RunData;
		beforeAll(async () => {
			world.ml.revokeSeller(REVOKED);
			world.ml.server.timeoutHoldMs = 1_500;
			world.ml.server.setFaults({ serverError: 0.04, rateLimited: 0.03, timeout: 0.015, drop: 0.015, seed: 2024, exempt: /^\/(__control|oauth)\// });
			try {
				run = await n8n.execute(NIGHTLY.id);
			} finally {
				world.ml.server.setFaults({});
			}
		});

		it('completes, with the faults really injected', () => {
			expect(run.data.resultData.error).toBeUndefined();
			const statuses = world.ml.server.requests.map((r) => r.status);
			const faulted = statuses.filter((s) => s === 429 || s >= 500 || s < 0).length;
			expect(faulted / statuses.length).toBeGreaterThan(0.05);
			expect(new Set(statuses.filter((s) => s === 429 || s === 503 || s < 0)).size).toBeGreaterThanOrEqual(3);
		});

		it('leaves every healthy client complete, as a clean run would', async () => {
			for (const userId of HEALTHY) await world.expectComplete(userId);
		});

		it('fails the revoked client alone, marks it and names it to staff', async () => {
			const results = nodeOutput(run, 'Run Client ETL');
			expect(results.filter((r) => r.status === 'failed').map((r) => r.client_name)).toEqual(['Loja Revogada']);
			expect(results.find((r) => r.client_name === 'Loja Revogada')?.needs_reauth).toBe(true);
			const revoked = world.clients.get(REVOKED)!.clientId;
			expect((await world.warehouse.clients.get(revoked))?.status).toBe('needs_reauth');
			const [note] = await sql(world.db.url, `select message from staff_notifications where event = 'nightly_summary' order by id desc limit 1`);
			expect(note.message).toContain('5 de 6 clientes ok');
			expect(note.message).toContain('Loja Revogada');
			expect(note.message).toContain('/convite Loja Revogada');
		});
	});

	describe('a run killed half-way', () => {
		it('loses nothing: the next run catches up from the last successful watermark', async () => {
			// Old orders change after the first night; the next run must find them (updated since the watermark).
			for (const userId of HEALTHY) {
				const paid = world.ml.seller(userId).orders.filter((o) => o.status === 'paid');
				for (const order of paid.slice(0, 8)) world.ml.mutateOrder(order.id, { status: 'cancelled' });
			}
			world.ml.server.latencyMs = 40;
			const startedAt = new Date();
			const { node, bin } = e2ePaths();
			const child = spawn(node, [bin, 'execute', `--id=${NIGHTLY.id}`, '--rawOutput'], {
				env: n8n.env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()) }),
				stdio: 'ignore',
			});
			const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
			// Kill it once some clients are done and others are still running.
			let done = 0;
			for (let i = 0; i < 600 && done < 2; i++) {
				await new Promise((r) => setTimeout(r, 100));
				const [row] = await sql(world.db.url, `select count(*)::int n from updates_log where source = 'nightly' and step = 'client' and finished_at is not null and started_at >= $1`, [startedAt]);
				done = Number(row.n);
			}
			child.kill('SIGKILL');
			await exited;
			const [finished] = await sql(world.db.url, `select count(*)::int n from updates_log where source = 'nightly' and step = 'client' and finished_at is not null and started_at >= $1`, [startedAt]);
			expect(Number(finished.n)).toBeGreaterThanOrEqual(2);
			expect(Number(finished.n)).toBeLessThan(HEALTHY.length);
			world.ml.server.latencyMs = 0;

			const next = await n8n.execute(NIGHTLY.id);
			expect(nodeOutput(next, 'Run Client ETL').map((r) => r.status)).toEqual(HEALTHY.map(() => 'ok'));
			for (const userId of HEALTHY) await world.expectComplete(userId);
		});
	});
});
