// A seller's items: ids by scan (no 1,000-offset limit), bodies by multiget, 20 at a time.
import { TaskPool } from '../http';
import type { MlItem } from './api-types';
import { MercadoLivreClient, MULTIGET_MAX } from './client';

/** Every item id of the seller, page by page (scan pages are sequential: each needs the previous scroll_id). */
export async function scanItemIds(
	client: MercadoLivreClient,
	sellerId: string,
	onIds: (ids: string[]) => void | Promise<void>,
	options: { status?: string; max?: number } = {},
): Promise<number> {
	let scrollId: string | undefined;
	let count = 0;
	for (;;) {
		const page = await client.scanItemIds(sellerId, scrollId, options.status);
		const ids = page.results ?? [];
		if (ids.length === 0) return count;
		const take = options.max === undefined ? ids : ids.slice(0, Math.max(0, options.max - count));
		count += take.length;
		await onIds(take);
		if (options.max !== undefined && count >= options.max) return count;
		if (!page.scroll_id) return count;
		scrollId = page.scroll_id;
	}
}

export function chunk<T>(list: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let i = 0; i < list.length; i += size) chunks.push(list.slice(i, i + size));
	return chunks;
}

/** Multigets `ids` in batches of 20 on the pool; `onItems` receives each batch's found items. */
export function multigetOnPool(
	client: MercadoLivreClient,
	pool: TaskPool,
	ids: string[],
	onItems: (items: MlItem[]) => Promise<void>,
): void {
	for (const batch of chunk(ids, MULTIGET_MAX)) {
		pool.add(async () => {
			const items = (await client.getItems(batch)).filter((item): item is MlItem => item !== null);
			if (items.length > 0) await onItems(items);
		});
	}
}

/** Items by id (any number), as a map. */
export async function getItemsById(client: MercadoLivreClient, ids: string[], concurrency = 4): Promise<Map<string, MlItem>> {
	const found = new Map<string, MlItem>();
	const pool = new TaskPool(concurrency);
	multigetOnPool(client, pool, [...new Set(ids)], async (items) => {
		for (const item of items) found.set(item.id, item);
	});
	await pool.drain();
	return found;
}
