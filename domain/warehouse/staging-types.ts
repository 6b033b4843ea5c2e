// Rows the Mercado Livre extractors hand to the warehouse's staging tables. This is the contract
// between `domain/mercadolivre` (which produces them from API JSON) and `domain/warehouse` (which
// stores them and derives fact_sku_day / agg_client_day in SQL, see docs/metrics.md).
//
// Conventions: ids as strings (Mercado Livre order ids exceed 2^53), money as decimal strings
// ("499.90"; never binary floats on the way), instants as ISO-8601 strings with their original
// offset (the SQL converts the instant to America/Sao_Paulo; nobody cuts strings), days as
// 'YYYY-MM-DD'.

export type MlOrderStatus =
	| 'paid'
	| 'partially_refunded'
	| 'cancelled'
	| 'confirmed'
	| 'payment_required'
	| 'payment_in_process'
	| 'partially_paid'
	| 'pending_cancel'
	| 'invalid'
	| string;

export interface MlOrderRow {
	orderId: string;
	status: MlOrderStatus;
	dateCreated: string;
	dateLastUpdated: string;
	totalAmount: string;
	currencyId: string;
}

/** One `order_items[]` entry. A re-synced order replaces all of its lines. */
export interface MlOrderLineRow {
	orderId: string;
	/** Position in `order_items` (0-based): the natural key with the order id. */
	lineNo: number;
	itemId: string;
	variationId: string | null;
	/** `order_items[].item.seller_sku` (SKU rule 1), as sent. */
	sellerSku: string | null;
	quantity: number;
	unitPrice: string;
	/** `order_items[].sale_fee`, per unit. */
	saleFee: string | null;
}

export interface MlItemRow {
	itemId: string;
	title: string | null;
	status: string | null;
	/** `attributes[id=SELLER_SKU].value_name` of the item. */
	skuAttribute: string | null;
	/** `seller_custom_field` of the item. */
	sellerCustomField: string | null;
}

export interface MlVariationRow {
	itemId: string;
	variationId: string;
	/** `attributes[id=SELLER_SKU].value_name` of the variation. */
	skuAttribute: string | null;
	sellerCustomField: string | null;
}

export interface MlVisitRow {
	itemId: string;
	day: string;
	visits: number;
}

export interface MlAdGroupMetricRow {
	adGroupId: string;
	campaignId: string | null;
	day: string;
	cost: string;
	clicks: number;
	/** Product Ads calls them `prints`. */
	impressions: number;
	directAmount: string;
	indirectAmount: string;
}

export interface MlAdGroupItemRow {
	adGroupId: string;
	itemId: string;
}
