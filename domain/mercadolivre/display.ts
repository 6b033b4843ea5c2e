// SKU annotations for what the node shows (the warehouse resolves SKUs in SQL with the same rules).
import type { MlItem, MlOrder } from './api-types';
import { sellerSkuAttribute } from './extract';
import { idOrNull } from './json';
import { resolveSku, ResolvedSku } from './sku';

export function skuOfOrderLine(line: MlOrder['order_items'][number], item: MlItem | undefined): ResolvedSku {
	const variationId = idOrNull(line.item.variation_id);
	const variation = variationId ? item?.variations?.find((v) => String(v.id) === variationId) : undefined;
	return resolveSku({
		itemId: line.item.id,
		variationId,
		lineSellerSku: line.item.seller_sku,
		variationSkuAttribute: sellerSkuAttribute(variation?.attributes),
		variationSellerCustomField: variation?.seller_custom_field,
		itemSkuAttribute: sellerSkuAttribute(item?.attributes),
		itemSellerCustomField: item?.seller_custom_field,
	});
}

/** The item with `viang_sku` on itself (rules 3–4) and on each variation (rules 2–4). */
export function annotateItem(item: MlItem): MlItem & { viang_sku: ResolvedSku } {
	const itemSkuAttribute = sellerSkuAttribute(item.attributes);
	return {
		...item,
		viang_sku: resolveSku({ itemId: item.id, itemSkuAttribute, itemSellerCustomField: item.seller_custom_field }),
		variations: (item.variations ?? []).map((v) => ({
			...v,
			viang_sku: resolveSku({
				itemId: item.id,
				variationId: String(v.id),
				variationSkuAttribute: sellerSkuAttribute(v.attributes),
				variationSellerCustomField: v.seller_custom_field,
				itemSkuAttribute,
				itemSellerCustomField: item.seller_custom_field,
			}),
		})),
	};
}

export function annotateOrder(order: MlOrder, items: Map<string, MlItem>): MlOrder {
	return {
		...order,
		order_items: order.order_items.map((line) => ({ ...line, viang_sku: skuOfOrderLine(line, items.get(line.item.id)) })),
	};
}
