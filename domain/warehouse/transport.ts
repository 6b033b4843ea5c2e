// How the warehouse reaches its SQL functions. Both transports call the same functions, so the
// logic lives (and is tested) once, in SQL. Every warehouse function returns a set: `rpc` always
// resolves to the rows. Row values are JSON-like: timestamps may be Date (pg) or ISO strings
// (PostgREST), counts numbers or strings; the repositories normalise them.

export type RpcArgs = Record<string, unknown>;

export interface WarehouseTransport {
	readonly kind: 'pg' | 'supabase';
	rpc<T = Record<string, unknown>>(fn: string, args?: RpcArgs): Promise<T[]>;
	close(): Promise<void>;
}

/** An error raised by a warehouse SQL function or the database, with its SQLSTATE. */
export class WarehouseError extends Error {
	readonly code: string | undefined;

	constructor(message: string, code?: string) {
		super(message);
		this.name = 'WarehouseError';
		this.code = code;
	}
}
