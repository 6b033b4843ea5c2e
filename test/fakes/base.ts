// The one small base every fake external service is built on: a real HTTP server on a loopback
// port chosen at run time, with a request log, injected latency, a rate limit that answers 429
// with Retry-After, and injected 5xx errors, timeouts and dropped connections.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface FakeRequest {
	method: string;
	path: string;
	query: URLSearchParams;
	headers: IncomingMessage['headers'];
	rawBody: Buffer;
	/** JSON or form body, parsed when the content type says so. */
	body: unknown;
	params: Record<string, string>;
}

export interface FakeResponse {
	status?: number;
	headers?: Record<string, string>;
	/** Objects are sent as JSON; strings and Buffers as they are. */
	body?: unknown;
}

export type FakeHandler = (request: FakeRequest) => FakeResponse | Promise<FakeResponse>;

export interface LoggedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: IncomingMessage['headers'];
	body: unknown;
	status: number;
	at: number;
}

export interface RateLimit {
	/** Requests allowed per window for one key. */
	requests: number;
	windowMs: number;
	/** Which bucket a request falls in (per application, per seller…); one bucket when omitted. */
	key?: (request: FakeRequest) => string;
	/** Body of the 429 answer, in the provider's own error shape. */
	body?: unknown;
}

export interface Faults {
	/** Probability (0–1) of each kind of fault on a request. */
	serverError?: number;
	timeout?: number;
	drop?: number;
	rateLimited?: number;
	/** Seed for a deterministic fault sequence. */
	seed?: number;
	/** Requests whose path matches are never faulted (e.g. a test-only control endpoint). */
	exempt?: RegExp;
}

interface Route {
	method: string;
	pattern: RegExp;
	names: string[];
	handler: FakeHandler;
}

/** mulberry32: a tiny deterministic PRNG so fault runs can be replayed. */
function prng(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function compile(path: string): { pattern: RegExp; names: string[] } {
	const names: string[] = [];
	const source = path
		.split('/')
		.map((segment) => {
			if (segment.startsWith(':')) {
				names.push(segment.slice(1));
				return '([^/]+)';
			}
			return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		})
		.join('/');
	return { pattern: new RegExp(`^${source}$`), names };
}

export class FakeServer {
	readonly requests: LoggedRequest[] = [];
	latencyMs = 0;
	rateLimit: RateLimit | undefined;
	faults: Faults = {};
	/** How long a "timeout" fault holds the request before destroying the socket. */
	timeoutHoldMs = 30_000;

	private readonly routes: Route[] = [];
	private readonly buckets = new Map<string, number[]>();
	private random: () => number = Math.random;
	private server: Server | undefined;
	private readonly sockets = new Set<Socket>();
	private baseUrl = '';

	constructor(readonly name: string) {}

	route(method: string, path: string, handler: FakeHandler): this {
		const { pattern, names } = compile(path);
		this.routes.push({ method: method.toUpperCase(), pattern, names, handler });
		return this;
	}

	setFaults(faults: Faults): this {
		this.faults = faults;
		this.random = faults.seed === undefined ? Math.random : prng(faults.seed);
		return this;
	}

	get url(): string {
		if (!this.baseUrl) throw new Error(`${this.name} fake is not started`);
		return this.baseUrl;
	}

	/** Requests to paths matching `pattern`, in arrival order. */
	calls(pattern: RegExp | string, method?: string): LoggedRequest[] {
		return this.requests.filter(
			(r) =>
				(typeof pattern === 'string' ? r.path === pattern : pattern.test(r.path)) &&
				(!method || r.method === method.toUpperCase()),
		);
	}

	async start(port = 0): Promise<string> {
		this.server = createServer((req, res) => {
			this.handle(req, res).catch((error) => {
				if (!res.headersSent) {
					res.writeHead(500, { 'content-type': 'application/json' });
					res.end(JSON.stringify({ message: `fake ${this.name} crashed: ${error.message}` }));
				}
			});
		});
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
		const { port: actual } = this.server.address() as AddressInfo;
		this.baseUrl = `http://127.0.0.1:${actual}`;
		return this.baseUrl;
	}

	async stop(): Promise<void> {
		if (!this.server) return;
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
		this.server = undefined;
	}

	private async readBody(req: IncomingMessage): Promise<Buffer> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		return Buffer.concat(chunks);
	}

	private parse(req: IncomingMessage, raw: Buffer): unknown {
		if (raw.length === 0) return undefined;
		const type = req.headers['content-type'] ?? '';
		const text = raw.toString('utf8');
		if (type.includes('application/json')) {
			try {
				return JSON.parse(text);
			} catch {
				return text;
			}
		}
		if (type.includes('application/x-www-form-urlencoded')) {
			return Object.fromEntries(new URLSearchParams(text));
		}
		return text;
	}

	private overLimit(request: FakeRequest): number | undefined {
		const limit = this.rateLimit;
		if (!limit) return undefined;
		const key = limit.key ? limit.key(request) : '*';
		const now = Date.now();
		const stamps = (this.buckets.get(key) ?? []).filter((t) => now - t < limit.windowMs);
		if (stamps.length >= limit.requests) {
			this.buckets.set(key, stamps);
			const retryMs = limit.windowMs - (now - stamps[0]);
			return Math.max(1, Math.ceil(retryMs / 1000));
		}
		stamps.push(now);
		this.buckets.set(key, stamps);
		return undefined;
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://fake');
		const rawBody = await this.readBody(req);
		const request: FakeRequest = {
			method: (req.method ?? 'GET').toUpperCase(),
			path: url.pathname,
			query: url.searchParams,
			headers: req.headers,
			rawBody,
			body: this.parse(req, rawBody),
			params: {},
		};
		const log: LoggedRequest = {
			method: request.method,
			path: request.path,
			query: Object.fromEntries(url.searchParams),
			headers: req.headers,
			body: request.body,
			status: 0,
			at: Date.now(),
		};
		this.requests.push(log);

		if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));

		const exempt = this.faults.exempt?.test(request.path) ?? false;
		if (!exempt) {
			const roll = this.random();
			const { drop = 0, timeout = 0, serverError = 0, rateLimited = 0 } = this.faults;
			if (roll < drop) {
				log.status = -1;
				req.socket.destroy();
				return;
			}
			if (roll < drop + timeout) {
				log.status = -2;
				setTimeout(() => req.socket.destroy(), this.timeoutHoldMs).unref();
				return;
			}
			if (roll < drop + timeout + serverError) {
				return this.send(res, log, { status: 503, body: { message: 'Service Unavailable', error: 'service_unavailable', status: 503 } });
			}
			if (roll < drop + timeout + serverError + rateLimited) {
				return this.send(res, log, {
					status: 429,
					headers: { 'retry-after': '1' },
					body: this.rateLimit?.body ?? { message: 'Too Many Requests', error: 'too_many_requests', status: 429 },
				});
			}
		}

		for (const route of this.routes) {
			if (route.method !== request.method) continue;
			const match = route.pattern.exec(request.path);
			if (!match) continue;
			route.names.forEach((name, i) => (request.params[name] = decodeURIComponent(match[i + 1])));
			if (!exempt) {
				const retryAfter = this.overLimit(request);
				if (retryAfter !== undefined) {
					return this.send(res, log, {
						status: 429,
						headers: { 'retry-after': String(retryAfter) },
						body: this.rateLimit?.body ?? { message: 'Too Many Requests', error: 'too_many_requests', status: 429 },
					});
				}
			}
			return this.send(res, log, await route.handler(request));
		}
		return this.send(res, log, {
			status: 404,
			body: { message: `Resource ${request.path} not found.`, error: 'not_found', status: 404, cause: [] },
		});
	}

	private send(res: ServerResponse, log: LoggedRequest, response: FakeResponse): void {
		const status = response.status ?? 200;
		log.status = status;
		const headers: Record<string, string> = { ...(response.headers ?? {}) };
		let payload: string | Buffer = '';
		if (Buffer.isBuffer(response.body) || typeof response.body === 'string') {
			payload = response.body;
		} else if (response.body !== undefined) {
			payload = JSON.stringify(response.body);
			headers['content-type'] ??= 'application/json; charset=utf-8';
		}
		res.writeHead(status, headers);
		res.end(payload);
	}
}
