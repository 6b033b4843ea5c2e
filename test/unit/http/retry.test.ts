import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError } from '../../../domain/http/api-error';
import { HttpClient } from '../../../domain/http/http-client';
import { redact } from '../../../domain/http/redact';
import { backoffDelayMs, parseRetryAfterMs, rateLimitDelayMs, RetryState, defaultRetryPolicy } from '../../../domain/http/retry-policy';
import { TaskPool } from '../../../domain/http/task-pool';

describe('retry policy', () => {
	const policy = { ...defaultRetryPolicy, baseDelayMs: 100, maxDelayMs: 1000, maxAttempts: 3, maxRateLimitedAttempts: 4 };

	it('uses full-jitter exponential backoff, capped', () => {
		expect(backoffDelayMs(1, policy, () => 0.999)).toBe(99);
		expect(backoffDelayMs(3, policy, () => 0.5)).toBe(200);
		expect(backoffDelayMs(10, policy, () => 0.999)).toBe(999);
	});

	it('reads Retry-After as seconds or a date', () => {
		expect(parseRetryAfterMs('2')).toBe(2000);
		expect(parseRetryAfterMs(new Date(61_000).toUTCString(), 1_000)).toBe(60_000);
		expect(parseRetryAfterMs('soon')).toBeUndefined();
		expect(rateLimitDelayMs(2000, 1, policy, () => 0.5)).toBe(2050);
	});

	it('bounds transient and 429 attempts separately, and by elapsed time', () => {
		const state = new RetryState(policy, () => 0, () => 0);
		expect(state.next({ kind: 'transient' }).retry).toBe(true);
		expect(state.next({ kind: 'transient' }).retry).toBe(true);
		expect(state.next({ kind: 'transient' }).retry).toBe(false);
		const limited = new RetryState(policy, () => 0, () => 0);
		for (let i = 0; i < 3; i++) expect(limited.next({ kind: 'rate_limited', retryAfterMs: 10 }).retry).toBe(true);
		expect(limited.next({ kind: 'rate_limited', retryAfterMs: 10 }).retry).toBe(false);
		expect(new RetryState(policy).next({ kind: 'final' }).retry).toBe(false);
		let now = 0;
		const slow = new RetryState({ ...policy, maxElapsedMs: 500 }, () => now, () => 0);
		now = 600;
		expect(slow.next({ kind: 'transient' }).retry).toBe(false);
	});
});

describe('HttpClient', () => {
	let server: Server;
	let url: string;
	let answers: Array<(res: import('node:http').ServerResponse) => void>;
	let hits = 0;

	beforeAll(async () => {
		server = createServer((_req, res) => {
			hits += 1;
			const answer = answers.shift();
			if (answer) answer(res);
			else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
		});
		await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(() => new Promise<void>((r) => server.close(() => r())));
	beforeEach(() => {
		answers = [];
		hits = 0;
	});

	const client = () =>
		new HttpClient({ provider: 'Test', baseUrl: url, timeoutMs: 200, retry: { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 3 }, sleep: async () => undefined });

	it('retries 5xx and 429 and then succeeds', async () => {
		answers.push((res) => res.writeHead(503).end());
		answers.push((res) => res.writeHead(429, { 'retry-after': '0' }).end());
		const c = client();
		await expect(c.request({ call: 'x.get', path: '/x' })).resolves.toMatchObject({ status: 200, body: { ok: true } });
		expect(c.stats).toMatchObject({ requests: 3, retries: 2, rateLimited: 1 });
	});

	it('times out a hung attempt and gives up after the budget with a clear message', async () => {
		for (let i = 0; i < 3; i++) answers.push(() => undefined); // never answers
		const error = await client().request({ call: 'orders.search', path: '/orders/search?access_token=APP_USR-123456789-secret', clientId: 'c-1' }).catch((e) => e);
		expect(error).toBeInstanceOf(ApiError);
		expect(error.kind).toBe('timeout');
		expect(error.message).toBe('Test orders.search for client c-1 (GET /orders/search) timed out after 3 attempts');
		expect(hits).toBe(3);
	});

	it('does not retry 4xx and redacts tokens from provider messages', async () => {
		answers.push((res) => res.writeHead(400, { 'content-type': 'application/json' }).end('{"message":"bad token APP_USR-1234567890-abcdef-99"}'));
		const c = new HttpClient({
			provider: 'Test',
			baseUrl: url,
			describeError: (b) => ({ message: (b as { message: string }).message }),
			sleep: async () => undefined,
		});
		const error = await c.request({ call: 'x.get', path: '/x' }).catch((e) => e);
		expect(error.status).toBe(400);
		expect(error.message).not.toContain('abcdef');
		expect(hits).toBe(1);
	});

	it('redacts common secret shapes', () => {
		expect(redact('Bearer abc.def refresh_token=TG-xyz123456 {"client_secret":"s"}')).toBe('Bearer *** refresh_token=*** {"client_secret":"***"}');
	});
});

describe('TaskPool', () => {
	it('runs tasks that add tasks, at most N at once', async () => {
		const pool = new TaskPool(2);
		let running = 0;
		let peak = 0;
		const done: number[] = [];
		const task = (n: number) => async () => {
			running += 1;
			peak = Math.max(peak, running);
			await new Promise((r) => setTimeout(r, 5));
			if (n < 3) pool.add(task(n + 10));
			done.push(n);
			running -= 1;
		};
		for (let i = 0; i < 4; i++) pool.add(task(i));
		await pool.drain();
		expect(done.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 10, 11, 12]);
		expect(peak).toBe(2);
	});

	it('stops on the first failure and rethrows it', async () => {
		const pool = new TaskPool(1);
		const ran: number[] = [];
		pool.add(async () => {
			throw new Error('boom');
		});
		pool.add(async () => void ran.push(1));
		await expect(pool.drain()).rejects.toThrow('boom');
		expect(ran).toEqual([]);
	});
});
