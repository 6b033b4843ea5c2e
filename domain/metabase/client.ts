// A small typed Metabase REST client: only the endpoints of the OpenAPI subset Viang uses
// (docs/metabase.md). Auth by API key (`x-api-key`) or by session (username/password →
// POST /api/session, then `X-Metabase-Session`, renewed once on a 401). Responses are checked with
// loose zod schemas; requests are typed.
import type { z } from 'zod';
import { ApiError } from '../http/api-error';
import { HttpClient, type HttpRequest } from '../http/http-client';
import {
	cardSchema,
	collectionListSchema,
	collectionSchema,
	dashboardSchema,
	databaseSchema,
	sessionPropertiesSchema,
	sessionSchema,
	userSchema,
	type CardCreate,
	type CardUpdate,
	type CollectionCreate,
	type CollectionUpdate,
	type DashboardCreate,
	type DashboardUpdate,
	type DatabaseCreate,
	type MetabaseCard,
	type MetabaseCollection,
	type MetabaseDashboard,
	type MetabaseDatabase,
	type MetabaseUser,
} from './schemas';

export type MetabaseAuth = { apiKey: string } | { username: string; password: string };

export interface MetabaseClientOptions {
	baseUrl: string;
	auth: MetabaseAuth;
	timeoutMs?: number;
	fetchImpl?: typeof fetch;
	sleep?: (ms: number) => Promise<void>;
}

function describeError(body: unknown): { message?: string } {
	if (typeof body === 'string') return { message: body.slice(0, 300) };
	if (body && typeof body === 'object') {
		const record = body as Record<string, unknown>;
		if (typeof record.message === 'string') return { message: record.message };
		if (record.errors) return { message: JSON.stringify(record.errors).slice(0, 300) };
	}
	return {};
}

export class MetabaseClient {
	readonly baseUrl: string;
	private readonly http: HttpClient;
	private readonly auth: MetabaseAuth;
	private sessionId: string | undefined;

	constructor(options: MetabaseClientOptions) {
		this.baseUrl = options.baseUrl.replace(/\/+$/, '');
		this.auth = options.auth;
		this.http = new HttpClient({
			provider: 'Metabase',
			baseUrl: this.baseUrl,
			timeoutMs: options.timeoutMs ?? 60_000,
			fetchImpl: options.fetchImpl,
			sleep: options.sleep,
			describeError,
			// A few retries only: provisioning is interactive, and creates are never retried (below).
			retry: { maxAttempts: 3, maxElapsedMs: 60_000 },
		});
	}

	// Session and setup

	/** POST /api/session: a session id for username/password auth. */
	async login(username: string, password: string): Promise<string> {
		const response = await this.http.request({
			call: 'session.create',
			method: 'POST',
			path: '/api/session',
			json: { username, password },
			retry: { maxAttempts: 1 },
		});
		return this.parse('session.create', sessionSchema, response.body).id;
	}

	async sessionProperties(): Promise<z.infer<typeof sessionPropertiesSchema>> {
		const response = await this.http.request({ call: 'session.properties', path: '/api/session/properties' });
		return this.parse('session.properties', sessionPropertiesSchema, response.body);
	}

	/** POST /api/setup: the first admin of a brand-new instance (returns a session id). */
	async setup(input: {
		token: string;
		user: { email: string; password: string; first_name?: string; last_name?: string };
		prefs: { site_name: string; site_locale?: string };
	}): Promise<string> {
		const response = await this.http.request({ call: 'setup', method: 'POST', path: '/api/setup', json: input, retry: { maxAttempts: 1 } });
		return this.parse('setup', sessionSchema, response.body).id;
	}

	currentUser(): Promise<MetabaseUser> {
		return this.call('user.current', userSchema, { path: '/api/user/current' });
	}

	/** PUT /api/setting/:key (`null` deletes the setting). */
	async putSetting(key: string, value: unknown): Promise<void> {
		await this.send({ call: 'setting.put', method: 'PUT', path: `/api/setting/${encodeURIComponent(key)}`, json: { value } });
	}

	// Databases

	createDatabase(body: DatabaseCreate): Promise<MetabaseDatabase> {
		return this.call('database.create', databaseSchema, { method: 'POST', path: '/api/database', json: body, retry: { maxAttempts: 1 } });
	}

	getDatabase(id: number): Promise<MetabaseDatabase | null> {
		return this.find('database.get', databaseSchema, `/api/database/${id}`);
	}

	async syncSchema(id: number): Promise<void> {
		await this.send({ call: 'database.sync_schema', method: 'POST', path: `/api/database/${id}/sync_schema` });
	}

	// Collections

	listCollections(): Promise<MetabaseCollection[]> {
		return this.call('collection.list', collectionListSchema, { path: '/api/collection' });
	}

	createCollection(body: CollectionCreate): Promise<MetabaseCollection> {
		return this.call('collection.create', collectionSchema, { method: 'POST', path: '/api/collection', json: body, retry: { maxAttempts: 1 } });
	}

	getCollection(id: number): Promise<MetabaseCollection | null> {
		return this.find('collection.get', collectionSchema, `/api/collection/${id}`);
	}

	updateCollection(id: number, body: CollectionUpdate): Promise<MetabaseCollection> {
		return this.call('collection.update', collectionSchema, { method: 'PUT', path: `/api/collection/${id}`, json: body });
	}

	// Cards (questions)

	createCard(body: CardCreate): Promise<MetabaseCard> {
		return this.call('card.create', cardSchema, { method: 'POST', path: '/api/card', json: body, retry: { maxAttempts: 1 } });
	}

	getCard(id: number): Promise<MetabaseCard | null> {
		return this.find('card.get', cardSchema, `/api/card/${id}`);
	}

	updateCard(id: number, body: CardUpdate): Promise<MetabaseCard> {
		return this.call('card.update', cardSchema, { method: 'PUT', path: `/api/card/${id}`, json: body });
	}

	// Dashboards

	createDashboard(body: DashboardCreate): Promise<MetabaseDashboard> {
		return this.call('dashboard.create', dashboardSchema, { method: 'POST', path: '/api/dashboard', json: body, retry: { maxAttempts: 1 } });
	}

	getDashboard(id: number): Promise<MetabaseDashboard | null> {
		return this.find('dashboard.get', dashboardSchema, `/api/dashboard/${id}`);
	}

	/** PUT /api/dashboard/:id; with `dashcards`, the full desired set (Metabase deletes the ones left out). */
	updateDashboard(id: number, body: DashboardUpdate): Promise<MetabaseDashboard> {
		return this.call('dashboard.update', dashboardSchema, { method: 'PUT', path: `/api/dashboard/${id}`, json: body });
	}

	// Plumbing

	private async call<S extends z.ZodTypeAny>(call: string, schema: S, req: Omit<HttpRequest, 'call'>): Promise<z.output<S>> {
		const response = await this.send({ ...req, call });
		return this.parse(call, schema, response.body);
	}

	/** GET that answers null on 404. */
	private async find<S extends z.ZodTypeAny>(call: string, schema: S, path: string): Promise<z.output<S> | null> {
		const response = await this.send({ call, path, acceptStatuses: [404] });
		if (response.status === 404) return null;
		return this.parse(call, schema, response.body);
	}

	private async send(req: HttpRequest): Promise<{ status: number; body: unknown }> {
		const first = await this.http.request({ ...req, headers: { ...(await this.authHeaders()), ...(req.headers ?? {}) }, acceptStatuses: [...(req.acceptStatuses ?? []), 401] });
		if (first.status !== 401) return first;
		// An expired session: log in again once. An API key that is refused stays refused.
		if ('apiKey' in this.auth) throw this.unauthorized(req);
		this.sessionId = undefined;
		const second = await this.http.request({ ...req, headers: { ...(await this.authHeaders()), ...(req.headers ?? {}) }, acceptStatuses: [...(req.acceptStatuses ?? []), 401] });
		if (second.status === 401) throw this.unauthorized(req);
		return second;
	}

	private unauthorized(req: HttpRequest): ApiError {
		return new ApiError({
			provider: 'Metabase',
			call: req.call,
			kind: 'http',
			status: 401,
			method: req.method ?? 'GET',
			path: req.path,
			providerMessage: 'credenciais recusadas (confira METABASE_API_KEY ou METABASE_USERNAME/METABASE_PASSWORD)',
		});
	}

	private async authHeaders(): Promise<Record<string, string>> {
		if ('apiKey' in this.auth) return { 'x-api-key': this.auth.apiKey };
		this.sessionId ??= await this.login(this.auth.username, this.auth.password);
		return { 'X-Metabase-Session': this.sessionId };
	}

	private parse<S extends z.ZodTypeAny>(call: string, schema: S, body: unknown): z.output<S> {
		const result = schema.safeParse(body);
		if (!result.success) {
			const issue = result.error.issues[0];
			throw new ApiError({
				provider: 'Metabase',
				call,
				kind: 'invalid_response',
				providerMessage: `${issue.path.join('.') || '(body)'}: ${issue.message}`,
			});
		}
		return result.data;
	}
}
