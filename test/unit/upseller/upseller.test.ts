import { authHeaders, normalizeSkuStock, normalizeWarehouse } from '../../../domain/upseller';

describe('UpSeller pieces', () => {
	it('sends the two auth headers under configurable names (defaults from the reference)', () => {
		expect(authHeaders({}, { clientId: 'c', apiToken: 't' })).toEqual({ 'client-id': 'c', 'api-token': 't' });
		expect(authHeaders({ clientIdHeader: 'X-Client-Id', apiTokenHeader: 'X-Api-Token' }, { clientId: 'c', apiToken: 't' })).toEqual({
			'x-client-id': 'c',
			'x-api-token': 't',
		});
	});

	it('reads warehouses and SKU stock under the plausible field spellings', () => {
		expect(normalizeWarehouse({ warehouseId: 7, warehouseName: ' CD SP ' })).toEqual({ id: '7', name: 'CD SP' });
		expect(normalizeWarehouse({ id: 'w1' })).toEqual({ id: 'w1', name: 'w1' });
		expect(normalizeWarehouse({ foo: 1 })).toBeNull();
		expect(normalizeSkuStock({ sku: ' A1 ', availableStock: 4 })).toEqual({ sku: 'A1', quantity: '4.00' });
		expect(normalizeSkuStock({ skuCode: 'B', stock: '2.5' })).toEqual({ sku: 'B', quantity: '2.50' });
		expect(normalizeSkuStock({ sku: 'C' })).toEqual({ sku: 'C', quantity: '0.00' });
		expect(normalizeSkuStock({ availableStock: 1 })).toBeNull();
	});
});
