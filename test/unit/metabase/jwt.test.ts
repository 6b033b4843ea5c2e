import { createHmac } from 'node:crypto';
import { JwtError, signHs256, verifyHs256 } from '../../../domain/metabase/jwt';

describe('JWT HS256', () => {
	it('matches the well-known jwt.io HS256 example byte for byte', () => {
		const token = signHs256({ sub: '1234567890', name: 'John Doe', iat: 1516239022 }, 'your-256-bit-secret');
		expect(token).toBe(
			'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
		);
	});

	it('signs header.payload with HMAC-SHA256 of the secret, base64url without padding', () => {
		const token = signHs256({ a: 1 }, 'segredo');
		const [header, payload, signature] = token.split('.');
		expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
		expect(signature).toBe(createHmac('sha256', 'segredo').update(`${header}.${payload}`).digest('base64url'));
		expect(token).not.toMatch(/[=+/]/);
	});

	it('verifies its own tokens and rejects a wrong secret, a tampered payload, alg none and expiry', () => {
		const now = Date.UTC(2026, 2, 20, 12);
		const token = signHs256({ x: 'y', exp: now / 1000 + 60 }, 'k1');
		expect(verifyHs256(token, 'k1', now)).toEqual({ x: 'y', exp: now / 1000 + 60 });
		expect(() => verifyHs256(token, 'k2', now)).toThrow('bad signature');
		const [header, , signature] = token.split('.');
		const forged = `${header}.${Buffer.from(JSON.stringify({ x: 'z', exp: now / 1000 + 60 })).toString('base64url')}.${signature}`;
		expect(() => verifyHs256(forged, 'k1', now)).toThrow(JwtError);
		const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${token.split('.')[1]}.`;
		expect(() => verifyHs256(none, 'k1', now)).toThrow('unexpected algorithm');
		expect(() => verifyHs256(token, 'k1', now + 61_000)).toThrow('token expired');
		expect(() => verifyHs256('abc', 'k1', now)).toThrow('malformed token');
	});

	it('refuses an empty secret', () => {
		expect(() => signHs256({}, '')).toThrow(JwtError);
	});
});
