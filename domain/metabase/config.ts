// Metabase settings from the environment, checked before anything connects (bad input → pt-BR
// UserInputError, exit code 2 in the CLI). Secrets are never echoed back.
import { UserInputError } from '../validation/errors';
import type { MetabaseAuth } from './client';
import type { WarehouseConnection } from './payloads';

export interface MetabaseConfig {
	url: string;
	/** Address people open (links); defaults to `url`. */
	siteUrl: string;
	auth: MetabaseAuth;
	embeddingSecret?: string;
}

function httpUrl(name: string, value: string): string {
	try {
		const url = new URL(value);
		if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
		return url.toString().replace(/\/+$/, '');
	} catch {
		throw new UserInputError(`${name} deve ser um endereço http(s), por exemplo https://bi.exemplo.com.br`);
	}
}

/** Metabase's `embedding-secret-key` is a 256-bit key written as 64 hexadecimal characters. */
export function validateEmbeddingSecret(secret: string): string {
	const trimmed = secret.trim();
	if (!/^[0-9a-fA-F]{64}$/.test(trimmed)) {
		throw new UserInputError('METABASE_EMBEDDING_SECRET deve ter 64 caracteres hexadecimais (a chave de incorporação do Metabase)');
	}
	return trimmed;
}

export function metabaseSiteUrl(env: NodeJS.ProcessEnv): string {
	const url = env.METABASE_URL?.trim();
	const site = env.METABASE_SITE_URL?.trim() || url;
	if (!site) throw new UserInputError('Defina METABASE_URL (ou METABASE_SITE_URL) com o endereço do Metabase');
	return httpUrl(env.METABASE_SITE_URL?.trim() ? 'METABASE_SITE_URL' : 'METABASE_URL', site);
}

export function embeddingSecretFromEnv(env: NodeJS.ProcessEnv): string {
	const secret = env.METABASE_EMBEDDING_SECRET?.trim();
	if (!secret) throw new UserInputError('Defina METABASE_EMBEDDING_SECRET (a chave de incorporação do Metabase)');
	return validateEmbeddingSecret(secret);
}

export function metabaseConfigFromEnv(env: NodeJS.ProcessEnv): MetabaseConfig {
	const rawUrl = env.METABASE_URL?.trim();
	if (!rawUrl) throw new UserInputError('Defina METABASE_URL com o endereço do Metabase (ex.: https://bi.exemplo.com.br)');
	const url = httpUrl('METABASE_URL', rawUrl);
	const apiKey = env.METABASE_API_KEY?.trim();
	const username = env.METABASE_USERNAME?.trim();
	const password = env.METABASE_PASSWORD;
	let auth: MetabaseAuth;
	if (apiKey) auth = { apiKey };
	else if (username && password) auth = { username, password };
	else throw new UserInputError('Defina METABASE_API_KEY, ou METABASE_USERNAME e METABASE_PASSWORD');
	const secret = env.METABASE_EMBEDDING_SECRET?.trim();
	return {
		url,
		siteUrl: metabaseSiteUrl(env),
		auth,
		embeddingSecret: secret ? validateEmbeddingSecret(secret) : undefined,
	};
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1|\[::1\])$/;

function sslFrom(value: string | undefined, host: string): boolean {
	if (value === undefined || value.trim() === '') return !LOOPBACK.test(host);
	if (/^(1|true|sim|require|verify-ca|verify-full)$/i.test(value.trim())) return true;
	if (/^(0|false|não|nao|disable)$/i.test(value.trim())) return false;
	throw new UserInputError('METABASE_WAREHOUSE_SSL deve ser true ou false');
}

function port(value: string | undefined): number {
	if (value === undefined || value.trim() === '') return 5432;
	const number = Number(value);
	if (!/^\d+$/.test(value.trim()) || number < 1 || number > 65535) throw new UserInputError('METABASE_WAREHOUSE_PORT deve ser uma porta (1–65535)');
	return number;
}

/**
 * How Metabase reaches the warehouse: METABASE_WAREHOUSE_URL (postgres://user:senha@host:5432/db)
 * or METABASE_WAREHOUSE_HOST/PORT/DBNAME/USER/PASSWORD. The user must be the read-only
 * `analytics` role (or a login role member of it); SSL is on except on loopback.
 */
export function warehouseConnectionFromEnv(env: NodeJS.ProcessEnv): WarehouseConnection {
	const raw = env.METABASE_WAREHOUSE_URL?.trim();
	if (raw) {
		let url: URL;
		try {
			url = new URL(raw);
			if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new Error();
		} catch {
			throw new UserInputError('METABASE_WAREHOUSE_URL deve ser postgres://usuario:senha@host:5432/banco');
		}
		const dbname = decodeURIComponent(url.pathname.replace(/^\//, ''));
		if (!url.hostname || !dbname || !url.username || !url.password) {
			throw new UserInputError('METABASE_WAREHOUSE_URL precisa de usuário, senha, host e banco');
		}
		const sslmode = url.searchParams.get('sslmode') ?? env.METABASE_WAREHOUSE_SSL;
		return {
			host: url.hostname,
			port: port(url.port || undefined),
			dbname,
			user: decodeURIComponent(url.username),
			password: decodeURIComponent(url.password),
			ssl: sslFrom(sslmode ?? undefined, url.hostname),
		};
	}
	const host = env.METABASE_WAREHOUSE_HOST?.trim();
	const dbname = env.METABASE_WAREHOUSE_DBNAME?.trim();
	const password = env.METABASE_WAREHOUSE_PASSWORD;
	const missing = [
		!host && 'METABASE_WAREHOUSE_HOST',
		!dbname && 'METABASE_WAREHOUSE_DBNAME',
		!password && 'METABASE_WAREHOUSE_PASSWORD',
	].filter(Boolean);
	if (missing.length > 0) {
		throw new UserInputError(`Defina METABASE_WAREHOUSE_URL, ou ${missing.join(', ')} (conexão do Metabase ao warehouse)`);
	}
	return {
		host: host as string,
		port: port(env.METABASE_WAREHOUSE_PORT),
		dbname: dbname as string,
		user: env.METABASE_WAREHOUSE_USER?.trim() || 'analytics',
		password: password as string,
		ssl: sslFrom(env.METABASE_WAREHOUSE_SSL, host as string),
	};
}
