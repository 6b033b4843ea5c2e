// A bounded pool of async tasks where tasks may add more tasks (a page that discovers further
// pages). Concurrency keeps enough calls in flight to use the whole rate limit despite latency;
// the limiter, not the pool, sets the pace. The first failure stops new tasks and is rethrown.
export class TaskPool {
	private readonly queue: Array<() => Promise<void>> = [];
	private running = 0;
	private failure: unknown;
	private failed = false;
	private idle: Array<() => void> = [];

	constructor(readonly concurrency: number) {
		if (!(concurrency >= 1)) throw new Error('concurrency must be >= 1');
	}

	add(task: () => Promise<void>): void {
		if (this.failed) return;
		this.queue.push(task);
		this.pump();
	}

	/** Resolves when every task (including ones added meanwhile) is done; rejects with the first failure. */
	async drain(): Promise<void> {
		if (this.running > 0 || this.queue.length > 0) {
			await new Promise<void>((resolve) => this.idle.push(resolve));
		}
		if (this.failed) throw this.failure;
	}

	get pending(): number {
		return this.running + this.queue.length;
	}

	private pump(): void {
		while (!this.failed && this.running < this.concurrency && this.queue.length > 0) {
			const task = this.queue.shift()!;
			this.running += 1;
			task()
				.catch((error) => {
					if (!this.failed) {
						this.failed = true;
						this.failure = error;
						this.queue.length = 0;
					}
				})
				.finally(() => {
					this.running -= 1;
					this.pump();
					if (this.running === 0 && (this.queue.length === 0 || this.failed)) {
						const waiters = this.idle;
						this.idle = [];
						for (const resolve of waiters) resolve();
					}
				});
		}
	}
}
