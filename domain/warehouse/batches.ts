// Splits big loads into calls of bounded size and runs a few at once.

export function chunk<T>(items: readonly T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
	return chunks;
}

export async function runLimited<T, R>(items: readonly T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	const workers = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await work(items[index]);
		}
	});
	await Promise.all(workers);
	return results;
}

export function mergeDays(lists: Array<readonly string[]>): string[] {
	return [...new Set(lists.flat())].sort();
}
