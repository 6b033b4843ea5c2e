// A throwaway Redis for queue-mode tests: Debian's redis-server on a loopback port, installed with
// apt-get when missing (CI machines start fresh; root works), persistence off.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { freePort } from '../../domain/warehouse/local-postgres';

function redisBinary(): string | null {
	const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
	return found.status === 0 ? found.stdout.trim() : null;
}

/** Installs Debian's redis-server when it is missing (idempotent); progress goes to the console. */
export function ensureRedisServer(): string {
	const existing = redisBinary();
	if (existing) return existing;
	process.stderr.write('redis-server is missing: installing it with apt-get (Debian package redis-server)…\n');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update'], { stdio: ['ignore', process.stderr, process.stderr], env });
	execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server'], { stdio: ['ignore', process.stderr, process.stderr], env });
	const installed = redisBinary();
	if (!installed) throw new Error('apt-get install redis-server finished but redis-server is still not on PATH');
	return installed;
}

function ping(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = createConnection({ host: '127.0.0.1', port });
		let answer = '';
		socket.setTimeout(1_000, () => socket.destroy());
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (data) => {
			answer += data.toString();
			if (answer.includes('\r\n')) {
				socket.end();
				resolve(answer.startsWith('+PONG'));
			}
		});
		socket.on('error', () => resolve(false));
		socket.on('close', () => resolve(answer.startsWith('+PONG')));
	});
}

export interface RedisServer {
	host: string;
	port: number;
	stop(): Promise<void>;
}

export async function startRedis(): Promise<RedisServer> {
	const binary = ensureRedisServer();
	const port = await freePort();
	const child: ChildProcess = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let log = '';
	child.stdout?.on('data', (d) => (log += d));
	child.stderr?.on('data', (d) => (log += d));
	const deadline = Date.now() + 15_000;
	while (!(await ping(port))) {
		if (child.exitCode !== null) throw new Error(`redis-server exited:\n${log}`);
		if (Date.now() > deadline) throw new Error(`redis-server did not answer PING:\n${log}`);
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		host: '127.0.0.1',
		port,
		stop: () =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			}),
	};
}
