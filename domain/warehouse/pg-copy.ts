// COPY … FROM STDIN (text format) over a pg connection, for bulk loads on the pg transport.
// Values are sent as their text representation, exactly as the jsonb path hands them to the
// type input functions (strings as they are, numbers via String(), null/undefined as NULL), so
// PostgreSQL parses them the same way.
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import type { PoolClient } from 'pg';

const SPECIAL = /[\\\t\n\r]/;

/** One field in COPY text format. */
export function copyField(value: unknown): string {
	if (value === null || value === undefined) return '\\N';
	// Numbers never hold a character COPY escapes.
	if (typeof value === 'number') return String(value);
	const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
	if (!SPECIAL.test(text)) return text;
	return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

const CHUNK_CHARS = 256 * 1024;

function* copyChunks<T>(rows: readonly T[], toFields: (row: T) => unknown[]): Generator<string> {
	let chunk = '';
	for (const row of rows) {
		const fields = toFields(row);
		let line = '';
		for (let i = 0; i < fields.length; i++) line += (i === 0 ? '' : '\t') + copyField(fields[i]);
		chunk += line + '\n';
		if (chunk.length >= CHUNK_CHARS) {
			yield chunk;
			chunk = '';
		}
	}
	if (chunk.length > 0) yield chunk;
}

/**
 * Streams rows into `target` (`table (col, …)`, trusted SQL) with COPY; returns the rows copied.
 * Rows are encoded in chunks as the stream drains, so a batch is never held twice as text.
 */
export async function copyRows<T>(client: PoolClient, target: string, rows: readonly T[], toFields: (row: T) => unknown[]): Promise<number> {
	if (rows.length === 0) return 0;
	const stream = client.query(copyFrom(`copy ${target} from stdin`));
	await pipeline(Readable.from(copyChunks(rows, toFields), { objectMode: false }), stream);
	return stream.rowCount;
}
