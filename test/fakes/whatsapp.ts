// Fake WhatsApp Cloud API (Graph API) on loopback, built on FakeServer: phone numbers per WhatsApp
// Business Account with cursor paging, message templates, and POST /{phone-number-id}/messages with
// Meta's response and error shapes — invalid token (190, HTTP 401), invalid parameter (100), the
// 6-second pair rate limit (131056) and the per-number throughput limit (130429). Webhook deliveries
// are signed like Meta's (X-Hub-Signature-256 over the raw body with the app secret).
import { createHmac, randomBytes } from 'node:crypto';
import { FakeRequest, FakeResponse, FakeServer } from './base';

export interface FakePhoneNumber {
	id: string;
	display_phone_number: string;
	verified_name: string;
	quality_rating: string;
	code_verification_status: string;
	status: string;
	name_status: string;
	messaging_limit_tier: string;
	platform_type: string;
	throughput: { level: string };
}

export interface FakeTemplate {
	id: string;
	name: string;
	language: string;
	status: 'APPROVED' | 'PENDING' | 'REJECTED' | 'PAUSED';
	category: string;
	/** Body placeholders {{1}}…{{n}} the template expects. */
	bodyParameters: number;
}

export interface FakeSentMessage {
	phoneNumberId: string;
	to: string;
	type: string;
	body: Record<string, unknown>;
	/** The text body, or the template's body parameters joined by " | ". */
	text: string;
	wamid: string;
	at: number;
}

interface FakeWaba {
	phoneNumbers: FakePhoneNumber[];
	templates: FakeTemplate[];
}

export interface FakeWhatsAppOptions {
	accessToken?: string;
	appSecret?: string;
	/** Meta: one message per 6 s to the same user from the same number. */
	pairIntervalMs?: number;
	/** Messages per second per business number; unlimited when absent. */
	throughputPerSecond?: number;
}

export function graphError(code: number, message: string, status = 400, extra: Record<string, unknown> = {}): FakeResponse {
	return {
		status,
		body: {
			error: {
				message,
				type: 'OAuthException',
				code,
				...extra,
				fbtrace_id: `A${randomBytes(8).toString('hex')}`,
			},
		},
	};
}

export const INVALID_TOKEN = (): FakeResponse => graphError(190, 'Invalid OAuth access token - Cannot parse access token', 401);
export const PAIR_RATE_LIMIT = (): FakeResponse =>
	graphError(131056, '(#131056) (Business Account, Consumer Account) pair rate limit hit', 400, {
		error_data: { messaging_product: 'whatsapp', details: 'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.' },
	});
export const THROUGHPUT_LIMIT = (): FakeResponse =>
	graphError(130429, '(#130429) Rate limit hit', 400, {
		error_data: { messaging_product: 'whatsapp', details: 'Cloud API message throughput has been reached.' },
	});

export class FakeWhatsAppCloud {
	readonly server = new FakeServer('whatsapp-cloud');
	readonly accessToken: string;
	readonly appSecret: string;
	readonly sent: FakeSentMessage[] = [];
	pairIntervalMs: number;
	throughputPerSecond: number | undefined;
	private readonly wabas = new Map<string, FakeWaba>();
	private readonly lastToPair = new Map<string, number>();
	private readonly perNumberStamps = new Map<string, number[]>();
	private readonly queuedSendErrors: Array<() => FakeResponse> = [];
	private nextId = 100_000_000_000_000;

	constructor(options: FakeWhatsAppOptions = {}) {
		this.accessToken = options.accessToken ?? `EAAG${randomBytes(24).toString('hex')}`;
		this.appSecret = options.appSecret ?? randomBytes(16).toString('hex');
		this.pairIntervalMs = options.pairIntervalMs ?? 6_000;
		this.throughputPerSecond = options.throughputPerSecond;
		this.server.route('GET', '/:version/:wabaId/phone_numbers', (req) => this.guard(req, () => this.listPhoneNumbers(req)));
		this.server.route('GET', '/:version/:wabaId/message_templates', (req) => this.guard(req, () => this.listTemplates(req)));
		this.server.route('POST', '/:version/:phoneNumberId/messages', (req) => this.guard(req, () => this.sendMessage(req)));
	}

	get url(): string {
		return this.server.url;
	}

	start(): Promise<string> {
		return this.server.start();
	}

	stop(): Promise<void> {
		return this.server.stop();
	}

	addWaba(wabaId: string): this {
		if (!this.wabas.has(wabaId)) this.wabas.set(wabaId, { phoneNumbers: [], templates: [] });
		return this;
	}

	addPhoneNumber(wabaId: string, number: Partial<FakePhoneNumber> & { display_phone_number: string }): FakePhoneNumber {
		this.addWaba(wabaId);
		const full: FakePhoneNumber = {
			id: String(this.nextId++),
			verified_name: 'Loja Teste',
			quality_rating: 'GREEN',
			code_verification_status: 'VERIFIED',
			status: 'CONNECTED',
			name_status: 'APPROVED',
			messaging_limit_tier: 'TIER_1K',
			platform_type: 'CLOUD_API',
			throughput: { level: 'STANDARD' },
			...number,
		};
		this.wabas.get(wabaId)!.phoneNumbers.push(full);
		return full;
	}

	addTemplate(wabaId: string, template: Partial<FakeTemplate> & { name: string }): FakeTemplate {
		this.addWaba(wabaId);
		const full: FakeTemplate = {
			id: String(this.nextId++),
			language: 'pt_BR',
			status: 'APPROVED',
			category: 'UTILITY',
			bodyParameters: 0,
			...template,
		};
		this.wabas.get(wabaId)!.templates.push(full);
		return full;
	}

	/** The next sends answer these errors, in order (e.g. `failNextSends(THROUGHPUT_LIMIT)`). */
	failNextSends(...errors: Array<() => FakeResponse>): void {
		this.queuedSendErrors.push(...errors);
	}

	messagesTo(to: string): FakeSentMessage[] {
		return this.sent.filter((message) => message.to === to);
	}

	private guard(req: FakeRequest, handler: () => FakeResponse): FakeResponse {
		if (!/^v\d+\.\d+$/.test(req.params.version)) {
			return graphError(2500, `Unknown path components: /${req.params.version}`, 400);
		}
		if (req.headers.authorization !== `Bearer ${this.accessToken}`) return INVALID_TOKEN();
		return handler();
	}

	private notFound(id: string): FakeResponse {
		return graphError(
			100,
			`Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
			400,
			{ error_subcode: 33 },
		);
	}

	private page<T>(req: FakeRequest, rows: T[]): FakeResponse {
		const limit = Math.max(1, Math.min(Number(req.query.get('limit') ?? 25), 100));
		const after = req.query.get('after');
		const start = after ? Number(Buffer.from(after, 'base64url').toString('utf8')) : 0;
		const data = rows.slice(start, start + limit);
		const end = start + data.length;
		const cursor = (index: number) => Buffer.from(String(index)).toString('base64url');
		const paging: Record<string, unknown> = { cursors: { before: cursor(start), after: cursor(end) } };
		if (end < rows.length) {
			// Like Meta: the next URL repeats the access token (clients should use the cursor).
			paging.next = `${this.url}${req.path}?access_token=${this.accessToken}&limit=${limit}&after=${cursor(end)}`;
		}
		return { body: { data, paging } };
	}

	private listPhoneNumbers(req: FakeRequest): FakeResponse {
		const waba = this.wabas.get(req.params.wabaId);
		if (!waba) return this.notFound(req.params.wabaId);
		const fields = (req.query.get('fields') ?? 'id,display_phone_number,verified_name,quality_rating').split(',');
		const rows = waba.phoneNumbers.map((n) =>
			Object.fromEntries(Object.entries(n).filter(([key]) => key === 'id' || fields.includes(key))),
		);
		return this.page(req, rows);
	}

	private listTemplates(req: FakeRequest): FakeResponse {
		const waba = this.wabas.get(req.params.wabaId);
		if (!waba) return this.notFound(req.params.wabaId);
		const status = req.query.get('status');
		const name = req.query.get('name');
		const rows = waba.templates
			.filter((t) => (!status || t.status === status) && (!name || t.name.includes(name)))
			.map((t) => ({
				id: t.id,
				name: t.name,
				language: t.language,
				status: t.status,
				category: t.category,
				components: [
					{ type: 'BODY', text: Array.from({ length: t.bodyParameters }, (_, i) => `{{${i + 1}}}`).join(' ') || 'Olá' },
				],
			}));
		return this.page(req, rows);
	}

	private findNumber(phoneNumberId: string): { wabaId: string; waba: FakeWaba } | undefined {
		for (const [wabaId, waba] of this.wabas) if (waba.phoneNumbers.some((n) => n.id === phoneNumberId)) return { wabaId, waba };
		return undefined;
	}

	private overThroughput(phoneNumberId: string, now: number): boolean {
		if (!this.throughputPerSecond) return false;
		const stamps = (this.perNumberStamps.get(phoneNumberId) ?? []).filter((t) => now - t < 1000);
		this.perNumberStamps.set(phoneNumberId, stamps);
		if (stamps.length >= this.throughputPerSecond) return true;
		stamps.push(now);
		return false;
	}

	private sendMessage(req: FakeRequest): FakeResponse {
		const body = (req.body ?? {}) as Record<string, unknown>;
		const phoneNumberId = req.params.phoneNumberId;
		const owner = this.findNumber(phoneNumberId);
		if (!owner) return this.notFound(phoneNumberId);
		if (body.messaging_product !== 'whatsapp') {
			return graphError(100, '(#100) The parameter messaging_product is required.', 400);
		}
		const to = String(body.to ?? '').replace(/\D+/g, '');
		if (!/^[0-9]{8,15}$/.test(to)) return graphError(100, '(#100) Invalid parameter', 400, { error_data: { details: 'to is invalid' } });
		let text: string;
		if (body.type === 'text') {
			const value = (body.text as { body?: unknown } | undefined)?.body;
			if (typeof value !== 'string' || value === '') return graphError(100, '(#100) The parameter text[\'body\'] is required.', 400);
			if (value.length > 4096) return graphError(100, '(#100) Param text[\'body\'] must be at most 4096 characters long.', 400);
			text = value;
		} else if (body.type === 'template') {
			const template = (body.template ?? {}) as { name?: string; language?: { code?: string }; components?: Array<{ type?: string; parameters?: Array<{ text?: string }> }> };
			const found = owner.waba.templates.find((t) => t.name === template.name && t.language === template.language?.code);
			if (!found || found.status !== 'APPROVED') {
				return graphError(132001, '(#132001) Template name does not exist in the translation', 400, {
					error_data: { messaging_product: 'whatsapp', details: `template name (${template.name}) does not exist in ${template.language?.code}` },
				});
			}
			const parameters = (template.components ?? []).find((c) => c.type === 'body')?.parameters ?? [];
			if (parameters.length !== found.bodyParameters) {
				return graphError(132000, '(#132000) Number of parameters does not match the expected number of params', 400);
			}
			text = parameters.map((p) => p.text ?? '').join(' | ');
		} else {
			return graphError(100, `(#100) Unsupported message type ${String(body.type)}`, 400);
		}
		const queued = this.queuedSendErrors.shift();
		if (queued) return queued();
		const now = Date.now();
		if (this.overThroughput(phoneNumberId, now)) return THROUGHPUT_LIMIT();
		const pair = `${phoneNumberId}:${to}`;
		const last = this.lastToPair.get(pair);
		if (last !== undefined && now - last < this.pairIntervalMs) return PAIR_RATE_LIMIT();
		this.lastToPair.set(pair, now);
		const wamid = `wamid.${Buffer.from(`${phoneNumberId}:${to}:${randomBytes(6).toString('hex')}`).toString('base64')}`;
		this.sent.push({ phoneNumberId, to, type: String(body.type), body, text, wamid, at: now });
		return {
			body: { messaging_product: 'whatsapp', contacts: [{ input: String(body.to), wa_id: to }], messages: [{ id: wamid }] },
		};
	}
}

// Webhook deliveries ------------------------------------------------------------------------------

export interface InboundTextOptions {
	wabaId: string;
	phoneNumberId: string;
	displayPhoneNumber: string;
	from: string;
	text: string;
	name?: string;
	messageId?: string;
	timestamp?: number;
}

export function inboundTextPayload(options: InboundTextOptions): Record<string, unknown> {
	return {
		object: 'whatsapp_business_account',
		entry: [
			{
				id: options.wabaId,
				changes: [
					{
						field: 'messages',
						value: {
							messaging_product: 'whatsapp',
							metadata: { display_phone_number: options.displayPhoneNumber, phone_number_id: options.phoneNumberId },
							contacts: [{ profile: { name: options.name ?? 'Cliente' }, wa_id: options.from }],
							messages: [
								{
									from: options.from,
									id: options.messageId ?? `wamid.${randomBytes(12).toString('hex')}`,
									timestamp: String(options.timestamp ?? Math.floor(Date.now() / 1000)),
									type: 'text',
									text: { body: options.text },
								},
							],
						},
					},
				],
			},
		],
	};
}

export function statusPayload(options: {
	wabaId: string;
	phoneNumberId: string;
	displayPhoneNumber: string;
	messageId: string;
	status: 'sent' | 'delivered' | 'read' | 'failed';
	recipientId: string;
	errors?: Array<Record<string, unknown>>;
}): Record<string, unknown> {
	return {
		object: 'whatsapp_business_account',
		entry: [
			{
				id: options.wabaId,
				changes: [
					{
						field: 'messages',
						value: {
							messaging_product: 'whatsapp',
							metadata: { display_phone_number: options.displayPhoneNumber, phone_number_id: options.phoneNumberId },
							statuses: [
								{
									id: options.messageId,
									status: options.status,
									timestamp: String(Math.floor(Date.now() / 1000)),
									recipient_id: options.recipientId,
									...(options.errors ? { errors: options.errors } : {}),
								},
							],
						},
					},
				],
			},
		],
	};
}

/** Meta's signature of a raw body. */
export function metaSignature(raw: Buffer | string, appSecret: string): string {
	return `sha256=${createHmac('sha256', appSecret).update(raw).digest('hex')}`;
}

export interface DeliveryOptions {
	appSecret: string;
	/** Replace the signature header (a wrong one) or drop it (null). */
	signature?: string | null;
	/** Change the bytes after signing (e.g. one byte altered). */
	tamper?: (raw: Buffer) => Buffer;
}

/** POSTs a payload to a webhook URL the way Meta does: compact JSON, signed raw body. */
export async function deliverWebhook(
	url: string,
	payload: unknown,
	options: DeliveryOptions,
): Promise<{ status: number; body: string }> {
	const raw = Buffer.from(JSON.stringify(payload));
	const signature = options.signature === undefined ? metaSignature(raw, options.appSecret) : options.signature;
	const sent = options.tamper ? options.tamper(Buffer.from(raw)) : raw;
	const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'facebookexternalua' };
	if (signature !== null) headers['x-hub-signature-256'] = signature;
	const response = await fetch(url, { method: 'POST', headers, body: new Uint8Array(sent) });
	return { status: response.status, body: await response.text() };
}

/** Meta's subscription check: GET <callback>?hub.mode=subscribe&hub.challenge=…&hub.verify_token=…. */
export async function verifyWebhook(url: string, verifyToken: string, challenge = randomBytes(8).toString('hex')) {
	const target = new URL(url);
	target.searchParams.set('hub.mode', 'subscribe');
	target.searchParams.set('hub.challenge', challenge);
	target.searchParams.set('hub.verify_token', verifyToken);
	const response = await fetch(target);
	return { status: response.status, body: await response.text(), challenge };
}
