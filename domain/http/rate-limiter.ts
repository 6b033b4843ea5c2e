// Token-bucket limiter. Spacing calls evenly at exactly the provider's rate is what lets a
// concurrent run approach the bound (requests ÷ rate) without triggering 429s; `pauseUntil`
// lets a 429's Retry-After hold every caller sharing the bucket, not just the one that was told.
export interface RateLimiterOptions {
	/** Sustained requests per second. */
	ratePerSecond: number;
	/** Tokens available at once; 1 spaces calls evenly (safe against sliding-window limits). */
	burst?: number;
	/** Injected clock and sleeper for tests. */
	now?: () => number;
	sleep?: (ms: number) => Promise<void>;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class RateLimiter {
	readonly ratePerSecond: number;
	readonly burst: number;
	private tokens: number;
	private updatedAt: number;
	private pausedUntil = 0;
	/** Callers are served in arrival order: a promise chain is the queue. */
	private queue: Promise<void> = Promise.resolve();
	private readonly now: () => number;
	private readonly sleep: (ms: number) => Promise<void>;

	constructor(options: RateLimiterOptions) {
		if (!(options.ratePerSecond > 0)) throw new Error('ratePerSecond must be > 0');
		this.ratePerSecond = options.ratePerSecond;
		this.burst = Math.max(1, options.burst ?? 1);
		this.now = options.now ?? Date.now;
		this.sleep = options.sleep ?? sleep;
		this.tokens = this.burst;
		this.updatedAt = this.now();
	}

	/** Resolves when the caller may send one request. */
	acquire(): Promise<void> {
		const turn = this.queue.then(() => this.take());
		// A failed sleeper must not poison the queue for the next callers.
		this.queue = turn.catch(() => undefined);
		return turn;
	}

	/** Hold every caller until `until` (epoch ms), e.g. after a 429 with Retry-After. */
	pauseUntil(until: number): void {
		if (until > this.pausedUntil) this.pausedUntil = until;
	}

	private refill(now: number): void {
		const elapsed = now - this.updatedAt;
		if (elapsed > 0) {
			this.tokens = Math.min(this.burst, this.tokens + (elapsed * this.ratePerSecond) / 1000);
			this.updatedAt = now;
		}
	}

	private async take(): Promise<void> {
		for (;;) {
			const now = this.now();
			if (now < this.pausedUntil) {
				await this.sleep(this.pausedUntil - now);
				// After a pause, restart from an empty bucket: the server's window is still full.
				this.tokens = 0;
				this.updatedAt = this.now();
				continue;
			}
			this.refill(now);
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return;
			}
			const waitMs = Math.ceil(((1 - this.tokens) * 1000) / this.ratePerSecond);
			await this.sleep(waitMs);
		}
	}
}

/** Limiters shared by key (one per application, one per seller…) for the whole process. */
export class RateLimiterRegistry {
	private readonly limiters = new Map<string, RateLimiter>();

	get(key: string, options: RateLimiterOptions): RateLimiter {
		let limiter = this.limiters.get(key);
		if (!limiter || limiter.ratePerSecond !== options.ratePerSecond || limiter.burst !== Math.max(1, options.burst ?? 1)) {
			limiter = new RateLimiter(options);
			this.limiters.set(key, limiter);
		}
		return limiter;
	}

	clear(): void {
		this.limiters.clear();
	}
}

export const sharedLimiters = new RateLimiterRegistry();
