import { buildBlingSnapshots, skuOf, unitCostOf } from '../../../domain/bling/stock';

describe('Bling stock snapshots', () => {
	const takenAt = '2026-03-10T12:00:00.000Z';

	it('keeps products with a code; skips services, variation parents and excluded products', () => {
		expect(skuOf({ id: 1, nome: 'a', codigo: ' SKU-1 ' })).toBe('SKU-1');
		expect(skuOf({ id: 2, nome: 'b', codigo: '' })).toBeNull();
		expect(skuOf({ id: 3, nome: 'c', codigo: 'S', tipo: 'S' })).toBeNull();
		expect(skuOf({ id: 4, nome: 'd', codigo: 'P', formato: 'V' })).toBeNull();
		expect(skuOf({ id: 5, nome: 'e', codigo: 'X', situacao: 'E' })).toBeNull();
	});

	it('takes the cost price only when filled', () => {
		expect(unitCostOf({ id: 1, nome: 'a', precoCusto: 12.5 })).toBe('12.50');
		expect(unitCostOf({ id: 1, nome: 'a', precoCusto: 0 })).toBeNull();
		expect(unitCostOf({ id: 1, nome: 'a' })).toBeNull();
	});

	it('one row per SKU and depósito; same code twice adds up; no balance → 0 in warehouse ""', () => {
		const rows = buildBlingSnapshots({
			takenAt,
			deposits: [
				{ id: 1, descricao: 'Geral' },
				{ id: 2, descricao: 'Full ML' },
			],
			products: [
				{ id: 10, nome: 'A', codigo: 'A', precoCusto: 10 },
				{ id: 11, nome: 'A bis', codigo: 'A', precoCusto: 0 },
				{ id: 12, nome: 'B', codigo: 'B' },
			],
			balances: [
				{ produto: { id: 10 }, depositos: [{ id: 1, saldoFisico: 5 }, { id: 2, saldoFisico: 2.5 }] },
				{ produto: { id: 11 }, depositos: [{ id: 1, saldoFisico: 1 }, { id: 3, saldoFisico: 4 }] },
			],
		});
		expect(rows).toEqual([
			{ sku: 'A', source: 'bling', warehouse: 'Geral', takenAt, quantity: '6.00', unitCost: '10.00' },
			{ sku: 'A', source: 'bling', warehouse: 'Full ML', takenAt, quantity: '2.50', unitCost: '10.00' },
			{ sku: 'A', source: 'bling', warehouse: 'Depósito 3', takenAt, quantity: '4.00', unitCost: null },
			{ sku: 'B', source: 'bling', warehouse: '', takenAt, quantity: '0.00', unitCost: null },
		]);
	});
});
