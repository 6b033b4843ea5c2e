// Order search over a date window. /orders/search refuses offsets of 10,000 and more, so a window
// whose total exceeds what offsets can reach is halved until every half fits; pages of a window
// are fetched concurrently, and orders seen twice (ML repeats orders at page borders; an order
// updated mid-run can move between windows) are handed over once.
import { TaskPool } from '../http';
import type { MlOrder } from './api-types';
import { MercadoLivreClient, ORDER_OFFSET_CAP, OrderDateField } from './client';
import { idString } from './json';
import { toSpIso } from './time';

export const ORDER_PAGE_SIZE = 50;

export interface OrderWindow {
	/** Epoch ms, both ends included. */
	from: number;
	to: number;
}

/** How many orders offsets can reach with this page size (offset must stay below the cap). */
export function reachableOrders(pageSize: number, cap = ORDER_OFFSET_CAP): number {
	const lastOffset = Math.floor((cap - 1) / pageSize) * pageSize;
	return lastOffset + pageSize;
}

/** Splits a window in two halves that do not overlap (ms resolution); undefined when it cannot split. */
export function halveWindow(window: OrderWindow): [OrderWindow, OrderWindow] | undefined {
	if (window.to <= window.from) return undefined;
	const mid = Math.floor((window.from + window.to) / 2);
	return [
		{ from: window.from, to: mid },
		{ from: mid + 1, to: window.to },
	];
}

/** Offsets of the pages after the first for a window of `total` orders. */
export function pageOffsets(total: number, pageSize: number, cap = ORDER_OFFSET_CAP): number[] {
	const offsets: number[] = [];
	for (let offset = pageSize; offset < total && offset < cap; offset += pageSize) offsets.push(offset);
	return offsets;
}

export interface OrderFetchOptions {
	sellerId: string;
	field: OrderDateField;
	window: OrderWindow;
	/** Receives each page's orders not seen before; awaited, so it can write to staging. */
	onPage: (orders: MlOrder[]) => Promise<void>;
	pool?: TaskPool;
	concurrency?: number;
	pageSize?: number;
	status?: string;
	/** Ids already handed over (shared across calls to de-duplicate across searches). */
	seen?: Set<string>;
	/** Called when a window had to be cut short (cannot split below one millisecond). */
	onWarning?: (message: string) => void;
}

export interface OrderFetchSummary {
	orders: number;
	pages: number;
	windows: number;
	splits: number;
	duplicates: number;
}

export async function fetchOrders(client: MercadoLivreClient, options: OrderFetchOptions): Promise<OrderFetchSummary> {
	const pageSize = options.pageSize ?? ORDER_PAGE_SIZE;
	const reachable = reachableOrders(pageSize);
	const pool = options.pool ?? new TaskPool(options.concurrency ?? 4);
	const seen = options.seen ?? new Set<string>();
	const summary: OrderFetchSummary = { orders: 0, pages: 0, windows: 0, splits: 0, duplicates: 0 };

	const deliver = async (orders: MlOrder[]) => {
		summary.pages += 1;
		const fresh: MlOrder[] = [];
		for (const order of orders) {
			const id = idString(order.id);
			if (seen.has(id)) {
				summary.duplicates += 1;
				continue;
			}
			seen.add(id);
			fresh.push(order);
		}
		summary.orders += fresh.length;
		if (fresh.length > 0) await options.onPage(fresh);
	};

	const query = (window: OrderWindow, offset: number) =>
		client.searchOrders({
			sellerId: options.sellerId,
			field: options.field,
			from: toSpIso(window.from),
			to: toSpIso(window.to),
			offset,
			limit: pageSize,
			status: options.status,
			sort: 'date_asc',
		});

	const probe = (window: OrderWindow): void =>
		pool.add(async () => {
			const first = await query(window, 0);
			const total = first.paging.total;
			if (total > reachable) {
				const halves = halveWindow(window);
				if (halves) {
					summary.splits += 1;
					for (const half of halves) probe(half);
					return;
				}
				options.onWarning?.(`${total} orders share one millisecond; only the first ${reachable} can be read`);
			}
			summary.windows += 1;
			for (const offset of pageOffsets(total, pageSize)) {
				pool.add(async () => deliver((await query(window, offset)).results));
			}
			await deliver(first.results);
		});

	probe(options.window);
	if (!options.pool) await pool.drain();
	return summary;
}
