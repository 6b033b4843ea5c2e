// SKU of an order line (docs/metrics.md), first match wins:
//   1. order_items[].item.seller_sku
//   2. the variation's SELLER_SKU attribute, then its seller_custom_field (line with variation_id)
//   3. the item's SELLER_SKU attribute, then its seller_custom_field
//   4. fallback key: item id, plus ":" and the variation id when there is one ("MLB123:456")
// Blank values (empty or only spaces) count as absent and values are trimmed: a seller who
// cleared a field has no SKU there. The warehouse applies the same rules in SQL.

export type SkuRule = 'line' | 'variation' | 'item' | 'fallback';

export interface SkuSources {
	itemId: string;
	variationId?: string | null;
	/** Rule 1. */
	lineSellerSku?: string | null;
	/** Rule 2 (only used when variationId is set). */
	variationSkuAttribute?: string | null;
	variationSellerCustomField?: string | null;
	/** Rule 3. */
	itemSkuAttribute?: string | null;
	itemSellerCustomField?: string | null;
}

export interface ResolvedSku {
	sku: string;
	rule: SkuRule;
	/** True for rule 4: the dashboard shows "sem SKU". */
	isFallback: boolean;
}

export function cleanSku(value: string | null | undefined): string | null {
	if (value === null || value === undefined) return null;
	const trimmed = String(value).trim();
	return trimmed === '' ? null : trimmed;
}

export function fallbackSku(itemId: string, variationId?: string | null): string {
	const variation = cleanSku(variationId);
	return variation ? `${itemId}:${variation}` : itemId;
}

export function resolveSku(s: SkuSources): ResolvedSku {
	const line = cleanSku(s.lineSellerSku);
	if (line) return { sku: line, rule: 'line', isFallback: false };
	if (cleanSku(s.variationId)) {
		const variation = cleanSku(s.variationSkuAttribute) ?? cleanSku(s.variationSellerCustomField);
		if (variation) return { sku: variation, rule: 'variation', isFallback: false };
	}
	const item = cleanSku(s.itemSkuAttribute) ?? cleanSku(s.itemSellerCustomField);
	if (item) return { sku: item, rule: 'item', isFallback: false };
	return { sku: fallbackSku(s.itemId, s.variationId), rule: 'fallback', isFallback: true };
}

/** Item-level SKU (rules 3–4), the key visits and single-item ads are counted under. */
export function resolveItemSku(itemId: string, itemSkuAttribute?: string | null, itemSellerCustomField?: string | null): ResolvedSku {
	return resolveSku({ itemId, itemSkuAttribute, itemSellerCustomField });
}
