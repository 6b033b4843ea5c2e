// When and how long to wait before another attempt. Server errors and timeouts get a small,
// bounded number of attempts with full-jitter exponential backoff; 429s honour Retry-After (plus
// jitter so a crowd of callers does not come back in the same millisecond) and get a larger
// budget, because being told to slow down is not a failure. Every call also has a wall-time budget.
export interface RetryPolicy {
	/** Attempts in total for 5xx, timeouts and dropped connections (1 = no retry). */
	maxAttempts: number;
	/** Attempts in total when the answers are 429. */
	maxRateLimitedAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** Give up once this much time went by since the first attempt. */
	maxElapsedMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
	maxAttempts: 5,
	maxRateLimitedAttempts: 30,
	baseDelayMs: 250,
	maxDelayMs: 15_000,
	maxElapsedMs: 5 * 60_000,
};

/** Full jitter: uniform in [0, min(max, base·2^(attempt-1))]. `attempt` starts at 1. */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
	return Math.floor(random() * ceiling);
}

/** Retry-After as seconds or an HTTP date → milliseconds from now; undefined when absent or unreadable. */
export function parseRetryAfterMs(header: string | null | undefined, now: number = Date.now()): number | undefined {
	if (!header) return undefined;
	const trimmed = header.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
	const at = Date.parse(trimmed);
	if (Number.isNaN(at)) return undefined;
	return Math.max(0, at - now);
}

/** Delay after a 429: the server's Retry-After (or backoff when absent) plus up to `baseDelayMs` of jitter. */
export function rateLimitDelayMs(
	retryAfterMs: number | undefined,
	attempt: number,
	policy: RetryPolicy,
	random: () => number = Math.random,
): number {
	const base = retryAfterMs ?? Math.max(policy.baseDelayMs, backoffDelayMs(attempt, policy, random));
	return Math.min(policy.maxDelayMs * 4, base + Math.floor(random() * policy.baseDelayMs));
}

export type RetryDecision = { retry: false } | { retry: true; delayMs: number };

export interface AttemptOutcome {
	/** 'rate_limited' for 429; 'transient' for 5xx/timeout/network; 'final' for anything else. */
	kind: 'rate_limited' | 'transient' | 'final';
	retryAfterMs?: number;
}

/** Tracks one call's attempts and decides whether another one is allowed. */
export class RetryState {
	private transientAttempts = 0;
	private rateLimitedAttempts = 0;
	readonly startedAt: number;

	constructor(
		private readonly policy: RetryPolicy,
		private readonly now: () => number = Date.now,
		private readonly random: () => number = Math.random,
	) {
		this.startedAt = now();
	}

	get attempts(): number {
		return this.transientAttempts + this.rateLimitedAttempts;
	}

	next(outcome: AttemptOutcome): RetryDecision {
		if (outcome.kind === 'final') return { retry: false };
		let delayMs: number;
		if (outcome.kind === 'rate_limited') {
			this.rateLimitedAttempts += 1;
			if (this.rateLimitedAttempts >= this.policy.maxRateLimitedAttempts) return { retry: false };
			delayMs = rateLimitDelayMs(outcome.retryAfterMs, this.rateLimitedAttempts, this.policy, this.random);
		} else {
			this.transientAttempts += 1;
			if (this.transientAttempts >= this.policy.maxAttempts) return { retry: false };
			delayMs = backoffDelayMs(this.transientAttempts, this.policy, this.random);
		}
		if (this.now() - this.startedAt + delayMs > this.policy.maxElapsedMs) return { retry: false };
		return { retry: true, delayMs };
	}
}
