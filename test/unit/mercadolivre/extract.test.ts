import { extractAdGroupMetrics, extractItem, extractOrder, extractVisits } from '../../../domain/mercadolivre/extract';
import { annotateItem } from '../../../domain/mercadolivre/display';

describe('extractors → staging rows', () => {
	it('passes raw order fields through, ids as strings and money as decimal strings', () => {
		const { order, lines } = extractOrder({
			id: 2000003508419013,
			status: 'paid',
			date_created: '2026-05-27T10:01:50.000-04:00',
			date_last_updated: '2026-05-27T10:04:07.000-04:00',
			total_amount: 998,
			currency_id: 'BRL',
			order_items: [
				{ item: { id: 'MLB1', variation_id: 175000000001, seller_sku: 'ABC' }, quantity: 2, unit_price: 499, sale_fee: 57.39 },
				{ item: { id: 'MLB2', variation_id: null }, quantity: 1, unit_price: 0.1, sale_fee: null },
			],
		});
		expect(order).toEqual({
			orderId: '2000003508419013',
			status: 'paid',
			dateCreated: '2026-05-27T10:01:50.000-04:00',
			dateLastUpdated: '2026-05-27T10:04:07.000-04:00',
			totalAmount: '998.00',
			currencyId: 'BRL',
		});
		expect(lines).toEqual([
			{ orderId: '2000003508419013', lineNo: 0, itemId: 'MLB1', variationId: '175000000001', sellerSku: 'ABC', quantity: 2, unitPrice: '499.00', saleFee: '57.39' },
			{ orderId: '2000003508419013', lineNo: 1, itemId: 'MLB2', variationId: null, sellerSku: null, quantity: 1, unitPrice: '0.10', saleFee: null },
		]);
	});

	it('takes SELLER_SKU attributes and custom fields of items and variations', () => {
		const item = {
			id: 'MLB1',
			title: 'Camiseta',
			status: 'active',
			seller_custom_field: 'OLD',
			attributes: [{ id: 'BRAND', value_name: 'X' }, { id: 'SELLER_SKU', value_name: 'CAM-1' }],
			variations: [
				{ id: 11, seller_custom_field: null, attributes: [{ id: 'SELLER_SKU', value_name: 'CAM-1-P' }] },
				{ id: 12, seller_custom_field: 'CAM-1-M', attributes: [] },
				{ id: 13, seller_custom_field: '', attributes: [] },
			],
		};
		const rows = extractItem(item);
		expect(rows.item).toEqual({ itemId: 'MLB1', title: 'Camiseta', status: 'active', skuAttribute: 'CAM-1', sellerCustomField: 'OLD' });
		expect(rows.variations.map((v) => [v.variationId, v.skuAttribute, v.sellerCustomField])).toEqual([
			['11', 'CAM-1-P', null],
			['12', null, 'CAM-1-M'],
			['13', null, ''],
		]);
		const shown = annotateItem(item);
		expect(shown.viang_sku.sku).toBe('CAM-1');
		expect((shown.variations as unknown as Array<{ viang_sku: { sku: string } }>).map((v) => v.viang_sku.sku)).toEqual(['CAM-1-P', 'CAM-1-M', 'CAM-1']);
	});

	it('keeps visits and ad metrics of the requested days only', () => {
		const visits = extractVisits(
			{ item_id: 'MLB1', total_visits: 9, results: [{ date: '2026-03-01T00:00:00Z', total: 4 }, { date: '2026-03-02T00:00:00Z', total: 5 }] },
			'2026-03-02',
			'2026-03-02',
		);
		expect(visits).toEqual([{ itemId: 'MLB1', day: '2026-03-02', visits: 5 }]);
		const metrics = extractAdGroupMetrics(
			{ id: 900, campaign_id: 700, metrics: [{ date: '2026-03-02', clicks: 3, prints: 100, cost: 1.5, direct_amount: 20, indirect_amount: 0.3 }] },
			'2026-03-01',
			'2026-03-02',
		);
		expect(metrics).toEqual([
			{ adGroupId: '900', campaignId: '700', day: '2026-03-02', cost: '1.50', clicks: 3, impressions: 100, directAmount: '20.00', indirectAmount: '0.30' },
		]);
	});
});
