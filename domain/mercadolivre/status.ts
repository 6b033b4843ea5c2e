// Which orders count (docs/metrics.md): paid and partially_refunded are sales, cancelled is a
// cancellation, anything else counts for nothing until a later sync sees it change.
export type OrderClass = 'sale' | 'cancellation' | 'none';

const SALE = new Set(['paid', 'partially_refunded']);

export function classifyOrderStatus(status: string | null | undefined): OrderClass {
	if (!status) return 'none';
	if (SALE.has(status)) return 'sale';
	if (status === 'cancelled') return 'cancellation';
	return 'none';
}
