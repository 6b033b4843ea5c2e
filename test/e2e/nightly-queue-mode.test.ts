// Scaling past one machine with n8n's queue mode: Redis (Debian's redis-server on loopback), n8n's
// own database on PostgreSQL, one main process and two `n8n worker` processes with our package.
// The nightly for 50 clients is triggered through its webhook; in queue mode each client goes back
// through the reprocess webhook as its own queued execution, so both workers take a share. The
// warehouse ends complete and both workers' logs show client runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../domain/warehouse/local-postgres';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { e2ePaths, N8nInstance, OWNER, runtime } from '../support/n8n';
import { startRedis, type RedisServer } from '../support/redis';
import { sql } from '../integration/nightly/helpers';
import { createWorld, WEBHOOK_SECRET, workflow, type World } from '../integration/nightly/world';

const WORKFLOWS = ['client-etl', 'nightly-etl', 'reprocess'].map(workflow);
const CLIENTS = 50;

interface Worker {
	child: ChildProcess;
	log: string;
}

describe('nightly-etl in queue mode: main + 2 workers + Redis + PostgreSQL', () => {
	let world: World;
	let redis: RedisServer;
	let n8nDb: TestDatabase;
	let n8n: N8nInstance;
	let url: string;
	const workers: Worker[] = [];

	beforeAll(async () => {
		redis = await startRedis();
		world = await createWorld('viang_queue');
		for (let i = 0; i < CLIENTS; i++) {
			await world.addSeller({ userId: 7000 + i, orders: 20 + (i % 7) * 10, items: 2 + (i % 3), days: 6, seed: 700 + i }, `Loja Fila ${i + 1}`);
		}
		n8nDb = await createTestDatabase('viang_n8n');
		const pg = new URL(n8nDb.url);
		const queueEnv = {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: pg.hostname,
			DB_POSTGRESDB_PORT: pg.port || '5432',
			DB_POSTGRESDB_DATABASE: n8nDb.name,
			DB_POSTGRESDB_USER: decodeURIComponent(pg.username),
			DB_POSTGRESDB_PASSWORD: decodeURIComponent(pg.password),
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: redis.host,
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			QUEUE_BULL_PREFIX: 'viang-e2e',
			VIANG_WEBHOOK_SECRET: WEBHOOK_SECRET,
			N8N_LOG_LEVEL: 'info',
		};
		n8n = new N8nInstance(queueEnv);
		// First boot migrates n8n's PostgreSQL database; the owner must exist before imports.
		url = await n8n.start();
		await runtime.setupOwner(url, OWNER);
		await n8n.stop();
		await n8n.importCredentials(world.credentials());
		for (const wf of WORKFLOWS) await n8n.importWorkflow(wf);
		for (const id of ['clientEtl0000001', 'nightlyEtl000001', 'reprocess0000001']) await n8n.publish(id);
		url = await n8n.start();
		await n8n.waitForWebhook('reprocess');
		const { node, bin } = e2ePaths();
		for (let i = 0; i < 2; i++) {
			const worker: Worker = {
				child: spawn(node, [bin, 'worker', '--concurrency=4'], {
					env: n8n.env({
						// Workers send each client back through main's webhooks.
						N8N_WEBHOOK_URL: url,
						N8N_PORT: String(await freePort()),
						QUEUE_HEALTH_CHECK_PORT: String(await freePort()),
						N8N_RUNNERS_BROKER_PORT: String(await freePort()),
					}),
					stdio: ['ignore', 'pipe', 'pipe'],
				}),
				log: '',
			};
			worker.child.stdout?.on('data', (d) => (worker.log += d));
			worker.child.stderr?.on('data', (d) => (worker.log += d));
			workers.push(worker);
		}
		for (const worker of workers) {
			const deadline = Date.now() + 120_000;
			while (!/Worker ready|n8n worker is now ready/i.test(worker.log)) {
				if (worker.child.exitCode !== null) throw new Error(`worker exited:\n${worker.log}`);
				if (Date.now() > deadline) throw new Error(`worker not ready:\n${worker.log}`);
				await new Promise((r) => setTimeout(r, 250));
			}
		}
	});

	afterAll(async () => {
		for (const worker of workers) await runtime.stopChild(worker.child);
		await n8n?.dispose();
		await n8nDb?.drop();
		await world?.close();
		await redis?.stop();
	});

	it('runs every client on the workers and completes the warehouse', async () => {
		const response = await fetch(`${url}/webhook/nightly-etl`, { method: 'POST', headers: { 'x-viang-secret': WEBHOOK_SECRET } });
		expect(response.status).toBe(200);
		let notes: Array<Record<string, string>> = [];
		for (let i = 0; i < 600 && notes.length === 0; i++) {
			await new Promise((r) => setTimeout(r, 1000));
			notes = await sql(world.db.url, `select message from staff_notifications where event = 'nightly_summary'`);
		}
		expect(notes).toHaveLength(1);
		expect(notes[0].message).toContain(`${CLIENTS} de ${CLIENTS} clientes ok`);

		const clientRuns = await sql(world.db.url, `select status from updates_log where source = 'nightly' and step = 'client'`);
		expect(clientRuns).toHaveLength(CLIENTS);
		expect(clientRuns.every((r) => r.status === 'success')).toBe(true);
		for (let i = 0; i < CLIENTS; i++) await world.expectComplete(7000 + i);

		// Which worker ran which execution: the reprocess executions (one per client) are split.
		const executions = await sql(n8nDb.url, `select id::text, "workflowId" from execution_entity`);
		const clientExecutions = new Set(executions.filter((e) => e.workflowId === 'reprocess0000001').map((e) => e.id));
		expect(clientExecutions.size).toBe(CLIENTS);
		const ranBy = workers.map((w) => [...w.log.matchAll(/Worker started execution (\d+)/g)].map((m) => m[1]).filter((id) => clientExecutions.has(id)));
		expect(ranBy[0].length).toBeGreaterThan(0);
		expect(ranBy[1].length).toBeGreaterThan(0);
		expect(ranBy[0].length + ranBy[1].length).toBe(CLIENTS);
		process.stderr.write(`queue mode: worker 1 ran ${ranBy[0].length} client executions, worker 2 ran ${ranBy[1].length}\n`);
	});
});
