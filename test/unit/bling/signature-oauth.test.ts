import { createHmac } from 'node:crypto';
import { buildBlingAuthorizationUrl, describeBlingError, pathWithQuery, signBlingBody, verifyBlingSignature } from '../../../domain/bling';

describe('Bling webhook signature', () => {
	const body = Buffer.from('{"event":"order.created","data":{"id":1}}');
	const hex = createHmac('sha256', 'shh').update(body).digest('hex');

	it('accepts the HMAC-SHA256 of the raw body, with or without the sha256= prefix', () => {
		expect(signBlingBody(body, 'shh')).toBe(`sha256=${hex}`);
		expect(verifyBlingSignature(body, `sha256=${hex}`, 'shh')).toBe(true);
		expect(verifyBlingSignature(body, hex.toUpperCase(), 'shh')).toBe(true);
	});

	it('refuses a missing, malformed or wrong signature, another key, or a changed body', () => {
		expect(verifyBlingSignature(body, undefined, 'shh')).toBe(false);
		expect(verifyBlingSignature(body, 'sha256=xyz', 'shh')).toBe(false);
		expect(verifyBlingSignature(body, `sha256=${hex}`, 'other')).toBe(false);
		expect(verifyBlingSignature(Buffer.from(`${body.toString()} `), `sha256=${hex}`, 'shh')).toBe(false);
		expect(verifyBlingSignature(undefined, `sha256=${hex}`, 'shh')).toBe(false);
	});
});

describe('Bling OAuth and request pieces', () => {
	it('builds the authorization URL with our state', () => {
		const url = new URL(buildBlingAuthorizationUrl({ app: { clientId: 'abc', clientSecret: 's' }, state: 'signed.state' }));
		expect(`${url.origin}${url.pathname}`).toBe('https://bling.com.br/Api/v3/oauth/authorize');
		expect(Object.fromEntries(url.searchParams)).toEqual({ response_type: 'code', client_id: 'abc', state: 'signed.state' });
		expect(() => buildBlingAuthorizationUrl({ app: { clientId: 'abc', clientSecret: 's' }, state: '' })).toThrow(/state/);
	});

	it('reads Bling and plain OAuth error bodies', () => {
		expect(describeBlingError({ error: { type: 'VALIDATION_ERROR', message: 'Erro', description: 'Data inválida' } })).toEqual({
			code: 'VALIDATION_ERROR',
			message: 'Erro — Data inválida',
		});
		expect(describeBlingError({ error: 'invalid_grant', error_description: 'expired' })).toEqual({ code: 'invalid_grant', message: 'expired' });
	});

	it('repeats array parameters with []', () => {
		expect(decodeURIComponent(pathWithQuery('/estoques/saldos', { 'idsProdutos[]': [1, 2], pagina: 1, vazio: '' }))).toBe(
			'/estoques/saldos?idsProdutos[]=1&idsProdutos[]=2&pagina=1',
		);
	});
});
