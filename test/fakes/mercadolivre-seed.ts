// Deterministic seeded Mercado Livre sellers for the fake: orders in every status, items with and
// without variations, SKUs through each of the four rules of docs/metrics.md, visits, and Product
// Ads ad groups with one and several items. Same options + seed → same data, any size.

export interface SeedSellerOptions {
	userId: number;
	nickname?: string;
	orders: number;
	items: number;
	days: number;
	seed: number;
	/** Last day of the period (America/Sao_Paulo), 'YYYY-MM-DD'; defaults to yesterday. */
	endDay?: string;
	/** Product Ads on (an advertiser and ad groups); default true. */
	ads?: boolean;
}

export interface FakeAttribute {
	id: string;
	name: string;
	value_id: string | null;
	value_name: string | null;
}

export interface FakeVariation {
	id: number;
	price: number;
	available_quantity: number;
	sold_quantity: number;
	seller_custom_field: string | null;
	attribute_combinations: FakeAttribute[];
	attributes: FakeAttribute[];
}

export interface FakeItem {
	id: string;
	site_id: 'MLB';
	title: string;
	seller_id: number;
	category_id: string;
	price: number;
	currency_id: 'BRL';
	available_quantity: number;
	sold_quantity: number;
	listing_type_id: string;
	status: string;
	permalink: string;
	thumbnail: string;
	seller_custom_field: string | null;
	attributes: FakeAttribute[];
	variations: FakeVariation[];
	date_created: string;
	last_updated: string;
}

export interface FakeOrderItem {
	item: {
		id: string;
		title: string;
		category_id: string;
		variation_id: number | null;
		seller_custom_field: string | null;
		seller_sku: string | null;
		variation_attributes: Array<{ id: string; name: string; value_name: string }>;
	};
	quantity: number;
	unit_price: number;
	full_unit_price: number;
	currency_id: 'BRL';
	sale_fee: number;
	listing_type_id: string;
}

export interface FakeOrder {
	id: number;
	status: string;
	status_detail: string | null;
	date_created: string;
	date_closed: string | null;
	last_updated: string;
	date_last_updated: string;
	order_items: FakeOrderItem[];
	total_amount: number;
	paid_amount: number;
	currency_id: 'BRL';
	buyer: { id: number; nickname: string };
	seller: { id: number };
	tags: string[];
	pack_id: number | null;
	shipping: { id: number };
	fulfilled: boolean | null;
}

export interface FakeAdGroup {
	id: string;
	campaign_id: string;
	name: string;
	status: 'active' | 'paused';
	type: 'ITEM' | 'FAMILY' | 'CATALOG';
	itemIds: string[];
}

export interface FakeAdDay {
	date: string;
	clicks: number;
	prints: number;
	/** Cents, to keep the fake's own arithmetic exact. */
	costCents: number;
	directAmountCents: number;
	indirectAmountCents: number;
	directUnits: number;
	indirectUnits: number;
}

export interface FakeSeller {
	user: {
		id: number;
		nickname: string;
		email: string;
		first_name: string;
		last_name: string;
		country_id: 'BR';
		site_id: 'MLB';
		user_type: 'normal';
		permalink: string;
		registration_date: string;
		seller_reputation: { level_id: string; power_seller_status: string | null; transactions: { period: string; total: number } };
		status: { site_status: 'active' };
		tags: string[];
	};
	/** Sorted by `date_created` instant, oldest first. */
	orders: FakeOrder[];
	/** Instants (ms) of `date_created`, parallel to `orders`, for binary search. */
	createdAt: number[];
	items: FakeItem[];
	itemsById: Map<string, FakeItem>;
	ordersById: Map<string, FakeOrder>;
	advertiserId: number | null;
	adGroups: FakeAdGroup[];
	days: string[];
	seed: number;
}

/** mulberry32, as in base.ts. */
export function prng(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Stable hash of strings → uint32, for per-(item, day) values that don't depend on call order. */
export function hash32(...parts: Array<string | number>): number {
	let h = 2166136261;
	for (const ch of parts.join('|')) {
		h ^= ch.charCodeAt(0);
		h = Math.imul(h, 16777619);
	}
	return h >>> 0;
}

const SP_OFFSET_MIN = -180; // America/Sao_Paulo has no DST since 2019

/** Formats an instant with a fixed UTC offset in minutes: 2026-05-27T10:01:50.000-04:00 (or Z). */
export function formatWithOffset(ms: number, offsetMin: number): string {
	const local = new Date(ms + offsetMin * 60_000).toISOString().slice(0, 23);
	if (offsetMin === 0) return `${local}Z`;
	const sign = offsetMin < 0 ? '-' : '+';
	const abs = Math.abs(offsetMin);
	return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Start instant (ms) of a São Paulo day. */
export function spDayStart(day: string): number {
	return Date.parse(`${day}T00:00:00.000-03:00`);
}

export function spDayOf(ms: number): string {
	return new Date(ms + SP_OFFSET_MIN * 60_000).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
	const d = new Date(`${day}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + n);
	return d.toISOString().slice(0, 10);
}

const OTHER_STATUSES = ['confirmed', 'payment_required', 'payment_in_process', 'partially_paid', 'pending_cancel', 'invalid'];
const OFFSETS = [-180, -240, 0, -180, -180];
const COLORS = ['Preto', 'Branco', 'Azul', 'Vermelho'];

function pick<T>(random: () => number, list: readonly T[]): T {
	return list[Math.floor(random() * list.length)];
}

function sellerSkuAttribute(value: string): FakeAttribute {
	return { id: 'SELLER_SKU', name: 'SKU', value_id: null, value_name: value };
}

function buildItems(opts: SeedSellerOptions, random: () => number, startMs: number): FakeItem[] {
	const items: FakeItem[] = [];
	const base = 1_000_000_000 + (opts.userId % 1000) * 1_000_000;
	for (let i = 0; i < opts.items; i++) {
		const id = `MLB${base + i}`;
		const kind = random();
		// Some SKUs are shared by two listings (the same product sold through two ads).
		const skuNumber = i % 10 === 9 ? i - 1 : i;
		let sellerCustomField: string | null = null;
		const attributes: FakeAttribute[] = [{ id: 'BRAND', name: 'Marca', value_id: null, value_name: 'Viang' }];
		const variations: FakeVariation[] = [];
		const priceCents = 1990 + Math.floor(random() * 40000);
		if (kind < 0.3) {
			// Item with variations: rule 2 through the attribute, the custom field, or nothing (→ rule 3/4).
			const count = 2 + Math.floor(random() * 3);
			const itemLevel = random();
			if (itemLevel < 0.4) attributes.push(sellerSkuAttribute(`SKU-${skuNumber}`));
			else if (itemLevel < 0.6) sellerCustomField = `SKU-${skuNumber}`;
			for (let v = 0; v < count; v++) {
				const how = random();
				const variationSku = `SKU-${skuNumber}-${COLORS[v % COLORS.length].toUpperCase()}`;
				variations.push({
					id: 170_000_000_000 + i * 10 + v,
					price: priceCents / 100,
					available_quantity: Math.floor(random() * 50),
					sold_quantity: Math.floor(random() * 500),
					seller_custom_field: how >= 0.45 && how < 0.8 ? variationSku : how >= 0.9 ? '' : null,
					attribute_combinations: [{ id: 'COLOR', name: 'Cor', value_id: null, value_name: COLORS[v % COLORS.length] }],
					attributes: how < 0.45 ? [sellerSkuAttribute(variationSku)] : [],
				});
			}
		} else if (kind < 0.55) {
			attributes.push(sellerSkuAttribute(`SKU-${skuNumber}`)); // rule 3, attribute
		} else if (kind < 0.8) {
			sellerCustomField = `SKU-${skuNumber}`; // rule 3, custom field
		} else if (kind < 0.85) {
			// Both set and different: the attribute wins.
			attributes.push(sellerSkuAttribute(`SKU-${skuNumber}`));
			sellerCustomField = `OLD-${skuNumber}`;
		} // else: no SKU at all → rule 4 fallback
		const created = formatWithOffset(startMs - 86_400_000 * (30 + Math.floor(random() * 300)), -180);
		items.push({
			id,
			site_id: 'MLB',
			title: `Produto ${i} Viang`,
			seller_id: opts.userId,
			category_id: `MLB${1000 + (i % 50)}`,
			price: priceCents / 100,
			currency_id: 'BRL',
			available_quantity: Math.floor(random() * 100),
			sold_quantity: Math.floor(random() * 1000),
			listing_type_id: pick(random, ['gold_special', 'gold_pro']),
			status: random() < 0.9 ? 'active' : 'paused',
			permalink: `https://produto.mercadolivre.com.br/${id.replace('MLB', 'MLB-')}`,
			thumbnail: `http://http2.mlstatic.com/D_${id}-I.jpg`,
			seller_custom_field: sellerCustomField,
			attributes,
			variations,
			date_created: created,
			last_updated: created,
		});
	}
	return items;
}

function buildOrders(opts: SeedSellerOptions, random: () => number, items: FakeItem[], startMs: number, endMs: number): FakeOrder[] {
	const span = endMs - startMs;
	const instants: number[] = [];
	for (let i = 0; i < opts.orders; i++) {
		// A few orders sit right at São Paulo midnight, where naive string cutting goes wrong.
		if (i % 97 === 0) {
			const day = addDays(spDayOf(startMs), Math.floor(random() * opts.days));
			instants.push(spDayStart(day) + (random() < 0.5 ? -1 : 0) * 1000 + Math.floor(random() * 2) * 30_000);
		} else {
			instants.push(startMs + Math.floor(random() * span));
		}
	}
	instants.sort((a, b) => a - b);
	const orders: FakeOrder[] = [];
	const baseId = 2_000_000_000_000_000 + (opts.userId % 1000) * 10_000_000_000;
	for (let i = 0; i < instants.length; i++) {
		const created = Math.max(startMs, Math.min(endMs - 1, instants[i]));
		const roll = random();
		const status =
			roll < 0.78 ? 'paid' : roll < 0.86 ? 'cancelled' : roll < 0.91 ? 'partially_refunded' : pick(random, OTHER_STATUSES);
		const lines: FakeOrderItem[] = [];
		const lineCount = random() < 0.85 ? 1 : 2 + Math.floor(random() * 2);
		let totalCents = 0;
		const used = new Set<string>();
		for (let l = 0; l < lineCount && items.length > 0; l++) {
			const item = items[Math.floor(random() * items.length)];
			const variation = item.variations.length > 0 ? item.variations[Math.floor(random() * item.variations.length)] : null;
			const key = `${item.id}:${variation?.id ?? ''}`;
			if (used.has(key)) continue;
			used.add(key);
			const quantity = random() < 0.8 ? 1 : 2 + Math.floor(random() * 3);
			const unitCents = Math.round((variation?.price ?? item.price) * 100) - (random() < 0.2 ? 100 : 0);
			const feeCents = Math.round(unitCents * (item.listing_type_id === 'gold_pro' ? 0.165 : 0.115));
			totalCents += unitCents * quantity;
			// Rule 1: the line carries a seller_sku in a quarter of the lines; sometimes it differs from the listing's.
			const lineSkuRoll = random();
			const sellerSku = lineSkuRoll < 0.2 ? `LINE-${item.id.slice(-4)}` : lineSkuRoll < 0.25 ? '' : null;
			lines.push({
				item: {
					id: item.id,
					title: item.title,
					category_id: item.category_id,
					variation_id: variation?.id ?? null,
					seller_custom_field: variation ? variation.seller_custom_field : item.seller_custom_field,
					seller_sku: sellerSku,
					variation_attributes: variation
						? variation.attribute_combinations.map((a) => ({ id: a.id, name: a.name, value_name: a.value_name ?? '' }))
						: [],
				},
				quantity,
				unit_price: unitCents / 100,
				full_unit_price: unitCents / 100,
				currency_id: 'BRL',
				sale_fee: feeCents / 100,
				listing_type_id: item.listing_type_id,
			});
		}
		const offset = pick(random, OFFSETS);
		const updatedMs = Math.min(endMs + 86_400_000, created + Math.floor(random() * 3 * 3_600_000));
		orders.push({
			id: baseId + i * 7 + Math.floor(random() * 7),
			status,
			status_detail: null,
			date_created: formatWithOffset(created, offset),
			date_closed: status === 'paid' ? formatWithOffset(created + 60_000, offset) : null,
			last_updated: formatWithOffset(updatedMs, offset),
			date_last_updated: formatWithOffset(updatedMs, offset),
			order_items: lines,
			total_amount: totalCents / 100,
			paid_amount: status === 'paid' || status === 'partially_refunded' ? totalCents / 100 : 0,
			currency_id: 'BRL',
			buyer: { id: 100_000 + Math.floor(random() * 900_000), nickname: `COMPRADOR${i}` },
			seller: { id: opts.userId },
			tags: status === 'paid' ? ['paid', 'delivered'] : [],
			pack_id: null,
			shipping: { id: 40_000_000_000 + i },
			fulfilled: status === 'paid' ? true : null,
		});
	}
	return orders;
}

function buildAdGroups(opts: SeedSellerOptions, random: () => number, items: FakeItem[]): FakeAdGroup[] {
	const groups: FakeAdGroup[] = [];
	let cursor = 0;
	const advertised = Math.max(Math.min(items.length, 3), Math.floor(items.length * 0.12));
	let g = 0;
	while (cursor < advertised) {
		const several = g % 4 === 3;
		const size = several ? Math.min(2 + Math.floor(random() * 3), advertised - cursor) : 1;
		const itemIds = items.slice(cursor, cursor + size).map((item) => item.id);
		cursor += size;
		groups.push({
			id: String(900_000_000 + opts.userId % 1000 * 10_000 + g),
			campaign_id: String(700_000 + (g % 5)),
			name: `Grupo ${g}`,
			status: random() < 0.9 ? 'active' : 'paused',
			type: itemIds.length > 1 ? 'FAMILY' : 'ITEM',
			itemIds,
		});
		g += 1;
	}
	return groups;
}

/** Daily Product Ads metrics of an ad group, derived from (group, day) only. */
export function adDay(seller: FakeSeller, group: FakeAdGroup, day: string): FakeAdDay {
	const h = hash32(seller.seed, group.id, day);
	const prints = h % 900;
	const clicks = prints === 0 ? 0 : (h >>> 10) % Math.max(1, Math.floor(prints / 10));
	const costCents = clicks * (35 + ((h >>> 3) % 90));
	const directAmountCents = (h >>> 5) % 5 === 0 ? 0 : clicks * ((h >>> 7) % 1500);
	const indirectAmountCents = (h >>> 9) % 3 === 0 ? 0 : Math.floor(directAmountCents / 3);
	return {
		date: day,
		clicks,
		prints,
		costCents,
		directAmountCents,
		indirectAmountCents,
		directUnits: Math.floor(directAmountCents / 5000),
		indirectUnits: Math.floor(indirectAmountCents / 5000),
	};
}

/** Visits of an item on a day, derived from (item, day) only. */
export function visitsOf(seller: FakeSeller, itemId: string, day: string): number {
	const h = hash32(seller.seed, itemId, day);
	return h % 7 === 0 ? 0 : h % 37;
}

export function yesterdaySp(now = Date.now()): string {
	return addDays(spDayOf(now), -1);
}

export function seedSeller(opts: SeedSellerOptions): FakeSeller {
	const random = prng(opts.seed);
	const endDay = opts.endDay ?? yesterdaySp();
	const firstDay = addDays(endDay, -(opts.days - 1));
	const startMs = spDayStart(firstDay);
	const endMs = spDayStart(addDays(endDay, 1));
	const items = buildItems(opts, random, startMs);
	const orders = buildOrders(opts, random, items, startMs, endMs);
	const days: string[] = [];
	for (let d = firstDay; d <= endDay; d = addDays(d, 1)) days.push(d);
	const ads = opts.ads ?? true;
	const nickname = opts.nickname ?? `VIANG_SELLER_${opts.userId}`;
	return {
		user: {
			id: opts.userId,
			nickname,
			email: `${nickname.toLowerCase()}@example.com`,
			first_name: 'Loja',
			last_name: String(opts.userId),
			country_id: 'BR',
			site_id: 'MLB',
			user_type: 'normal',
			permalink: `http://perfil.mercadolivre.com.br/${nickname}`,
			registration_date: '2019-03-12T10:00:00.000-04:00',
			seller_reputation: {
				level_id: '5_green',
				power_seller_status: 'gold',
				transactions: { period: 'historic', total: opts.orders },
			},
			status: { site_status: 'active' },
			tags: ['normal', 'brand', 'large_seller'],
		},
		orders,
		createdAt: orders.map((o) => Date.parse(o.date_created)),
		items,
		itemsById: new Map(items.map((item) => [item.id, item])),
		ordersById: new Map(orders.map((order) => [String(order.id), order])),
		advertiserId: ads ? 30_000 + (opts.userId % 100_000) : null,
		adGroups: ads ? buildAdGroups(opts, random, items) : [],
		days,
		seed: opts.seed,
	};
}
