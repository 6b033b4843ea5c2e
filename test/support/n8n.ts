// A real n8n 2.41 for end-to-end tests. The global setup (e2e-global-setup.ts) packs this package,
// installs it once as a community package and prepares a migrated user folder with an owner; each
// test copies that template, imports credentials and workflows with n8n's own CLI and runs them
// with `n8n execute` or a started server.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../domain/warehouse/local-postgres';

export const E2E_ENCRYPTION_KEY = 'viang-e2e-fixed-encryption-key-0001';
export const OWNER = { email: 'owner@viang.test', password: 'Viang-e2e-Owner-1', firstName: 'Ops', lastName: 'Viang' };

export interface N8nPaths {
	bin: string;
	node: string;
	nodesDir: string;
	templateDir: string;
}

export function e2ePaths(): N8nPaths {
	const read = (name: string) => {
		const value = process.env[name];
		if (!value) throw new Error(`${name} is not set: run e2e tests through jest (e2e global setup)`);
		return value;
	};
	return {
		bin: read('VIANG_E2E_N8N_BIN'),
		node: read('VIANG_E2E_NODE'),
		nodesDir: read('VIANG_E2E_NODES_DIR'),
		templateDir: read('VIANG_E2E_TEMPLATE_DIR'),
	};
}

/* eslint-disable @typescript-eslint/no-require-imports */
export const runtime = require('../../scripts/n8n-runtime.cjs') as {
	run(command: string, args: string[], options?: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number }): Promise<CommandResult>;
	installPackage(nodesDir: string, workDir: string): Promise<void>;
	n8nEnv(userFolder: string, encryptionKey: string, extra?: Record<string, string>): NodeJS.ProcessEnv;
	waitReady(url: string, child: ChildProcess | undefined, getLog: () => string, timeoutMs?: number): Promise<void>;
	setupOwner(url: string, owner: typeof OWNER): Promise<boolean>;
	stopChild(child: ChildProcess | undefined, graceMs?: number): Promise<void>;
};
export const paths = (require('../../scripts/n8n-paths.cjs') as {
	n8nPaths(): { home: string; bin: string; node: string; nodeDir: string; readyMarker: string };
}).n8nPaths;
/* eslint-enable @typescript-eslint/no-require-imports */

export function baseEnv(userFolder: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	return runtime.n8nEnv(userFolder, E2E_ENCRYPTION_KEY, { N8N_LOG_LEVEL: 'info', DB_SQLITE_POOL_SIZE: '2', ...extra });
}

export interface CommandResult {
	code: number;
	stdout: string;
	stderr: string;
}

/** The last complete top-level JSON object in a CLI's output (logs may come before it). */
export function lastJsonObject(text: string): unknown {
	// The run is pretty-printed: it starts with "{" and ends with "}" at the start of a line. Log
	// lines may come after it (the task runner registering late), so each end is tried too.
	const padded = `\n${text}`;
	const ends: number[] = [];
	for (let end = padded.indexOf('\n}'); end >= 0; end = padded.indexOf('\n}', end + 1)) ends.push(end + 2);
	for (let start = padded.lastIndexOf('\n{'); start >= 0; start = start === 0 ? -1 : padded.lastIndexOf('\n{', start - 1)) {
		for (let i = ends.length - 1; i >= 0 && ends[i] > start; i--) {
			try {
				return JSON.parse(padded.slice(start + 1, ends[i]));
			} catch {
				// not this end
			}
		}
	}
	const first = text.indexOf('{');
	return JSON.parse(text.slice(first));
}

export interface RunData {
	status?: string;
	data: {
		resultData: {
			error?: { message: string; description?: string };
			runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> }; error?: { message: string } }>>;
		};
	};
}

export class N8nInstance {
	readonly userFolder: string;
	port = 0;
	private server: ChildProcess | undefined;
	private serverLog = '';

	constructor(private readonly extraEnv: Record<string, string> = {}) {
		const paths = e2ePaths();
		this.userFolder = mkdtempSync(join(tmpdir(), 'viang-n8n-'));
		cpSync(paths.templateDir, this.userFolder, { recursive: true });
		rmSync(join(this.userFolder, '.n8n', 'nodes'), { recursive: true, force: true });
		symlinkSync(paths.nodesDir, join(this.userFolder, '.n8n', 'nodes'));
	}

	env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
		return baseEnv(this.userFolder, { ...this.extraEnv, ...extra });
	}

	async cli(args: string[], extra: Record<string, string> = {}): Promise<CommandResult> {
		const { node, bin } = e2ePaths();
		const brokerPort = String(await freePort());
		return runtime.run(node, [bin, ...args], { env: this.env({ N8N_RUNNERS_BROKER_PORT: brokerPort, ...extra }) });
	}

	private writeJson(name: string, value: unknown): string {
		const dir = join(this.userFolder, 'imports');
		mkdirSync(dir, { recursive: true });
		const file = join(dir, name);
		writeFileSync(file, JSON.stringify(value, null, 2));
		return file;
	}

	async importCredentials(credentials: unknown[]): Promise<void> {
		const file = this.writeJson(`credentials-${Date.now()}.json`, credentials);
		const result = await this.cli(['import:credentials', `--input=${file}`]);
		if (result.code !== 0) throw new Error(`import:credentials failed: ${result.stderr}${result.stdout}`);
	}

	async importWorkflow(workflow: unknown): Promise<void> {
		const file = this.writeJson(`workflow-${Date.now()}.json`, workflow);
		const result = await this.cli(['import:workflow', `--input=${file}`]);
		if (result.code !== 0) throw new Error(`import:workflow failed: ${result.stderr}${result.stdout}`);
	}

	async publish(workflowId: string): Promise<void> {
		const result = await this.cli(['publish:workflow', `--id=${workflowId}`]);
		if (result.code !== 0) throw new Error(`publish:workflow failed: ${result.stderr}${result.stdout}`);
	}

	/** `n8n execute --id` and the run it printed; throws with n8n's own output when it failed. */
	async execute(workflowId: string): Promise<RunData> {
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput']);
		let run: RunData;
		try {
			run = lastJsonObject(result.stdout) as RunData;
		} catch {
			throw new Error(`n8n execute printed no run (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
		}
		return run;
	}

	async start(): Promise<string> {
		const { node, bin } = e2ePaths();
		this.port = await freePort();
		const brokerPort = String(await freePort());
		this.server = spawn(node, [bin, 'start'], {
			env: this.env({ N8N_PORT: String(this.port), N8N_RUNNERS_BROKER_PORT: brokerPort, N8N_LISTEN_ADDRESS: '127.0.0.1' }),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		this.server.stdout?.on('data', (d) => (this.serverLog += d));
		this.server.stderr?.on('data', (d) => (this.serverLog += d));
		const url = `http://127.0.0.1:${this.port}`;
		await runtime.waitReady(url, this.server, () => this.serverLog, 180_000);
		return url;
	}

	/** Waits until n8n has registered a production webhook (it activates published workflows after ready). */
	async waitForWebhook(path: string, method = 'POST', timeoutMs = 120_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const response = await fetch(`http://127.0.0.1:${this.port}/webhook/${path}`, { method });
			const text = await response.text();
			if (!(response.status === 404 && text.includes('is not registered'))) return;
			if (Date.now() > deadline) throw new Error(`webhook ${method} ${path} was never registered:\n${this.serverLog}`);
			await new Promise((r) => setTimeout(r, 500));
		}
	}

	/**
	 * POSTs to a production webhook, retrying while n8n still answers 404: published workflows are
	 * activated in the background after the server reports ready.
	 */
	async postWebhook(path: string, body: unknown, headers: Record<string, string> = {}, timeoutMs = 60_000): Promise<Response> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const response = await fetch(`http://127.0.0.1:${this.port}/webhook/${path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...headers },
				body: JSON.stringify(body),
			});
			if (response.status !== 404 || Date.now() > deadline) return response;
			await new Promise((r) => setTimeout(r, 500));
		}
	}

	get log(): string {
		return this.serverLog;
	}

	async stop(): Promise<void> {
		await runtime.stopChild(this.server);
		this.server = undefined;
	}

	async dispose(): Promise<void> {
		await this.stop();
		rmSync(this.userFolder, { recursive: true, force: true });
	}
}

/** Output items of a node in a finished run. */
export function nodeOutput(run: RunData, nodeName: string, outputIndex = 0): Array<Record<string, unknown>> {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs) throw new Error(`node "${nodeName}" did not run; error: ${run.data.resultData.error?.message ?? 'none'}`);
	const last = runs[runs.length - 1];
	if (last.error) throw new Error(`node "${nodeName}" failed: ${last.error.message}`);
	return (last.data?.main[outputIndex] ?? []).map((item) => item.json);
}
