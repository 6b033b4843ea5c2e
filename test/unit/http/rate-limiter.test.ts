import { RateLimiter } from '../../../domain/http/rate-limiter';

describe('RateLimiter (token bucket)', () => {
	function fakeClock() {
		let now = 0;
		const sleeps: number[] = [];
		return {
			now: () => now,
			sleep: async (ms: number) => {
				sleeps.push(ms);
				now += ms;
			},
			sleeps,
			get time() {
				return now;
			},
		};
	}

	it('spaces calls evenly at the rate with burst 1', async () => {
		const clock = fakeClock();
		const limiter = new RateLimiter({ ratePerSecond: 10, now: clock.now, sleep: clock.sleep });
		const times: number[] = [];
		for (let i = 0; i < 5; i++) {
			await limiter.acquire();
			times.push(clock.time);
		}
		expect(times).toEqual([0, 100, 200, 300, 400]);
	});

	it('serves concurrent callers in arrival order', async () => {
		const clock = fakeClock();
		const limiter = new RateLimiter({ ratePerSecond: 4, now: clock.now, sleep: clock.sleep });
		const order: number[] = [];
		await Promise.all([0, 1, 2, 3].map((i) => limiter.acquire().then(() => order.push(i))));
		expect(order).toEqual([0, 1, 2, 3]);
		expect(clock.time).toBe(750);
	});

	it('holds everyone until a Retry-After pause ends', async () => {
		const clock = fakeClock();
		const limiter = new RateLimiter({ ratePerSecond: 100, now: clock.now, sleep: clock.sleep });
		await limiter.acquire();
		limiter.pauseUntil(2_000);
		await limiter.acquire();
		expect(clock.time).toBeGreaterThanOrEqual(2_000);
	});

	it('allows a burst when configured', async () => {
		const clock = fakeClock();
		const limiter = new RateLimiter({ ratePerSecond: 1, burst: 3, now: clock.now, sleep: clock.sleep });
		for (let i = 0; i < 3; i++) await limiter.acquire();
		expect(clock.time).toBe(0);
		await limiter.acquire();
		expect(clock.time).toBe(1000);
	});
});
