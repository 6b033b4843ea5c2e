// The one Meta app every client's number is added to: one system-user token, one app secret (it
// signs the webhooks), one verify token, the WhatsApp Business Accounts (WABAs) the numbers live in.
export const DEFAULT_GRAPH_URL = 'https://graph.facebook.com';
/** Latest Graph API version (released 29 Jul 2026). */
export const DEFAULT_GRAPH_VERSION = 'v26.0';

export interface WhatsAppApp {
	appId: string;
	appSecret: string;
	/** Permanent system-user token: never put it in an error, a log or an item. */
	accessToken: string;
	wabaIds: string[];
	verifyToken: string;
	graphVersion: string;
	baseUrl: string;
}

/** "123, 456 ,, 789" → ['123', '456', '789'] (order kept, duplicates dropped). */
export function parseWabaIds(value: unknown): string[] {
	const ids = String(value ?? '')
		.split(/[\s,;]+/)
		.map((id) => id.trim())
		.filter((id) => id !== '');
	return [...new Set(ids)];
}

export function normalizeGraphVersion(value: unknown): string {
	const text = String(value ?? '').trim();
	if (text === '') return DEFAULT_GRAPH_VERSION;
	const match = /^v?(\d+)(?:\.(\d+))?$/.exec(text);
	if (!match) throw new Error(`Graph API version "${text}" is not like v26.0`);
	return `v${match[1]}.${match[2] ?? '0'}`;
}

export function appFromRecord(record: Record<string, unknown>): WhatsAppApp {
	return {
		appId: String(record.appId ?? '').trim(),
		appSecret: String(record.appSecret ?? ''),
		accessToken: String(record.accessToken ?? '').trim(),
		wabaIds: parseWabaIds(record.wabaIds),
		verifyToken: String(record.verifyToken ?? ''),
		graphVersion: normalizeGraphVersion(record.graphVersion),
		baseUrl: String(record.baseUrl || DEFAULT_GRAPH_URL).replace(/\/+$/, ''),
	};
}

/** Digits only: "+55 (11) 98765-4321" → "5511987654321". */
export function phoneDigits(value: unknown): string {
	return String(value ?? '').replace(/\D+/g, '');
}

/** A WhatsApp user id (wa_id) or a phone number to send to: 8 to 15 digits. */
export function assertWaId(value: unknown, what = 'Recipient'): string {
	const digits = phoneDigits(value);
	if (!/^[0-9]{8,15}$/.test(digits)) throw new Error(`${what} "${String(value ?? '')}" is not a phone number (8 to 15 digits)`);
	return digits;
}
