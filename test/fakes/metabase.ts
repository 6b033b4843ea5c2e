// Fake Metabase API on FakeServer: every request is validated against the OpenAPI subset
// (metabase/openapi/metabase-openapi-subset.json) with a small JSON Schema validator, and the
// server keeps state (databases, collections, cards, dashboards with dashcards, settings) with the
// behaviours provisioning depends on: negative dashcard ids create, dashcards left out are deleted,
// archived objects stay readable, unknown ids answer 404.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeServer, type FakeRequest, type FakeResponse } from './base';

// ---------------------------------------------------------------------------------------------
// A small JSON Schema (2020-12) validator, enough for the subset's keywords. Two adjustments from
// the reference (§7.1): `oneOf` is read as `anyOf` (Malli "or" with overlapping stubs), and fields
// with a `default` are not required (Metabase fills defaults before validating).

type Schema = Record<string, unknown> | boolean;

interface OpenApi {
	paths: Record<string, Record<string, Operation>>;
	components: { schemas: Record<string, Schema> };
}

interface Operation {
	parameters?: Array<{ in: 'path' | 'query'; name: string; required?: boolean; schema: Schema }>;
	requestBody?: { content: Record<string, { schema: Schema }> };
}

export const OPENAPI_SUBSET_PATH = join(__dirname, '..', '..', 'metabase', 'openapi', 'metabase-openapi-subset.json');

function adjust(node: unknown): unknown {
	if (Array.isArray(node)) return node.map(adjust);
	if (!node || typeof node !== 'object') return node;
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(node as Record<string, unknown>)) out[key === 'oneOf' ? 'anyOf' : key] = adjust(value);
	const properties = out.properties as Record<string, Record<string, unknown>> | undefined;
	if (Array.isArray(out.required) && properties) {
		out.required = (out.required as string[]).filter((name) => !(properties[name] && 'default' in properties[name]));
	}
	return out;
}

function deepEqual(a: unknown, b: unknown): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

function typeOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	return typeof value;
}

export class SchemaValidator {
	constructor(private readonly components: Record<string, Schema>) {}

	validate(schema: Schema, value: unknown, path = '$'): string[] {
		if (schema === true) return [];
		if (schema === false) return [`${path}: not allowed`];
		const errors: string[] = [];
		const s = schema;
		if (typeof s.$ref === 'string') {
			const name = s.$ref.replace('#/components/schemas/', '');
			const target = this.components[name];
			if (target === undefined) return [`${path}: unresolved $ref ${s.$ref}`];
			errors.push(...this.validate(target, value, path));
		}
		if (s.type !== undefined) {
			const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
			const actual = typeOf(value);
			const ok = types.some((type) => type === actual || (type === 'number' && actual === 'integer'));
			if (!ok) return [...errors, `${path}: expected ${types.join('|')}, got ${actual}`];
		}
		if (Array.isArray(s.enum) && !s.enum.some((option) => deepEqual(option, value))) {
			errors.push(`${path}: must be one of ${JSON.stringify(s.enum)}`);
		}
		if ('const' in s && !deepEqual(s.const, value)) errors.push(`${path}: must be ${JSON.stringify(s.const)}`);
		if (typeof value === 'string') {
			const length = [...value].length;
			if (typeof s.minLength === 'number' && length < s.minLength) errors.push(`${path}: shorter than ${s.minLength}`);
			if (typeof s.maxLength === 'number' && length > s.maxLength) errors.push(`${path}: longer than ${s.maxLength}`);
			if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value)) errors.push(`${path}: does not match ${s.pattern}`);
		}
		if (typeof value === 'number') {
			if (typeof s.minimum === 'number' && value < s.minimum) errors.push(`${path}: less than ${s.minimum}`);
			if (typeof s.maximum === 'number' && value > s.maximum) errors.push(`${path}: greater than ${s.maximum}`);
		}
		if (typeOf(value) === 'object') {
			const object = value as Record<string, unknown>;
			const properties = (s.properties ?? {}) as Record<string, Schema>;
			for (const name of (s.required as string[] | undefined) ?? []) {
				if (!(name in object)) errors.push(`${path}.${name}: required`);
			}
			for (const [name, item] of Object.entries(object)) {
				if (name in properties) errors.push(...this.validate(properties[name], item, `${path}.${name}`));
				else if (s.additionalProperties !== undefined) {
					errors.push(...this.validate(s.additionalProperties as Schema, item, `${path}.${name}`));
				}
			}
		}
		if (Array.isArray(value)) {
			const prefix = (s.prefixItems as Schema[] | undefined) ?? [];
			prefix.forEach((item, index) => {
				if (index < value.length) errors.push(...this.validate(item, value[index], `${path}[${index}]`));
			});
			if (s.items !== undefined) {
				value.slice(prefix.length).forEach((item, index) => errors.push(...this.validate(s.items as Schema, item, `${path}[${index + prefix.length}]`)));
			}
			if (s.uniqueItems === true && new Set(value.map((item) => JSON.stringify(item))).size !== value.length) {
				errors.push(`${path}: items are not unique`);
			}
		}
		if (Array.isArray(s.allOf)) for (const part of s.allOf as Schema[]) errors.push(...this.validate(part, value, path));
		if (Array.isArray(s.anyOf) && (s.anyOf as Schema[]).length > 0) {
			const branches = (s.anyOf as Schema[]).map((branch) => this.validate(branch, value, path));
			if (!branches.some((branch) => branch.length === 0)) {
				const closest = branches.reduce((best, branch) => (branch.length < best.length ? branch : best));
				errors.push(...closest);
			}
		}
		return errors;
	}
}

interface MatchedOperation {
	template: string;
	operation: Operation;
	pathParams: Record<string, string>;
}

/** The OpenAPI subset as a request checker: operation lookup plus parameter and body validation. */
export class OpenApiRequestValidator {
	private readonly spec: OpenApi;
	private readonly validator: SchemaValidator;

	constructor(path = OPENAPI_SUBSET_PATH) {
		this.spec = adjust(JSON.parse(readFileSync(path, 'utf8'))) as OpenApi;
		this.validator = new SchemaValidator(this.spec.components.schemas);
	}

	/** Paths carry a trailing slash in the spec (`/api/card/`): both forms match. */
	match(method: string, path: string): MatchedOperation | undefined {
		const wanted = path.replace(/\/+$/, '');
		for (const [template, operations] of Object.entries(this.spec.paths)) {
			const operation = operations[method.toLowerCase()];
			if (!operation) continue;
			const names: string[] = [];
			const pattern = new RegExp(
				`^${template.replace(/\/+$/, '').replace(/\{([^}]+)\}/g, (_m, name: string) => {
					names.push(name);
					return '([^/]+)';
				})}$`,
			);
			const found = pattern.exec(wanted);
			if (found) {
				return { template, operation, pathParams: Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1])])) };
			}
		}
		return undefined;
	}

	/** Errors of one request; an empty list means valid. */
	validate(method: string, path: string, query: URLSearchParams, body: unknown): string[] {
		const matched = this.match(method, path);
		if (!matched) return [`${method} ${path} is not an operation of the OpenAPI subset`];
		const errors: string[] = [];
		const parameters = matched.operation.parameters ?? [];
		for (const parameter of parameters) {
			const raw = parameter.in === 'path' ? matched.pathParams[parameter.name] : (query.get(parameter.name) ?? undefined);
			const hasDefault = typeof parameter.schema === 'object' && 'default' in parameter.schema;
			if (raw === undefined) {
				if (parameter.required && !hasDefault) errors.push(`${parameter.in} parameter ${parameter.name}: required`);
				continue;
			}
			errors.push(...this.validator.validate(parameter.schema, coerce(parameter.schema, raw), `${parameter.in}.${parameter.name}`));
		}
		for (const name of query.keys()) {
			if (!parameters.some((parameter) => parameter.in === 'query' && parameter.name === name)) errors.push(`query parameter ${name}: unknown`);
		}
		const content = matched.operation.requestBody?.content['application/json'];
		if (content) {
			if (body === undefined) errors.push('body: required');
			else errors.push(...this.validator.validate(content.schema, body, 'body'));
		} else if (body !== undefined && body !== '') {
			errors.push('body: this operation takes no body');
		}
		return errors;
	}
}

/** Query and path values are strings: read them the way the schema types them. */
function coerce(schema: Schema, raw: string): unknown {
	const text = JSON.stringify(schema);
	if (/^-?\d+$/.test(raw) && text.includes('"integer"')) return Number(raw);
	if ((raw === 'true' || raw === 'false') && text.includes('"boolean"')) return raw === 'true';
	return raw;
}

// ---------------------------------------------------------------------------------------------
// The fake server.

export interface FakeMetabaseOptions {
	apiKey?: string;
	user?: { email: string; password: string };
	/** When set, the instance is brand new: GET /api/session/properties shows this setup token. */
	setupToken?: string;
}

export interface StoredDashcard {
	id: number;
	card_id: number;
	row: number;
	col: number;
	size_x: number;
	size_y: number;
	parameter_mappings: Array<{ parameter_id: string; card_id?: number; target: unknown }>;
	visualization_settings: Record<string, unknown>;
}

export interface StoredObject extends Record<string, unknown> {
	id: number;
	entity_id: string;
	name: string;
	archived: boolean;
}

export interface StoredDashboard extends StoredObject {
	collection_id: number | null;
	parameters: Array<Record<string, unknown>>;
	enable_embedding: boolean;
	embedding_params: Record<string, string> | null;
	dashcards: StoredDashcard[];
}

const NANOID = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

function nanoId(): string {
	return [...randomBytes(21)].map((byte) => NANOID[byte % 64]).join('');
}

function badRequest(errors: Record<string, string> | string): FakeResponse {
	return typeof errors === 'string'
		? { status: 400, body: { message: errors } }
		: { status: 400, body: { errors, 'specific-errors': errors } };
}

const NOT_FOUND: FakeResponse = { status: 404, body: 'Not found.' };

export class FakeMetabase extends FakeServer {
	readonly validator = new OpenApiRequestValidator();
	/** Requests that failed validation (should stay empty: our client only sends valid requests). */
	readonly invalidRequests: Array<{ method: string; path: string; errors: string[] }> = [];
	readonly settings = new Map<string, unknown>();
	readonly databases = new Map<number, StoredObject>();
	readonly collections = new Map<number, StoredObject>();
	readonly cards = new Map<number, StoredObject>();
	readonly dashboards = new Map<number, StoredDashboard>();
	readonly sessions = new Set<string>();
	readonly syncs: number[] = [];
	apiKey: string | undefined;
	user: { email: string; password: string } | undefined;
	setupToken: string | undefined;
	private nextId = { database: 1, collection: 1, card: 1, dashboard: 1, dashcard: 1 };

	constructor(options: FakeMetabaseOptions = {}) {
		super('metabase');
		this.apiKey = options.apiKey;
		this.user = options.user;
		this.setupToken = options.setupToken;
		this.registerRoutes();
	}

	/** POSTs and PUTs received (what provisioning changed). */
	writes(): Array<{ method: string; path: string; body: unknown }> {
		return this.requests.filter((r) => r.method === 'POST' || r.method === 'PUT').map(({ method, path, body }) => ({ method, path, body }));
	}

	/** Someone else's card (made in the Metabase UI): provisioning must never touch it. */
	addForeignCard(fields: { name: string; collection_id: number | null }): StoredObject {
		const card = this.storeCard({ ...fields, display: 'table', dataset_query: { type: 'native', database: 1, native: { query: 'select 1' } }, visualization_settings: {} });
		return card;
	}

	addForeignDashboard(fields: { name: string; collection_id: number | null }): StoredDashboard {
		return this.storeDashboard({ ...fields, parameters: [] });
	}

	private storeCard(body: Record<string, unknown>): StoredObject {
		const id = this.nextId.card++;
		const card: StoredObject = {
			description: null,
			type: 'question',
			parameters: [],
			...body,
			id,
			entity_id: nanoId(),
			archived: false,
			name: String(body.name),
			enable_embedding: false,
			created_at: new Date().toISOString(),
		};
		this.cards.set(id, card);
		return card;
	}

	private storeDashboard(body: Record<string, unknown>): StoredDashboard {
		const id = this.nextId.dashboard++;
		const dashboard: StoredDashboard = {
			description: null,
			...body,
			id,
			entity_id: nanoId(),
			name: String(body.name),
			archived: false,
			collection_id: (body.collection_id as number | undefined) ?? null,
			parameters: (body.parameters as Array<Record<string, unknown>> | undefined) ?? [],
			enable_embedding: false,
			embedding_params: null,
			dashcards: [],
		};
		this.dashboards.set(id, dashboard);
		return dashboard;
	}

	private authorized(request: FakeRequest): boolean {
		const key = request.headers['x-api-key'];
		if (this.apiKey && key === this.apiKey) return true;
		const session = request.headers['x-metabase-session'];
		return typeof session === 'string' && this.sessions.has(session);
	}

	/** Validation and auth in front of every handler. */
	private api(method: string, path: string, handler: (request: FakeRequest) => FakeResponse, open = false): void {
		const wrapped = (request: FakeRequest): FakeResponse => {
			const errors = this.validator.validate(request.method, request.path, request.query, request.body);
			if (errors.length > 0) {
				this.invalidRequests.push({ method: request.method, path: request.path, errors });
				return badRequest({ request: errors.join('; ') });
			}
			if (!open && !this.authorized(request)) return { status: 401, body: 'Unauthenticated' };
			return handler(request);
		};
		this.route(method, path, wrapped);
		this.route(method, `${path}/`, wrapped);
	}

	private registerRoutes(): void {
		this.api(
			'POST',
			'/api/session',
			(request) => {
				const body = request.body as { username: string; password: string };
				if (!this.user || body.username !== this.user.email || body.password !== this.user.password) {
					return { status: 401, body: { errors: { password: 'did not match stored password' } } };
				}
				const id = randomUUID();
				this.sessions.add(id);
				return { body: { id } };
			},
			true,
		);
		this.api('GET', '/api/session/properties', () => ({ body: { 'setup-token': this.setupToken ?? null, version: { tag: 'v0.57.0' } } }), true);
		this.api(
			'POST',
			'/api/setup',
			(request) => {
				const body = request.body as { token: string; user: { email: string; password: string } };
				if (!this.setupToken || body.token !== this.setupToken) return { status: 403, body: 'Invalid setup token' };
				this.setupToken = undefined;
				this.user = { email: body.user.email, password: body.user.password };
				const id = randomUUID();
				this.sessions.add(id);
				return { body: { id } };
			},
			true,
		);
		this.api('GET', '/api/user/current', () => ({ body: { id: 1, email: this.user?.email ?? 'api-key@viang', is_superuser: true } }));

		this.api('PUT', '/api/setting/:key', (request) => {
			const { value } = request.body as { value: unknown };
			if (request.params.key === 'embedding-secret-key' && value !== null && !/^[0-9a-fA-F]{64}$/.test(String(value))) {
				return badRequest('Invalid embedding-secret-key! Secret key must be a hexadecimal-encoded 256-bit key (i.e., a 64-character string).');
			}
			this.settings.set(request.params.key, value);
			return { status: 204 };
		});

		this.api('POST', '/api/database', (request) => {
			const body = request.body as Record<string, unknown>;
			const id = this.nextId.database++;
			const database: StoredObject = { ...body, id, entity_id: nanoId(), name: String(body.name), archived: false };
			this.databases.set(id, database);
			return { body: this.publicDatabase(database) };
		});
		this.api('GET', '/api/database/:id', (request) => {
			const database = this.databases.get(Number(request.params.id));
			return database ? { body: this.publicDatabase(database) } : NOT_FOUND;
		});
		this.api('POST', '/api/database/:id/sync_schema', (request) => {
			const id = Number(request.params.id);
			if (!this.databases.has(id)) return NOT_FOUND;
			this.syncs.push(id);
			return { body: { status: 'ok' } };
		});

		this.api('GET', '/api/collection', (request) => {
			const archived = request.query.get('archived') === 'true';
			const list = [...this.collections.values()].filter((collection) => collection.archived === archived);
			return { body: [{ id: 'root', name: 'Our analytics', archived: false }, ...list] };
		});
		this.api('POST', '/api/collection', (request) => {
			const body = request.body as Record<string, unknown>;
			const id = this.nextId.collection++;
			const collection: StoredObject = { description: null, ...body, id, entity_id: nanoId(), name: String(body.name), archived: false };
			this.collections.set(id, collection);
			return { body: collection };
		});
		this.api('GET', '/api/collection/:id', (request) => {
			const collection = this.collections.get(Number(request.params.id));
			return collection ? { body: collection } : NOT_FOUND;
		});
		this.api('PUT', '/api/collection/:id', (request) => {
			const collection = this.collections.get(Number(request.params.id));
			if (!collection) return NOT_FOUND;
			Object.assign(collection, request.body as Record<string, unknown>);
			return { body: collection };
		});

		this.api('POST', '/api/card', (request) => {
			const body = request.body as Record<string, unknown>;
			const problem = this.checkCard(body);
			if (problem) return badRequest(problem);
			return { body: this.storeCard(body) };
		});
		this.api('GET', '/api/card/:id', (request) => {
			const card = this.cards.get(Number(request.params.id));
			return card ? { body: card } : NOT_FOUND;
		});
		this.api('PUT', '/api/card/:id', (request) => {
			const card = this.cards.get(Number(request.params.id));
			if (!card) return NOT_FOUND;
			const body = request.body as Record<string, unknown>;
			const problem = this.checkCard({ ...card, ...body });
			if (problem) return badRequest(problem);
			Object.assign(card, body);
			return { body: card };
		});

		this.api('POST', '/api/dashboard', (request) => {
			const body = request.body as Record<string, unknown>;
			if (body.collection_id !== undefined && body.collection_id !== null && !this.collections.has(body.collection_id as number)) {
				return badRequest({ collection_id: 'collection does not exist' });
			}
			return { body: this.publicDashboard(this.storeDashboard(body)) };
		});
		this.api('GET', '/api/dashboard/:id', (request) => {
			const dashboard = this.dashboards.get(Number(request.params.id));
			return dashboard ? { body: this.publicDashboard(dashboard) } : NOT_FOUND;
		});
		this.api('PUT', '/api/dashboard/:id', (request) => this.updateDashboard(Number(request.params.id), request.body as Record<string, unknown>));
	}

	private publicDatabase(database: StoredObject): Record<string, unknown> {
		// Metabase never sends the password back.
		const details = { ...(database.details as Record<string, unknown>), password: '**MetabasePass**' };
		return { ...database, details };
	}

	private publicDashboard(dashboard: StoredDashboard): Record<string, unknown> {
		return {
			...dashboard,
			dashcards: dashboard.dashcards.map((dashcard) => ({ ...dashcard, dashboard_id: dashboard.id, card: this.cards.get(dashcard.card_id) ?? null })),
		};
	}

	/** What Metabase would refuse beyond the schema: missing collection/database, tags used but not declared. */
	private checkCard(card: Record<string, unknown>): string | undefined {
		if (card.collection_id !== undefined && card.collection_id !== null && !this.collections.has(card.collection_id as number)) {
			return 'collection does not exist';
		}
		const query = card.dataset_query as { type?: string; database?: number; native?: { query?: string; 'template-tags'?: Record<string, unknown> } };
		if (query?.type === 'native') {
			if (!this.databases.has(query.database as number)) return 'database does not exist';
			const used = [...String(query.native?.query ?? '').matchAll(/\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g)].map((m) => m[1]);
			const declared = Object.keys(query.native?.['template-tags'] ?? {});
			const missing = used.filter((name) => !declared.includes(name));
			if (missing.length > 0) return `template tags not declared: ${missing.join(', ')}`;
		}
		return undefined;
	}

	private updateDashboard(id: number, body: Record<string, unknown>): FakeResponse {
		const dashboard = this.dashboards.get(id);
		if (!dashboard) return NOT_FOUND;
		const parameters = (body.parameters as Array<Record<string, unknown>> | undefined) ?? dashboard.parameters;
		const slugs = new Set(parameters.map((parameter) => String(parameter.slug)));
		const ids = new Set(parameters.map((parameter) => String(parameter.id)));
		if (body.embedding_params) {
			const unknown = Object.keys(body.embedding_params as Record<string, string>).filter((slug) => !slugs.has(slug));
			if (unknown.length > 0) return badRequest({ embedding_params: `unknown parameters: ${unknown.join(', ')}` });
		}
		let dashcards = dashboard.dashcards;
		if (Array.isArray(body.dashcards)) {
			const incoming = body.dashcards as Array<StoredDashcard & Record<string, unknown>>;
			const existing = new Map(dashboard.dashcards.map((dashcard) => [dashcard.id, dashcard]));
			const next: StoredDashcard[] = [];
			for (const dashcard of incoming) {
				if (dashcard.id > 0 && !existing.has(dashcard.id)) return badRequest({ dashcards: `dashcard ${dashcard.id} is not on dashboard ${id}` });
				const card = this.cards.get(dashcard.card_id);
				if (!card) return badRequest({ dashcards: `card ${dashcard.card_id} does not exist` });
				const tags = Object.keys(((card.dataset_query as { native?: { 'template-tags'?: Record<string, unknown> } })?.native?.['template-tags']) ?? {});
				for (const mapping of dashcard.parameter_mappings ?? []) {
					if (!ids.has(mapping.parameter_id)) return badRequest({ parameter_mappings: `unknown parameter ${mapping.parameter_id}` });
					if (mapping.card_id !== undefined && mapping.card_id !== dashcard.card_id) return badRequest({ parameter_mappings: 'card_id mismatch' });
					const tag = (mapping.target as [string, [string, string]])[1]?.[1];
					if (!tags.includes(tag)) return badRequest({ parameter_mappings: `card ${card.id} has no template tag ${tag}` });
				}
				next.push({
					id: dashcard.id > 0 ? dashcard.id : this.nextId.dashcard++,
					card_id: dashcard.card_id,
					row: dashcard.row,
					col: dashcard.col,
					size_x: dashcard.size_x,
					size_y: dashcard.size_y,
					parameter_mappings: dashcard.parameter_mappings ?? [],
					visualization_settings: (dashcard.visualization_settings as Record<string, unknown>) ?? {},
				});
			}
			dashcards = next;
		}
		const fields = { ...body };
		delete fields.dashcards;
		delete fields.tabs;
		Object.assign(dashboard, fields, { parameters, dashcards });
		return { body: this.publicDashboard(dashboard) };
	}
}
