import { redactSecrets } from '../../../domain/warehouse/redact';

describe('redactSecrets', () => {
	test('known secrets, bearer tokens, token fields and Mercado Livre token shapes are masked', () => {
		const text = redactSecrets(
			'GET /x?access_token=APP_USR-123456789-abc&x=1 Authorization: Bearer abcdefghijkl {"refresh_token":"TG-0123456789abcdef"} my-own-secret',
			['my-own-secret'],
		);
		expect(text).not.toMatch(/APP_USR-123456789|abcdefghijkl|TG-0123456789abcdef|my-own-secret/);
		expect(text).toContain('access_token=[redacted]');
		expect(text).toContain('Bearer [redacted]');
		expect(text).toContain('GET /x?');
	});

	test('ordinary messages are left alone', () => {
		expect(redactSecrets('Pedido 2000001234 não encontrado (404)')).toBe('Pedido 2000001234 não encontrado (404)');
	});
});
