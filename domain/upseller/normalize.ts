// UpSeller does not publish the fields inside `list`. These readers accept the spellings seen in
// public integration code and keep everything else as sent (`raw`), in one place to correct once
// the real shape is confirmed.
import { toDecimalString } from '../mercadolivre/decimal';

export interface UpSellerWarehouse {
	id: string;
	name: string;
}

export interface UpSellerSkuStock {
	sku: string;
	/** Decimal string. */
	quantity: string;
}

function first(raw: Record<string, unknown>, keys: readonly string[]): unknown {
	for (const key of keys) {
		const value = raw[key];
		if (value !== undefined && value !== null && String(value).trim() !== '') return value;
	}
	return undefined;
}

const WAREHOUSE_ID = ['warehouseId', 'id', 'warehouseCode'];
const WAREHOUSE_NAME = ['warehouseName', 'name', 'warehouseCode'];
const SKU = ['sku', 'skuCode', 'sellerSku', 'merchantSku'];
const QUANTITY = ['availableStock', 'availableQty', 'available', 'stock', 'stockQty', 'quantity', 'qty', 'onHandStock'];

export function normalizeWarehouse(raw: Record<string, unknown>): UpSellerWarehouse | null {
	const id = first(raw, WAREHOUSE_ID);
	if (id === undefined) return null;
	const name = first(raw, WAREHOUSE_NAME);
	return { id: String(id), name: String(name ?? id).trim() };
}

export function normalizeSkuStock(raw: Record<string, unknown>): UpSellerSkuStock | null {
	const sku = first(raw, SKU);
	if (sku === undefined) return null;
	const quantity = first(raw, QUANTITY);
	let amount = '0.00';
	try {
		amount = toDecimalString(quantity === undefined ? 0 : (quantity as string | number));
	} catch {
		amount = '0.00';
	}
	return { sku: String(sku).trim(), quantity: amount };
}
