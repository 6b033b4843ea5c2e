// The Viang warehouse from n8n: opened from the `viangWarehouseApi` credential, shared across the
// executions of this n8n process (one connection pool per credential), and tested by the
// credential test every Viang node declares (`testedBy: 'viangWarehouseConnectionTest'`).
import { createHash } from 'node:crypto';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	INodeCredentialTestResult,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { openWarehouse, type Warehouse, type WarehouseConfig } from '../../domain/warehouse';

type ContextWithCredentials =
	| IExecuteFunctions
	| IWebhookFunctions
	| IHookFunctions
	| ILoadOptionsFunctions
	| IPollFunctions;

const open = new Map<string, Warehouse>();

export function warehouseConfig(credentials: ICredentialDataDecryptedObject): WarehouseConfig {
	const tokenKey = String(credentials.tokenKey ?? '');
	if (credentials.transport === 'supabase') {
		return {
			supabaseUrl: String(credentials.supabaseUrl ?? ''),
			serviceRoleKey: String(credentials.serviceRoleKey ?? ''),
			tokenKey,
		};
	}
	return { databaseUrl: String(credentials.databaseUrl ?? ''), tokenKey };
}

function cacheKey(config: WarehouseConfig): string {
	return createHash('sha256').update(JSON.stringify(config)).digest('hex');
}

/** The warehouse of this node's `viangWarehouseApi` credential (kept open for later executions). */
export async function getWarehouse(ctx: ContextWithCredentials): Promise<Warehouse> {
	const credentials = await ctx.getCredentials('viangWarehouseApi');
	const config = warehouseConfig(credentials);
	const key = cacheKey(config);
	let warehouse = open.get(key);
	if (!warehouse) {
		warehouse = openWarehouse(config);
		open.set(key, warehouse);
	}
	return warehouse;
}

export async function withWarehouse<T>(ctx: ContextWithCredentials, work: (warehouse: Warehouse) => Promise<T>): Promise<T> {
	return work(await getWarehouse(ctx));
}

export async function viangWarehouseConnectionTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	let warehouse: Warehouse | undefined;
	try {
		warehouse = openWarehouse(warehouseConfig(credential.data ?? {}));
		await warehouse.transport.rpc('wh_health');
		return { status: 'OK', message: 'Connected to the Viang warehouse' };
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return { status: 'Error', message: `Could not use the Viang warehouse: ${message}` };
	} finally {
		await warehouse?.close().catch(() => undefined);
	}
}
