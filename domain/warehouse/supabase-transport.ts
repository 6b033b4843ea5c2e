// Supabase transport for deployments that expose only the API: every call is `supabase.rpc`,
// i.e. `POST /rest/v1/rpc/<fn>` with the arguments as a JSON body, run by PostgREST as the
// service role. Same SQL functions as the pg transport.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { WarehouseError, type RpcArgs, type WarehouseTransport } from './transport';

export interface SupabaseTransportConfig {
	url: string;
	serviceRoleKey: string;
	/** Injected in tests (contract tests capture the exact requests). */
	fetch?: typeof fetch;
}

export class SupabaseTransport implements WarehouseTransport {
	readonly kind = 'supabase' as const;
	readonly client: SupabaseClient;

	constructor(config: SupabaseTransportConfig) {
		this.client = createClient(config.url, config.serviceRoleKey, {
			auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
			global: config.fetch ? { fetch: config.fetch } : {},
		});
	}

	async rpc<T = Record<string, unknown>>(fn: string, args: RpcArgs = {}): Promise<T[]> {
		const body: RpcArgs = {};
		for (const [name, value] of Object.entries(args)) {
			if (value !== undefined) body[name] = value instanceof Date ? value.toISOString() : value;
		}
		const { data, error } = await this.client.rpc(fn, body);
		if (error) throw new WarehouseError(error.message, error.code);
		if (data === null || data === undefined) return [];
		return (Array.isArray(data) ? data : [data]) as T[];
	}

	async close(): Promise<void> {
		await this.client.removeAllChannels();
	}
}
