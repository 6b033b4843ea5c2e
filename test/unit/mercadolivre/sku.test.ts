import { fallbackSku, resolveItemSku, resolveSku } from '../../../domain/mercadolivre/sku';

describe('SKU of an order line (metrics.md, first match wins)', () => {
	const all = {
		itemId: 'MLB123',
		variationId: '456',
		lineSellerSku: 'LINE',
		variationSkuAttribute: 'VAR-ATTR',
		variationSellerCustomField: 'VAR-SCF',
		itemSkuAttribute: 'ITEM-ATTR',
		itemSellerCustomField: 'ITEM-SCF',
	};

	it('rule 1: the line seller_sku wins over everything', () => {
		expect(resolveSku(all)).toEqual({ sku: 'LINE', rule: 'line', isFallback: false });
	});

	it('rule 2: the variation SELLER_SKU attribute, then its seller_custom_field', () => {
		expect(resolveSku({ ...all, lineSellerSku: null })).toEqual({ sku: 'VAR-ATTR', rule: 'variation', isFallback: false });
		expect(resolveSku({ ...all, lineSellerSku: null, variationSkuAttribute: null }).sku).toBe('VAR-SCF');
	});

	it('rule 2 only applies to lines with a variation id', () => {
		expect(resolveSku({ ...all, lineSellerSku: null, variationId: null }).rule).toBe('item');
	});

	it('rule 3: the item SELLER_SKU attribute, then its seller_custom_field', () => {
		const noVariation = { ...all, lineSellerSku: null, variationSkuAttribute: null, variationSellerCustomField: null };
		expect(resolveSku(noVariation)).toEqual({ sku: 'ITEM-ATTR', rule: 'item', isFallback: false });
		expect(resolveSku({ ...noVariation, itemSkuAttribute: undefined }).sku).toBe('ITEM-SCF');
	});

	it('rule 4: item id plus variation id, marked as fallback', () => {
		expect(resolveSku({ itemId: 'MLB123', variationId: '456' })).toEqual({ sku: 'MLB123:456', rule: 'fallback', isFallback: true });
		expect(resolveSku({ itemId: 'MLB123' })).toEqual({ sku: 'MLB123', rule: 'fallback', isFallback: true });
		expect(fallbackSku('MLB9', null)).toBe('MLB9');
	});

	it('blank values count as absent and values are trimmed', () => {
		expect(resolveSku({ ...all, lineSellerSku: '  ', variationSkuAttribute: '', variationSellerCustomField: ' V1 ' }).sku).toBe('V1');
		expect(resolveSku({ itemId: 'MLB1', lineSellerSku: '', itemSkuAttribute: ' ', itemSellerCustomField: '' }).isFallback).toBe(true);
	});

	it('item-level SKU (visits, single-item ads) uses rules 3-4 only', () => {
		expect(resolveItemSku('MLB1', null, 'SCF')).toEqual({ sku: 'SCF', rule: 'item', isFallback: false });
		expect(resolveItemSku('MLB1').sku).toBe('MLB1');
	});
});
