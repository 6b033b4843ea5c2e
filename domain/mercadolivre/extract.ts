// API JSON → the staging rows of domain/warehouse/staging-types.ts. Raw fields pass through (SKU
// resolution happens in SQL from these rows); ids become strings, money exact decimal strings.
import type {
	MlAdGroupItemRow,
	MlAdGroupMetricRow,
	MlItemRow,
	MlOrderLineRow,
	MlOrderRow,
	MlVariationRow,
	MlVisitRow,
} from '../warehouse/staging-types';
import type { MlAdGroup, MlAdMetricDay, MlAttribute, MlItem, MlOrder, MlVisitsResponse } from './api-types';
import { toDecimalOrNull, toDecimalString } from './decimal';
import { idOrNull, idString } from './json';

export function sellerSkuAttribute(attributes: MlAttribute[] | undefined): string | null {
	const attribute = attributes?.find((a) => a.id === 'SELLER_SKU');
	return attribute?.value_name ?? null;
}

export function extractOrder(order: MlOrder): { order: MlOrderRow; lines: MlOrderLineRow[] } {
	const orderId = idString(order.id);
	const row: MlOrderRow = {
		orderId,
		status: order.status,
		dateCreated: order.date_created,
		dateLastUpdated: order.date_last_updated ?? order.last_updated ?? order.date_created,
		totalAmount: toDecimalString(order.total_amount),
		currencyId: order.currency_id,
	};
	const lines = (order.order_items ?? []).map(
		(line, lineNo): MlOrderLineRow => ({
			orderId,
			lineNo,
			itemId: line.item.id,
			variationId: idOrNull(line.item.variation_id),
			sellerSku: line.item.seller_sku ?? null,
			quantity: Number(line.quantity),
			unitPrice: toDecimalString(line.unit_price),
			saleFee: toDecimalOrNull(line.sale_fee),
		}),
	);
	return { order: row, lines };
}

export function extractItem(item: MlItem): { item: MlItemRow; variations: MlVariationRow[] } {
	return {
		item: {
			itemId: item.id,
			title: item.title ?? null,
			status: item.status ?? null,
			skuAttribute: sellerSkuAttribute(item.attributes),
			sellerCustomField: item.seller_custom_field ?? null,
		},
		variations: (item.variations ?? []).map((v) => ({
			itemId: item.id,
			variationId: idString(v.id),
			skuAttribute: sellerSkuAttribute(v.attributes),
			sellerCustomField: v.seller_custom_field ?? null,
		})),
	};
}

/** Visits rows for the days in [from, to]; ML dates are UTC midnights of the day they count. */
export function extractVisits(response: MlVisitsResponse, from: string, to: string): MlVisitRow[] {
	const rows: MlVisitRow[] = [];
	for (const result of response.results ?? []) {
		const day = String(result.date).slice(0, 10); // a calendar date label, not an instant to convert
		if (day < from || day > to) continue;
		rows.push({ itemId: response.item_id, day, visits: Number(result.total) || 0 });
	}
	return rows;
}

export function extractAdGroupMetrics(group: MlAdGroup, from: string, to: string): MlAdGroupMetricRow[] {
	const days = Array.isArray(group.metrics) ? (group.metrics as MlAdMetricDay[]) : [];
	return days
		.filter((m) => m.date >= from && m.date <= to)
		.map((m) => ({
			adGroupId: idString(group.id),
			campaignId: idOrNull(group.campaign_id),
			day: String(m.date).slice(0, 10),
			cost: toDecimalString(m.cost ?? 0),
			clicks: Number(m.clicks ?? 0),
			impressions: Number(m.prints ?? 0),
			directAmount: toDecimalString(m.direct_amount ?? 0),
			indirectAmount: toDecimalString(m.indirect_amount ?? 0),
		}));
}

export function extractAdGroupItems(adGroupId: string, itemIds: string[]): MlAdGroupItemRow[] {
	return [...new Set(itemIds)].map((itemId) => ({ adGroupId, itemId }));
}
