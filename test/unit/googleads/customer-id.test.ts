import { formatCustomerId, GoogleAdsInputError, parseCustomerId } from '../../../domain/googleads';

describe('parseCustomerId', () => {
	it.each([
		['1234567890', '1234567890'],
		['123-456-7890', '1234567890'],
		['  123-456-7890 ', '1234567890'],
	])('accepts %j', (input, expected) => {
		expect(parseCustomerId(input)).toBe(expected);
	});

	it.each([
		['123456789', /9 digits, a Google Ads customer id has 10/],
		['12345678901', /11 digits/],
		['12a4567890', /only digits and dashes/],
		['abc-def-ghij', /only digits and dashes/],
		['1234-56-7890', /use 1234567890 or 123-456-7890/],
		['', /is empty/],
	])('refuses %j with a clear message', (input, message) => {
		expect(() => parseCustomerId(input)).toThrow(GoogleAdsInputError);
		expect(() => parseCustomerId(input)).toThrow(message);
	});

	it('refuses the manager account itself, in either form', () => {
		for (const input of ['9998887777', '999-888-7777']) {
			let caught: unknown;
			try {
				parseCustomerId(input, { managerCustomerId: '9998887777' });
			} catch (error) {
				caught = error;
			}
			expect(caught).toBeInstanceOf(GoogleAdsInputError);
			expect((caught as GoogleAdsInputError).code).toBe('manager_customer_id');
			expect((caught as Error).message).toBe(
				"999-888-7777 is the manager account (MCC) itself: invite the client's own Google Ads account",
			);
			expect((caught as GoogleAdsInputError).exitCode).toBe(2);
		}
	});

	it('formats digits the way Google Ads shows them', () => {
		expect(formatCustomerId('1234567890')).toBe('123-456-7890');
	});
});
