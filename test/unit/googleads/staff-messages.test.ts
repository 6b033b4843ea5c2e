// What staff read when /mcc fails: pt-BR, and whether it was their input (the webhook answers 400
// and nothing changed) or a failure on the way (502).
import { googleAdsStaffFailure, parseCustomerId } from '../../../domain/googleads';
import { ApiError } from '../../../domain/http';

const apiError = (code: string, providerMessage: string, status = 400) =>
	new ApiError({ provider: 'Google Ads', call: 'customerClientLinks.mutate', kind: 'http', status, code, providerMessage });

describe('googleAdsStaffFailure', () => {
	it('gives the pt-BR text of input errors, marked as input', () => {
		const invalid = (() => {
			try {
				parseCustomerId('123-456-789');
			} catch (error) {
				return error;
			}
		})();
		expect(googleAdsStaffFailure(invalid)).toEqual({
			message: 'Customer id do Google Ads inválido ("123-456-789"): ele tem 9 dígito(s) e precisa ter 10. Envie no formato 123-456-7890.',
			userError: true,
			code: 'invalid_customer_id',
		});
		const manager = (() => {
			try {
				parseCustomerId('999-888-7777', { managerCustomerId: '9998887777' });
			} catch (error) {
				return error;
			}
		})();
		expect(googleAdsStaffFailure(manager)).toMatchObject({ message: expect.stringMatching(/própria conta MCC/), userError: true });
	});

	it("treats Google's refusals of the account as input, and Viang's setup problems as failures", () => {
		const missing = googleAdsStaffFailure(apiError('requestError.INVALID_CUSTOMER_ID', 'x (request id AbC123)'));
		expect(missing).toEqual({
			message: expect.stringMatching(/^Convite não enviado: o Google Ads não encontrou essa conta.*\(request id AbC123\) Nada foi alterado\.$/),
			userError: true,
			code: 'requestError.INVALID_CUSTOMER_ID',
		});
		expect(googleAdsStaffFailure(apiError('invalid_grant', 'revoked'))).toMatchObject({
			message: expect.stringMatching(/refresh token da credencial/),
			userError: false,
		});
		expect(googleAdsStaffFailure(new ApiError({ provider: 'Google Ads', call: 'search', kind: 'timeout' }))).toMatchObject({
			message: expect.stringMatching(/^Não consegui falar com o Google Ads/),
			userError: false,
		});
	});
});
