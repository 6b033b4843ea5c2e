// The Graph API calls Viang makes for WhatsApp: numbers and templates of the app's WhatsApp
// Business Accounts, and messages sent from a client's number. Built on domain/http (timeouts,
// retries of 5xx/timeouts, ApiError); a per-number limiter keeps under the number's throughput.
import { HttpClient, type HttpClientOptions } from '../http/http-client';
import { sharedLimiters, type RateLimiterRegistry } from '../http/rate-limiter';
import type { WhatsAppApp } from './config';
import { describeGraphError } from './errors';

export const PHONE_NUMBER_FIELDS =
	'id,display_phone_number,verified_name,quality_rating,code_verification_status,status,name_status,messaging_limit_tier,platform_type,throughput';

export interface PhoneNumber {
	id: string;
	display_phone_number: string;
	verified_name?: string;
	quality_rating?: string;
	code_verification_status?: string;
	status?: string;
	name_status?: string;
	messaging_limit_tier?: string;
	platform_type?: string;
	throughput?: { level?: string };
	/** Which of the app's WABAs the number belongs to (added by us). */
	waba_id: string;
}

export interface MessageTemplate {
	id: string;
	name: string;
	language: string;
	status: string;
	category?: string;
	components?: unknown[];
	waba_id: string;
}

export type OutgoingMessage =
	| { type: 'text'; text: { body: string; preview_url?: boolean } }
	| {
			type: 'template';
			template: { name: string; language: { code: string }; components?: Array<Record<string, unknown>> };
	  };

export interface SendResult {
	wamid: string;
	waId?: string;
	messageStatus?: string;
}

interface Page<T> {
	data?: T[];
	paging?: { cursors?: { after?: string }; next?: string };
}

export interface WhatsAppClientOptions extends Pick<HttpClientOptions, 'fetchImpl' | 'sleep' | 'random' | 'timeoutMs' | 'retry'> {
	/** Messages per second per business number (Meta's default is 80). */
	throughputPerSecond?: number;
	limiters?: RateLimiterRegistry;
	/** Page cap when listing, so a looping cursor cannot run forever. */
	maxPages?: number;
}

export class WhatsAppCloudClient {
	readonly http: HttpClient;
	private readonly limiters: RateLimiterRegistry;

	constructor(
		readonly app: WhatsAppApp,
		private readonly options: WhatsAppClientOptions = {},
	) {
		if (!app.accessToken) throw new Error('The WhatsApp Cloud credential has no access token');
		this.limiters = options.limiters ?? sharedLimiters;
		this.http = new HttpClient({
			provider: 'WhatsApp Cloud',
			baseUrl: `${app.baseUrl}/${app.graphVersion}`,
			timeoutMs: options.timeoutMs ?? 20_000,
			retry: options.retry,
			fetchImpl: options.fetchImpl,
			sleep: options.sleep,
			random: options.random,
			defaultHeaders: { authorization: `Bearer ${app.accessToken}` },
			describeError: (body) => describeGraphError(body, app.accessToken, app.appSecret),
		});
	}

	private async listAll<T>(call: string, path: string, query: Record<string, string | number>): Promise<T[]> {
		const rows: T[] = [];
		let after: string | undefined;
		for (let page = 0; page < (this.options.maxPages ?? 50); page++) {
			// The cursor, not `paging.next`: Meta's next URLs repeat the access token in the query.
			const response = await this.http.request<Page<T>>({ call, path, query: { ...query, after } });
			rows.push(...(response.body?.data ?? []));
			after = response.body?.paging?.next ? response.body.paging.cursors?.after : undefined;
			if (!after) break;
		}
		return rows;
	}

	async listPhoneNumbers(wabaId: string): Promise<PhoneNumber[]> {
		const rows = await this.listAll<Omit<PhoneNumber, 'waba_id'>>('phone_numbers.list', `/${wabaId}/phone_numbers`, {
			fields: PHONE_NUMBER_FIELDS,
			limit: 100,
		});
		return rows.map((row) => ({ ...row, id: String(row.id), waba_id: wabaId }));
	}

	/** Every number of every WABA of the app. */
	async listAllPhoneNumbers(wabaIds: string[] = this.app.wabaIds): Promise<PhoneNumber[]> {
		const all: PhoneNumber[] = [];
		for (const wabaId of wabaIds) all.push(...(await this.listPhoneNumbers(wabaId)));
		return all;
	}

	async listTemplates(wabaId: string, filter: { status?: string; name?: string } = {}): Promise<MessageTemplate[]> {
		const query: Record<string, string | number> = { fields: 'id,name,language,status,category,components', limit: 100 };
		if (filter.status) query.status = filter.status;
		if (filter.name) query.name = filter.name;
		const rows = await this.listAll<Omit<MessageTemplate, 'waba_id'>>('message_templates.list', `/${wabaId}/message_templates`, query);
		return rows.map((row) => ({ ...row, id: String(row.id), waba_id: wabaId }));
	}

	/**
	 * One message from a business number. Rate-limit answers (130429, 131056, HTTP 429) are not
	 * retried here: the sender decides (wait for the pair slot, or defer and retry later).
	 */
	async sendMessage(phoneNumberId: string, to: string, message: OutgoingMessage, clientId?: string): Promise<SendResult> {
		const rate = this.options.throughputPerSecond ?? 80;
		const limiter = this.limiters.get(`whatsapp:${phoneNumberId}`, { ratePerSecond: rate, burst: Math.max(1, Math.floor(rate / 4)) });
		const response = await this.http.request<{
			contacts?: Array<{ input?: string; wa_id?: string }>;
			messages?: Array<{ id: string; message_status?: string }>;
		}>({
			call: 'messages.send',
			method: 'POST',
			path: `/${phoneNumberId}/messages`,
			json: { messaging_product: 'whatsapp', recipient_type: 'individual', to, ...message },
			clientId,
			limiters: [limiter],
			// A repeated POST may deliver twice: only dropped connections and 5xx get one more try.
			retry: { maxAttempts: 2, maxRateLimitedAttempts: 1 },
		});
		const sent = response.body?.messages?.[0];
		if (!sent?.id) throw new Error('WhatsApp Cloud messages.send answered without a message id');
		return { wamid: sent.id, waId: response.body.contacts?.[0]?.wa_id, messageStatus: sent.message_status };
	}
}
