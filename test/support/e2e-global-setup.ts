// Once per e2e run: a real PostgreSQL (the warehouse), this package packed and installed as an n8n
// community package, and a migrated n8n user folder with an owner that every test copies.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgresGlobalSetup from './postgres-global-setup';
import { E2E_ENCRYPTION_KEY, OWNER, runtime, paths as n8nInstallPaths } from './n8n';
import { freePort } from '../../domain/warehouse/local-postgres';

async function prepareTemplate(workDir: string, node: string, bin: string): Promise<string> {
	const templateDir = join(workDir, 'template');
	mkdirSync(templateDir);
	const port = await freePort();
	const env = runtime.n8nEnv(templateDir, E2E_ENCRYPTION_KEY, {
		N8N_PORT: String(port),
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
	});
	const server = spawn(node, [bin, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	let log = '';
	server.stdout.on('data', (d) => (log += d));
	server.stderr.on('data', (d) => (log += d));
	const url = `http://127.0.0.1:${port}`;
	try {
		await runtime.waitReady(url, server, () => log);
		await runtime.setupOwner(url, OWNER);
	} finally {
		await runtime.stopChild(server);
	}
	rmSync(join(templateDir, '.n8n', 'nodes'), { recursive: true, force: true });
	return templateDir;
}

export default async function globalSetup(): Promise<void> {
	await postgresGlobalSetup();
	const installed = n8nInstallPaths();
	if (!existsSync(installed.readyMarker)) {
		throw new Error(`n8n is not installed in ${installed.home}: run \`npm run n8n:install\` (npm test does)`);
	}
	const workDir = mkdtempSync(join(tmpdir(), 'viang-e2e-'));
	const nodesDir = join(workDir, 'nodes');
	await runtime.installPackage(nodesDir, workDir);
	const templateDir = await prepareTemplate(workDir, installed.node, installed.bin);
	process.env.VIANG_E2E_N8N_BIN = installed.bin;
	process.env.VIANG_E2E_NODE = installed.node;
	process.env.VIANG_E2E_NODES_DIR = nodesDir;
	process.env.VIANG_E2E_TEMPLATE_DIR = templateDir;
	process.env.VIANG_E2E_WORK_DIR = workDir;
}
