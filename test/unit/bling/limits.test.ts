import { RateLimiterRegistry } from '../../../domain/http';
import { blingLimiters, DailyBudgetExceededError, DailyBudgetLimiter, SlidingWindowLimiter } from '../../../domain/bling/limits';

function fakeClock() {
	let now = 1_000_000;
	return { now: () => now, sleep: async (ms: number) => void (now += ms) };
}

describe('Bling limiters', () => {
	it('a sliding window lets `limit` through at once, then waits for the oldest to leave', async () => {
		const clock = fakeClock();
		const limiter = new SlidingWindowLimiter(3, 60_000, clock);
		const times: number[] = [];
		for (let i = 0; i < 7; i++) {
			await limiter.acquire();
			times.push(clock.now() - 1_000_000);
		}
		expect(times).toEqual([0, 0, 0, 60_001, 60_001, 60_001, 120_002]);
		// Any 60 s window holds at most 3.
		for (const t of times) expect(times.filter((u) => u >= t && u < t + 60_000).length).toBeLessThanOrEqual(3);
	});

	it('a daily budget refuses past the budget and starts over the next São Paulo day', async () => {
		let now = Date.parse('2026-03-10T12:00:00-03:00');
		const budget = new DailyBudgetLimiter(2, { now: () => now });
		await budget.acquire();
		await budget.acquire();
		await expect(budget.acquire()).rejects.toBeInstanceOf(DailyBudgetExceededError);
		now = Date.parse('2026-03-11T00:00:01-03:00');
		await expect(budget.acquire()).resolves.toBeUndefined();
	});

	it('configuration can lower the limits but never raise them', () => {
		const registry = new RateLimiterRegistry();
		const high = blingLimiters({ clientId: 'x', clientSecret: 'y', apiUrl: 'http://a', tokenUrl: 'http://a/t', accountRatePerSecond: 50, tokenCallsPerMinute: 100, processRatePerSecond: 1000 }, registry);
		expect(high.tokenCalls.limit).toBe(15);
		expect(high.process.ratePerSecond).toBe(25);
		expect(high.account('c1')[1].ratePerSecond).toBe(2.5);
		const low = blingLimiters({ clientId: 'x', clientSecret: 'y', apiUrl: 'http://b', tokenUrl: 'http://b/t', accountRatePerSecond: 1, tokenCallsPerMinute: 5 }, registry);
		expect(low.tokenCalls.limit).toBe(5);
		expect(low.account('c1')[1].ratePerSecond).toBe(1);
		// Shared per process: the same app gets the same limiters.
		expect(blingLimiters({ clientId: 'x', clientSecret: 'y', apiUrl: 'http://a', tokenUrl: 'http://a/t' }, registry).process).toBe(high.process);
	});
});
