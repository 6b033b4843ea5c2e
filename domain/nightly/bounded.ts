// Runs one task per input with at most `concurrency` in flight; a failing task never stops the
// others (each outcome is recorded), and results keep the input order.
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export async function runBounded<I, T>(inputs: readonly I[], concurrency: number, task: (input: I, index: number) => Promise<T>): Promise<Array<Outcome<T>>> {
	if (!(concurrency >= 1)) throw new Error('concurrency must be >= 1');
	const outcomes: Array<Outcome<T>> = new Array(inputs.length);
	let next = 0;
	const lane = async (): Promise<void> => {
		while (next < inputs.length) {
			const index = next++;
			try {
				outcomes[index] = { ok: true, value: await task(inputs[index], index) };
			} catch (error) {
				outcomes[index] = { ok: false, error };
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, inputs.length) }, lane));
	return outcomes;
}

/** Waits `ms`, for callers that space calls out (token endpoints). */
export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
