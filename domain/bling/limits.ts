// Bling's limits, made impossible to reach from this process:
//  - per Bling account: an evenly spaced token bucket (≤ 3 req/s) and a daily budget;
//  - per process (Bling blocks the *address*): every request passes one process-wide bucket
//    (< 600 requests and < 300 errors in 10 s), and every /oauth/token call passes a sliding
//    window (< 20 calls in 60 s, which would block the address for an hour).
// The window and the budget plug into domain/http's HttpClient as RateLimiter subclasses, so the
// shared client needs no change.
import { RateLimiter, RateLimiterRegistry, sharedLimiters, sleep as realSleep } from '../http';
import {
	apiUrlOf,
	BlingApp,
	DEFAULT_ACCOUNT_DAILY_BUDGET,
	DEFAULT_ACCOUNT_RATE,
	DEFAULT_PROCESS_RATE,
	DEFAULT_TOKEN_CALLS_PER_MINUTE,
	tokenUrlOf,
} from './config';
import { spDay } from '../mercadolivre/time';

interface Clock {
	now?: () => number;
	sleep?: (ms: number) => Promise<void>;
}

/** At most `limit` acquisitions in any `windowMs` (a sliding log; callers wait their turn in order). */
export class SlidingWindowLimiter extends RateLimiter {
	private readonly stamps: number[] = [];
	private turn: Promise<void> = Promise.resolve();
	private pausedTill = 0;
	private readonly clock: Required<Clock>;

	constructor(
		readonly limit: number,
		readonly windowMs: number,
		clock: Clock = {},
	) {
		super({ ratePerSecond: (limit * 1000) / windowMs, now: clock.now, sleep: clock.sleep });
		if (!(limit >= 1)) throw new Error('limit must be >= 1');
		this.clock = { now: clock.now ?? Date.now, sleep: clock.sleep ?? realSleep };
	}

	override acquire(): Promise<void> {
		const mine = this.turn.then(() => this.takeSlot());
		this.turn = mine.catch(() => undefined);
		return mine;
	}

	override pauseUntil(until: number): void {
		if (until > this.pausedTill) this.pausedTill = until;
	}

	/** Acquisitions inside the current window (for tests and diagnostics). */
	inWindow(): number {
		this.prune(this.clock.now());
		return this.stamps.length;
	}

	private prune(now: number): void {
		while (this.stamps.length > 0 && now - this.stamps[0] >= this.windowMs) this.stamps.shift();
	}

	private async takeSlot(): Promise<void> {
		for (;;) {
			const now = this.clock.now();
			if (now < this.pausedTill) {
				await this.clock.sleep(this.pausedTill - now);
				continue;
			}
			this.prune(now);
			if (this.stamps.length < this.limit) {
				this.stamps.push(now);
				return;
			}
			// +1 ms: the oldest stamp must be strictly outside the window.
			await this.clock.sleep(this.stamps[0] + this.windowMs - now + 1);
		}
	}
}

export class DailyBudgetExceededError extends Error {
	constructor(readonly budget: number) {
		super(`Bling: this process already sent ${budget} requests for this Bling account today (São Paulo); try again tomorrow`);
		this.name = 'DailyBudgetExceededError';
	}
}

/** Counts requests per São Paulo day and refuses past the budget (never waits a day). */
export class DailyBudgetLimiter extends RateLimiter {
	private day = '';
	private used = 0;
	private readonly clockNow: () => number;

	constructor(
		readonly budget: number,
		clock: Clock = {},
	) {
		super({ ratePerSecond: 1 });
		this.clockNow = clock.now ?? Date.now;
	}

	override async acquire(): Promise<void> {
		const today = spDay(this.clockNow());
		if (today !== this.day) {
			this.day = today;
			this.used = 0;
		}
		if (this.used >= this.budget) throw new DailyBudgetExceededError(this.budget);
		this.used += 1;
	}

	override pauseUntil(): void {
		// A 429 says nothing about the daily budget.
	}

	get usedToday(): number {
		return this.used;
	}
}

/** Configuration may only lower the limits: raising them could reach Bling's blocks. */
function atMost(value: number | undefined, ceiling: number): number {
	return value !== undefined && Number.isFinite(value) && value > 0 ? Math.min(value, ceiling) : ceiling;
}

export interface BlingLimiters {
	/** Every request (API and token calls). */
	process: RateLimiter;
	/** Only /oauth/token calls. */
	tokenCalls: SlidingWindowLimiter;
	/** Per Bling account (we key it by the Viang client id: one client, one Bling account). */
	account(accountKey: string): RateLimiter[];
}

export const TOKEN_WINDOW_MS = 61_000;

// Window and budget limiters are kept here (the shared registry makes plain token buckets only).
const windows = new Map<string, SlidingWindowLimiter>();
const budgets = new Map<string, DailyBudgetLimiter>();

/**
 * The limiters of one app, shared by every caller in the process. Keys include the API base URL so
 * tests with separate fake servers do not share buckets; in production there is one base URL.
 */
export function blingLimiters(app: BlingApp, registry: RateLimiterRegistry = sharedLimiters): BlingLimiters {
	const api = apiUrlOf(app);
	const tokenKey = `bling:token:${tokenUrlOf(app)}`;
	const tokenLimit = Math.floor(atMost(app.tokenCallsPerMinute, DEFAULT_TOKEN_CALLS_PER_MINUTE));
	let tokenCalls = windows.get(tokenKey);
	if (!tokenCalls || tokenCalls.limit !== tokenLimit) {
		// A 61 s window: a second of margin for the time between our count and Bling's.
		tokenCalls = new SlidingWindowLimiter(Math.max(1, tokenLimit), TOKEN_WINDOW_MS);
		windows.set(tokenKey, tokenCalls);
	}
	const process = registry.get(`bling:process:${api}`, { ratePerSecond: atMost(app.processRatePerSecond, DEFAULT_PROCESS_RATE) });
	const accountRate = atMost(app.accountRatePerSecond, DEFAULT_ACCOUNT_RATE);
	const budget = Math.floor(atMost(app.accountDailyBudget, DEFAULT_ACCOUNT_DAILY_BUDGET));
	return {
		process,
		tokenCalls,
		account(accountKey) {
			const key = `bling:account:${api}:${accountKey}`;
			let daily = budgets.get(key);
			if (!daily || daily.budget !== budget) {
				daily = new DailyBudgetLimiter(budget);
				budgets.set(key, daily);
			}
			return [daily, registry.get(key, { ratePerSecond: accountRate })];
		},
	};
}
