// The warehouse object: one transport, the repositories over it, and how to open it.
import { join } from 'node:path';
import { parseTokenKey, TokenCipher } from '../crypto/token-cipher';
import { UserInputError } from '../validation/errors';
import { ClientsRepository } from './clients';
import { openEmbeddedPostgres, type EmbeddedPostgres } from './embedded';
import { FactsRepository } from './facts';
import { InvitesRepository } from './invites';
import { rotateTokenKey, type RotationResult } from './key-rotation';
import { migrate } from './migrate';
import { PgTransport } from './pg-transport';
import { dataDir } from './project-paths';
import { RunsRepository } from './runs';
import { StagingRepository } from './staging';
import { FinanceRepository, StockRepository } from './stock-and-finance';
import { SupabaseTransport } from './supabase-transport';
import type { WarehouseTransport } from './transport';
import { TokenVault } from './vault';

export interface WarehouseConfig {
	/** Direct PostgreSQL connection (migrations, bulk loads, tests, embedded). */
	databaseUrl?: string;
	/** Supabase API (service role): for deployments that expose only the API. */
	supabase?: { url: string; serviceRoleKey: string; fetch?: typeof fetch };
	/** Same as `supabase`, flat (as n8n credentials hold it). */
	supabaseUrl?: string;
	serviceRoleKey?: string;
	/** VIANG_TOKEN_KEY as text (64 hex or base64); empty means: read the environment. */
	tokenKey?: string;
	/** Older keys still accepted for decryption (rotation). */
	previousTokenKeys?: string[];
	/** A ready transport (takes precedence). */
	transport?: WarehouseTransport;
	/** Token cipher; default: from VIANG_TOKEN_KEY / VIANG_TOKEN_KEY_PREVIOUS, read when first needed. */
	cipher?: TokenCipher;
	env?: NodeJS.ProcessEnv;
	/** pg pool size (default 10). */
	poolSize?: number;
}

export interface Warehouse {
	readonly transport: WarehouseTransport;
	readonly clients: ClientsRepository;
	readonly vault: TokenVault;
	readonly invites: InvitesRepository;
	readonly staging: StagingRepository;
	readonly facts: FactsRepository;
	readonly runs: RunsRepository;
	readonly stock: StockRepository;
	readonly finance: FinanceRepository;
	readonly tokens: { rotateKey(): Promise<RotationResult> };
	/** Set when openWarehouseFromEnv started or reused the embedded PostgreSQL. */
	readonly embedded?: EmbeddedPostgres;
	close(): Promise<void>;
}

function transportFor(config: WarehouseConfig): WarehouseTransport {
	if (config.transport) return config.transport;
	if (config.databaseUrl) return new PgTransport({ connectionString: config.databaseUrl, max: config.poolSize ?? 10 });
	if (config.supabase) return new SupabaseTransport(config.supabase);
	if (config.supabaseUrl && config.serviceRoleKey) {
		return new SupabaseTransport({ url: config.supabaseUrl, serviceRoleKey: config.serviceRoleKey });
	}
	throw new Error('openWarehouse needs databaseUrl, supabase or transport');
}

function cipherFor(config: WarehouseConfig): TokenCipher {
	if (config.tokenKey) {
		return new TokenCipher(
			parseTokenKey(config.tokenKey),
			(config.previousTokenKeys ?? []).filter((key) => key.trim() !== '').map((key) => parseTokenKey(key, 'VIANG_TOKEN_KEY_PREVIOUS')),
		);
	}
	return TokenCipher.fromEnv(config.env ?? process.env);
}

export function openWarehouse(config: WarehouseConfig, embedded?: EmbeddedPostgres): Warehouse {
	const transport = transportFor(config);
	let cipher = config.cipher;
	const getCipher = (): TokenCipher => (cipher ??= cipherFor(config));
	let closed = false;
	return {
		transport,
		clients: new ClientsRepository(transport, getCipher),
		vault: new TokenVault(transport, getCipher),
		invites: new InvitesRepository(transport, getCipher),
		staging: new StagingRepository(transport),
		facts: new FactsRepository(transport),
		runs: new RunsRepository(transport),
		stock: new StockRepository(transport),
		finance: new FinanceRepository(transport),
		tokens: { rotateKey: () => rotateTokenKey(transport, getCipher()) },
		embedded,
		async close() {
			if (closed) return;
			closed = true;
			await transport.close();
			if (embedded?.startedHere) await embedded.stop();
		},
	};
}

export type WarehouseSource = 'database_url' | 'supabase' | 'embedded';

export function warehouseSourceFromEnv(env: NodeJS.ProcessEnv = process.env): WarehouseSource {
	if (env.DATABASE_URL) return 'database_url';
	if (env.SUPABASE_URL || env.SUPABASE_SERVICE_ROLE_KEY) {
		if (!env.SUPABASE_URL || !env.SUPABASE_SERVICE_ROLE_KEY) {
			throw new UserInputError('Defina SUPABASE_URL e SUPABASE_SERVICE_ROLE_KEY juntas (ou DATABASE_URL)');
		}
		return 'supabase';
	}
	return 'embedded';
}

/**
 * DATABASE_URL → pg; else SUPABASE_URL + SUPABASE_SERVICE_ROLE_KEY → supabase-js; else the
 * embedded PostgreSQL in `.data/postgres` (started if needed, migrations applied).
 */
export async function openWarehouseFromEnv(
	env: NodeJS.ProcessEnv = process.env,
	options: Pick<WarehouseConfig, 'cipher' | 'tokenKey' | 'previousTokenKeys' | 'poolSize'> = {},
): Promise<Warehouse> {
	const source = warehouseSourceFromEnv(env);
	if (source === 'database_url') return openWarehouse({ ...options, env, databaseUrl: env.DATABASE_URL });
	if (source === 'supabase') {
		return openWarehouse({
			...options,
			env,
			supabase: { url: env.SUPABASE_URL as string, serviceRoleKey: env.SUPABASE_SERVICE_ROLE_KEY as string },
		});
	}
	const embedded = await openEmbeddedPostgres(join(dataDir(env), 'postgres'), env);
	try {
		await migrate(embedded.url);
	} catch (error) {
		if (embedded.startedHere) await embedded.stop();
		throw error;
	}
	return openWarehouse({ ...options, env, databaseUrl: embedded.url }, embedded);
}

export async function closeWarehouse(warehouse: Warehouse | undefined): Promise<void> {
	if (warehouse) await warehouse.close();
}

/** Opens the warehouse from the environment, runs `work`, and always closes it (CLI commands). */
export async function withWarehouseFromEnv<T>(
	work: (warehouse: Warehouse) => Promise<T>,
	env: NodeJS.ProcessEnv = process.env,
): Promise<T> {
	const warehouse = await openWarehouseFromEnv(env);
	try {
		return await work(warehouse);
	} finally {
		await closeWarehouse(warehouse);
	}
}
