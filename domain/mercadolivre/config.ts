// A Mercado Livre application (the Viang app registered in ML's developer panel) and how hard we
// may call the API with it. Every base URL is configurable and defaults to the real one.
export const DEFAULT_API_URL = 'https://api.mercadolibre.com';
export const DEFAULT_AUTH_URL = 'https://auth.mercadolivre.com.br';
export const ML_PROVIDER = 'mercadolivre';

export interface MercadoLivreApp {
	clientId: string;
	clientSecret: string;
	redirectUri?: string;
	apiUrl?: string;
	authUrl?: string;
	/** Requests per second allowed per application (shared by every seller of the process). */
	appRatePerSecond?: number;
	/** Requests per second allowed per seller. */
	sellerRatePerSecond?: number;
	/** Per-attempt timeout. */
	timeoutMs?: number;
}

// No official number exists; 10 req/s per app is a conservative pace that integrations report as
// safe for reads, and a seller never gets the whole app budget.
export const DEFAULT_APP_RATE = 10;
export const DEFAULT_SELLER_RATE = 10;

export function apiUrlOf(app: MercadoLivreApp): string {
	return (app.apiUrl || DEFAULT_API_URL).replace(/\/+$/, '');
}

export function authUrlOf(app: MercadoLivreApp): string {
	return (app.authUrl || DEFAULT_AUTH_URL).replace(/\/+$/, '');
}

/** Reads the app from the CLI environment (MERCADOLIVRE_*). */
export function appFromEnv(env: NodeJS.ProcessEnv = process.env): MercadoLivreApp {
	const clientId = env.MERCADOLIVRE_CLIENT_ID;
	const clientSecret = env.MERCADOLIVRE_CLIENT_SECRET;
	if (!clientId || !clientSecret) throw new Error('MERCADOLIVRE_CLIENT_ID and MERCADOLIVRE_CLIENT_SECRET must be set');
	const rate = (name: string) => (env[name] ? Number(env[name]) : undefined);
	return {
		clientId,
		clientSecret,
		redirectUri: env.MERCADOLIVRE_REDIRECT_URI || undefined,
		apiUrl: env.MERCADOLIVRE_API_URL || DEFAULT_API_URL,
		authUrl: env.MERCADOLIVRE_AUTH_URL || DEFAULT_AUTH_URL,
		appRatePerSecond: rate('MERCADOLIVRE_APP_RATE'),
		sellerRatePerSecond: rate('MERCADOLIVRE_SELLER_RATE'),
	};
}
