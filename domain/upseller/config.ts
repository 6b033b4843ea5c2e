// UpSeller's Open API (reference/upseller.md): a small inventory API, two POST endpoints, and
// authentication by two headers whose names UpSeller shows only as an image. The names live here,
// once, and every caller can override them (n8n credential `upSellerApi`, UPSELLER_* variables).
export const UPSELLER_PROVIDER = 'upseller';
export const DEFAULT_UPSELLER_BASE_URL = 'https://openapi.upseller.com/erp/inventory';
/** Unverified: the names one public integration used. */
export const DEFAULT_CLIENT_ID_HEADER = 'client-id';
export const DEFAULT_API_TOKEN_HEADER = 'api-token';
/** No published limit: a gentle pace per UpSeller account. */
export const DEFAULT_UPSELLER_RATE = 2;

export const UPSELLER_PATHS = {
	warehouses: 'getWarehouseList/v1',
	warehouseSkus: 'pageWarehouseSku/v1',
} as const;

export interface UpSellerConfig {
	baseUrl?: string;
	clientIdHeader?: string;
	apiTokenHeader?: string;
	/** Requests per second per UpSeller account. */
	ratePerSecond?: number;
	timeoutMs?: number;
}

/** What the client stores in the vault (provider 'upseller'), from UpSeller's panel. */
export interface UpSellerCredentials {
	clientId: string;
	apiToken: string;
}

export function baseUrlOf(config: UpSellerConfig): string {
	return (config.baseUrl || DEFAULT_UPSELLER_BASE_URL).replace(/\/+$/, '');
}

export function authHeaders(config: UpSellerConfig, credentials: UpSellerCredentials): Record<string, string> {
	return {
		[(config.clientIdHeader || DEFAULT_CLIENT_ID_HEADER).trim().toLowerCase()]: credentials.clientId,
		[(config.apiTokenHeader || DEFAULT_API_TOKEN_HEADER).trim().toLowerCase()]: credentials.apiToken,
	};
}

/** Reads the configuration from the CLI environment (UPSELLER_*). */
export function upSellerConfigFromEnv(env: NodeJS.ProcessEnv = process.env): UpSellerConfig {
	return {
		baseUrl: env.UPSELLER_BASE_URL || DEFAULT_UPSELLER_BASE_URL,
		clientIdHeader: env.UPSELLER_CLIENT_ID_HEADER || DEFAULT_CLIENT_ID_HEADER,
		apiTokenHeader: env.UPSELLER_API_TOKEN_HEADER || DEFAULT_API_TOKEN_HEADER,
		ratePerSecond: env.UPSELLER_RATE ? Number(env.UPSELLER_RATE) : undefined,
	};
}
