import { addDecimals, multiplyDecimal, roundDecimal, toDecimalString } from '../../../domain/mercadolivre/decimal';
import { parseJsonLossless } from '../../../domain/mercadolivre/json';
import { classifyOrderStatus } from '../../../domain/mercadolivre/status';

describe('order status classification', () => {
	it.each([
		['paid', 'sale'],
		['partially_refunded', 'sale'],
		['cancelled', 'cancellation'],
		['confirmed', 'none'],
		['payment_required', 'none'],
		['payment_in_process', 'none'],
		['partially_paid', 'none'],
		['pending_cancel', 'none'],
		['invalid', 'none'],
		['', 'none'],
	])('%s counts as %s', (status, expected) => {
		expect(classifyOrderStatus(status)).toBe(expected);
	});
});

describe('money as exact decimal strings', () => {
	it('keeps what the JSON said', () => {
		expect(toDecimalString(49.9)).toBe('49.90');
		expect(toDecimalString(499)).toBe('499.00');
		expect(toDecimalString(0.1)).toBe('0.10');
		expect(toDecimalString(5.727)).toBe('5.727');
		expect(toDecimalString(12345678.91)).toBe('12345678.91');
		expect(toDecimalString('-0.50')).toBe('-0.50');
		expect(toDecimalString(1e-7)).toBe('0.0000001');
		expect(() => toDecimalString(NaN)).toThrow();
	});

	it('adds and multiplies without binary floating point', () => {
		expect(addDecimals('0.10', '0.20')).toBe('0.30');
		expect(multiplyDecimal('19.99', 3)).toBe('59.97');
		expect(multiplyDecimal('0.115', 7)).toBe('0.805');
	});

	it('rounds ratios half away from zero', () => {
		expect(roundDecimal('0.12345', 4)).toBe('0.1235');
		expect(roundDecimal('10.005', 2)).toBe('10.01');
		expect(roundDecimal('-10.005', 2)).toBe('-10.01');
	});

	it('parses ids beyond 2^53 without losing digits', () => {
		const parsed = parseJsonLossless('{"id": 20000035084190137, "price": 10.5}') as { id: unknown; price: number };
		expect(parsed.id).toBe('20000035084190137');
		expect(parsed.price).toBe(10.5);
	});
});
