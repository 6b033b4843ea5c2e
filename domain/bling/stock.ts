// Bling products and balances → stock snapshot rows, one per (SKU, depósito) at one instant.
// SKU = the product's `codigo` (trimmed). Services, variation parents (their stock is their
// children's) and products without a code are not SKUs. Quantity = physical balance (saldoFisico)
// in that depósito; unit cost = the product's cost price (precoCusto) when filled (> 0), else null.
import { addDecimals, toDecimalString } from '../mercadolivre/decimal';
import type { StockSnapshotRow } from '../warehouse/stock-and-finance';
import type { BlingDeposit, BlingProduct, BlingStockBalance } from './api-types';

export function skuOf(product: BlingProduct): string | null {
	const code = typeof product.codigo === 'string' ? product.codigo.trim() : '';
	if (!code) return null;
	if (product.tipo === 'S' || product.formato === 'V' || product.situacao === 'E') return null;
	return code;
}

export function unitCostOf(product: BlingProduct): string | null {
	const cost = product.precoCusto;
	if (cost === null || cost === undefined || !(Number(cost) > 0)) return null;
	return toDecimalString(cost);
}

/** Products that are SKUs for stock purposes. */
export function stockProducts(products: readonly BlingProduct[]): BlingProduct[] {
	return products.filter((p) => skuOf(p) !== null);
}

export function depositName(deposit: BlingDeposit | undefined, id: number): string {
	const name = deposit?.descricao?.trim();
	return name ? name : `Depósito ${id}`;
}

export function buildBlingSnapshots(input: {
	products: readonly BlingProduct[];
	balances: readonly BlingStockBalance[];
	deposits: readonly BlingDeposit[];
	takenAt: string;
}): StockSnapshotRow[] {
	const deposits = new Map(input.deposits.map((d) => [d.id, d]));
	const balances = new Map(input.balances.map((b) => [b.produto.id, b]));
	// (sku, warehouse) → row: two products with the same code add up instead of one hiding the other.
	const rows = new Map<string, StockSnapshotRow>();
	const add = (sku: string, warehouse: string, quantity: number | undefined, unitCost: string | null) => {
		const key = `${sku}\u0000${warehouse}`;
		const amount = toDecimalString(quantity ?? 0);
		const existing = rows.get(key);
		if (existing) {
			existing.quantity = addDecimals(String(existing.quantity), amount);
			existing.unitCost ??= unitCost;
		} else {
			rows.set(key, { sku, source: 'bling', warehouse, takenAt: input.takenAt, quantity: amount, unitCost });
		}
	};
	for (const product of input.products) {
		const sku = skuOf(product);
		if (!sku) continue;
		const cost = unitCostOf(product);
		const balance = balances.get(product.id);
		const perDeposit = balance?.depositos ?? [];
		if (perDeposit.length === 0) {
			// No depósito detail: the product total (0 when Bling has no balance at all) in warehouse ''.
			add(sku, '', balance?.saldoFisicoTotal ?? 0, cost);
			continue;
		}
		for (const entry of perDeposit) add(sku, depositName(deposits.get(entry.id), entry.id), entry.saldoFisico ?? 0, cost);
	}
	return [...rows.values()];
}
