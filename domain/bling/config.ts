// The Viang application registered in Bling (developer.bling.com.br) and how hard we may call the
// API with it. Every base URL is configurable and defaults to the real one.
export const BLING_PROVIDER = 'bling';
export const DEFAULT_BLING_API_URL = 'https://api.bling.com.br/Api/v3';
export const DEFAULT_BLING_AUTHORIZE_URL = 'https://bling.com.br/Api/v3/oauth/authorize';
export const DEFAULT_BLING_TOKEN_URL = 'https://api.bling.com.br/Api/v3/oauth/token';

export interface BlingLimitsConfig {
	/** Requests per second per Bling account (Bling allows 3; shared with the account's other integrations). */
	accountRatePerSecond?: number;
	/** Requests per São Paulo day per Bling account, counted by this process (Bling allows 120,000). */
	accountDailyBudget?: number;
	/** Calls to /oauth/token per minute for the whole process (Bling blocks the address at 20). */
	tokenCallsPerMinute?: number;
	/** Requests per second for the whole process (Bling blocks at 600 in 10 s, or 300 errors in 10 s). */
	processRatePerSecond?: number;
}

export interface BlingApp extends BlingLimitsConfig {
	clientId: string;
	clientSecret: string;
	redirectUri?: string;
	apiUrl?: string;
	authorizeUrl?: string;
	tokenUrl?: string;
	/** Per-attempt timeout. */
	timeoutMs?: number;
}

// 2.5/s spaces calls 400 ms apart, so even with network jitter no 1-second window sees more than 3.
export const DEFAULT_ACCOUNT_RATE = 2.5;
export const DEFAULT_ACCOUNT_DAILY_BUDGET = 100_000;
// 15 in any 60 s: a quarter below the 20 that triggers a one-hour block.
export const DEFAULT_TOKEN_CALLS_PER_MINUTE = 15;
// 25/s is at most 251 requests in any 10 s: under 600 requests and even under 300 errors.
export const DEFAULT_PROCESS_RATE = 25;

export function apiUrlOf(app: BlingApp): string {
	return (app.apiUrl || DEFAULT_BLING_API_URL).replace(/\/+$/, '');
}

export function authorizeUrlOf(app: BlingApp): string {
	return app.authorizeUrl || DEFAULT_BLING_AUTHORIZE_URL;
}

export function tokenUrlOf(app: BlingApp): string {
	return app.tokenUrl || DEFAULT_BLING_TOKEN_URL;
}

/** Reads the app from the CLI environment (BLING_*). */
export function blingAppFromEnv(env: NodeJS.ProcessEnv = process.env): BlingApp {
	const clientId = env.BLING_CLIENT_ID;
	const clientSecret = env.BLING_CLIENT_SECRET;
	if (!clientId || !clientSecret) throw new Error('BLING_CLIENT_ID and BLING_CLIENT_SECRET must be set');
	const number = (name: string) => (env[name] ? Number(env[name]) : undefined);
	return {
		clientId,
		clientSecret,
		redirectUri: env.BLING_REDIRECT_URI || undefined,
		apiUrl: env.BLING_API_URL || DEFAULT_BLING_API_URL,
		authorizeUrl: env.BLING_AUTHORIZE_URL || DEFAULT_BLING_AUTHORIZE_URL,
		tokenUrl: env.BLING_TOKEN_URL || DEFAULT_BLING_TOKEN_URL,
		accountRatePerSecond: number('BLING_ACCOUNT_RATE'),
		tokenCallsPerMinute: number('BLING_TOKEN_CALLS_PER_MINUTE'),
		processRatePerSecond: number('BLING_PROCESS_RATE'),
	};
}
