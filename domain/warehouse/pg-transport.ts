// Direct PostgreSQL transport: `select * from fn(name => $1::type, …)`. Argument types come from
// the catalogue (cached per function), so jsonb arguments are sent as JSON and arrays as arrays.
import { Pool, types, type PoolClient, type PoolConfig } from 'pg';
import { WarehouseError, type RpcArgs, type WarehouseTransport } from './transport';

const DATE_OID = 1082;

// Days stay 'YYYY-MM-DD' strings (a Date would shift them by the process time zone).
const typeParsers = {
	getTypeParser(oid: number, format?: 'text' | 'binary') {
		if (oid === DATE_OID) return (value: string) => value;
		return types.getTypeParser(oid, format);
	},
};

interface FunctionSignature {
	/** argument name → SQL type */
	args: Map<string, string>;
}

const SAFE_NAME = /^[a-z_][a-z0-9_]*$/;

export class PgTransport implements WarehouseTransport {
	readonly kind = 'pg' as const;
	/**
	 * Whether order lines of new orders may be COPYed straight into ml_order_lines (false once
	 * the server refused it, e.g. row level security applying to the connecting role).
	 */
	directCopy = true;
	readonly pool: Pool;
	private readonly signatures = new Map<string, Promise<FunctionSignature>>();

	constructor(config: string | PoolConfig) {
		const base: PoolConfig = typeof config === 'string' ? { connectionString: config } : config;
		this.pool = new Pool({ max: 10, ...base, types: typeParsers });
		// An idle client losing its connection must not crash the process.
		this.pool.on('error', () => undefined);
	}

	async rpc<T = Record<string, unknown>>(fn: string, args: RpcArgs = {}): Promise<T[]> {
		const { text, values } = await this.prepare(fn, args);
		try {
			const result = await this.pool.query(text, values);
			return result.rows as T[];
		} catch (error) {
			throw toWarehouseError(error);
		}
	}

	/** Runs work on one connection inside a transaction (bulk loads, migrations). */
	async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
		const client = await this.pool.connect();
		try {
			await client.query('begin');
			const result = await work(client);
			await client.query('commit');
			return result;
		} catch (error) {
			await client.query('rollback').catch(() => undefined);
			throw toWarehouseError(error);
		} finally {
			client.release();
		}
	}

	async close(): Promise<void> {
		await this.pool.end();
	}

	private async prepare(fn: string, args: RpcArgs): Promise<{ text: string; values: unknown[] }> {
		if (!SAFE_NAME.test(fn)) throw new WarehouseError(`invalid function name ${JSON.stringify(fn)}`);
		const signature = await this.signature(fn);
		const placeholders: string[] = [];
		const values: unknown[] = [];
		for (const [name, value] of Object.entries(args)) {
			if (value === undefined) continue;
			const type = signature.args.get(name);
			if (!type) throw new WarehouseError(`${fn} has no argument ${name}`);
			values.push(type === 'jsonb' || type === 'json' ? (value === null ? null : JSON.stringify(value)) : value);
			placeholders.push(`${name} => $${values.length}::${type}`);
		}
		return { text: `select * from public.${fn}(${placeholders.join(', ')})`, values };
	}

	private signature(fn: string): Promise<FunctionSignature> {
		let pending = this.signatures.get(fn);
		if (!pending) {
			pending = this.loadSignature(fn);
			pending.catch(() => this.signatures.delete(fn));
			this.signatures.set(fn, pending);
		}
		return pending;
	}

	private async loadSignature(fn: string): Promise<FunctionSignature> {
		const result = await this.pool.query<{ name: string; type: string }>(
			`select a.name, format_type(a.type_oid, null) as type
			from pg_proc p
			cross join lateral unnest(
				coalesce(p.proallargtypes, p.proargtypes::oid[]),
				p.proargnames,
				coalesce(p.proargmodes, array_fill('i'::"char", array[p.pronargs]))
			) as a(type_oid, name, mode)
			where p.proname = $1 and p.pronamespace = 'public'::regnamespace and a.mode in ('i', 'b', 'v')`,
			[fn],
		);
		const exists = await this.pool.query(
			`select 1 from pg_proc where proname = $1 and pronamespace = 'public'::regnamespace`,
			[fn],
		);
		if (exists.rowCount === 0) {
			throw new WarehouseError(`function public.${fn} does not exist: run \`viang db migrate\``, '42883');
		}
		return { args: new Map(result.rows.map((row) => [row.name, row.type])) };
	}
}

export function toWarehouseError(error: unknown): Error {
	if (error instanceof WarehouseError) return error;
	const candidate = error as { message?: string; code?: string } | undefined;
	if (candidate && typeof candidate.code === 'string' && typeof candidate.message === 'string') {
		return new WarehouseError(candidate.message, candidate.code);
	}
	return error instanceof Error ? error : new Error(String(error));
}
