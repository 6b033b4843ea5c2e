// The parts of Mercado Livre's JSON we read. Everything else passes through untouched.
export interface MlUser {
	id: number | string;
	nickname: string;
	site_id?: string;
	country_id?: string;
	email?: string;
	[key: string]: unknown;
}

export interface MlAttribute {
	id: string;
	name?: string;
	value_id?: string | null;
	value_name?: string | null;
}

export interface MlOrderItem {
	item: {
		id: string;
		title?: string;
		variation_id?: number | string | null;
		seller_sku?: string | null;
		seller_custom_field?: string | null;
	};
	quantity: number;
	unit_price: number | string;
	sale_fee?: number | string | null;
	currency_id?: string;
}

export interface MlOrder {
	id: number | string;
	status: string;
	date_created: string;
	date_last_updated?: string;
	last_updated?: string;
	total_amount: number | string;
	currency_id: string;
	order_items: MlOrderItem[];
	[key: string]: unknown;
}

export interface MlPaging {
	total: number;
	offset?: number;
	limit?: number;
}

export interface MlOrderSearchResponse {
	results: MlOrder[];
	paging: MlPaging;
}

export interface MlVariation {
	id: number | string;
	seller_custom_field?: string | null;
	attributes?: MlAttribute[];
	attribute_combinations?: MlAttribute[];
	[key: string]: unknown;
}

export interface MlItem {
	id: string;
	title?: string;
	status?: string;
	seller_custom_field?: string | null;
	attributes?: MlAttribute[];
	variations?: MlVariation[];
	[key: string]: unknown;
}

export interface MlItemScanResponse {
	scroll_id?: string;
	results: string[];
	paging?: MlPaging;
}

export interface MlMultigetEntry {
	code: number;
	body: MlItem | { message?: string; error?: string };
}

export interface MlVisitsResponse {
	item_id: string;
	total_visits: number;
	results: Array<{ date: string; total: number }>;
}

export interface MlAdvertiser {
	advertiser_id: number | string;
	site_id: string;
	advertiser_name?: string;
	account_name?: string;
}

export interface MlAdMetricDay {
	date: string;
	clicks?: number;
	prints?: number;
	cost?: number | string;
	direct_amount?: number | string;
	indirect_amount?: number | string;
	[key: string]: unknown;
}

export interface MlAdGroup {
	id: number | string;
	campaign_id?: number | string | null;
	name?: string;
	status?: string;
	type?: string;
	metrics?: MlAdMetricDay[] | Record<string, unknown>;
	[key: string]: unknown;
}

export interface MlAdGroupSearchResponse {
	paging: MlPaging;
	results: MlAdGroup[];
}

export interface MlAdGroupAdsResponse {
	paging: MlPaging;
	results: Array<{ item_id: string; [key: string]: unknown }>;
}
