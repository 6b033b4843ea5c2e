import { halveWindow, pageOffsets, reachableOrders } from '../../../domain/mercadolivre/orders';

describe('order windows and the 10,000-offset cap', () => {
	it('knows how many orders offsets can reach', () => {
		expect(reachableOrders(50)).toBe(10_000);
		expect(reachableOrders(51)).toBe(10_047); // last offset 9996
	});

	it('halves a window into two that do not overlap and cover it', () => {
		const [a, b] = halveWindow({ from: 1000, to: 2001 })!;
		expect(a).toEqual({ from: 1000, to: 1500 });
		expect(b).toEqual({ from: 1501, to: 2001 });
		expect(halveWindow({ from: 5, to: 5 })).toBeUndefined();
		expect(halveWindow({ from: 5, to: 6 })).toEqual([{ from: 5, to: 5 }, { from: 6, to: 6 }]);
	});

	it('lists the pages after the first, never at or past the cap', () => {
		expect(pageOffsets(120, 50)).toEqual([50, 100]);
		expect(pageOffsets(50, 50)).toEqual([]);
		const offsets = pageOffsets(25_000, 50);
		expect(offsets[offsets.length - 1]).toBe(9950);
	});
});
