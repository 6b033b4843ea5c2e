// The embedded warehouse: a PostgreSQL kept in the project's `.data/postgres`, started on demand
// on a fixed port (54329, or VIANG_EMBEDDED_PG_PORT) so that n8n credentials pointing at it stay
// valid. A server already running on that folder (e.g. `npm start`) is reused and left running.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort, startLocalPostgres } from './local-postgres';

export const DEFAULT_EMBEDDED_PORT = 54329;
const DATABASE = 'viang';

export interface EmbeddedPostgres {
	/** URL of the `viang` database. */
	url: string;
	port: number;
	dataDir: string;
	/** False when the server was already running: then stop() leaves it alone. */
	startedHere: boolean;
	stop(): Promise<void>;
}

function portIsFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

async function canConnect(url: string): Promise<boolean> {
	const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
	try {
		await client.connect();
		await client.query('select 1');
		return true;
	} catch {
		return false;
	} finally {
		await client.end().catch(() => undefined);
	}
}

/** Port of a server already running on this folder (from postmaster.pid), if it answers. */
async function runningPort(dataDir: string): Promise<number | undefined> {
	const pidFile = join(dataDir, 'pgdata', 'postmaster.pid');
	if (!existsSync(pidFile)) return undefined;
	const port = Number(readFileSync(pidFile, 'utf8').split('\n')[3]);
	if (!Number.isInteger(port) || port <= 0) return undefined;
	return (await canConnect(`postgres://postgres@127.0.0.1:${port}/postgres`)) ? port : undefined;
}

async function ensureDatabase(port: number): Promise<void> {
	const client = new Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
	await client.connect();
	try {
		const exists = await client.query('select 1 from pg_database where datname = $1', [DATABASE]);
		if (exists.rowCount === 0) {
			await client.query(`create database ${DATABASE}`).catch((error: { code?: string }) => {
				if (error.code !== '42P04') throw error; // created meanwhile by another process
			});
		}
	} finally {
		await client.end();
	}
}

export async function openEmbeddedPostgres(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<EmbeddedPostgres> {
	let port = await runningPort(dataDir);
	let stop: () => Promise<void> = async () => undefined;
	const startedHere = port === undefined;
	if (port === undefined) {
		const preferred = Number(env.VIANG_EMBEDDED_PG_PORT ?? DEFAULT_EMBEDDED_PORT);
		const listenPort = (await portIsFree(preferred)) ? preferred : await freePort();
		const server = await startLocalPostgres(dataDir, listenPort);
		port = server.port;
		stop = () => server.stop();
	}
	await ensureDatabase(port);
	return { url: `postgres://postgres@127.0.0.1:${port}/${DATABASE}`, port, dataDir, startedHere, stop };
}
