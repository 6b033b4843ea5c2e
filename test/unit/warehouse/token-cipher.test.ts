import { createHash, randomBytes } from 'node:crypto';
import { TokenCipher, TokenKeyError, ciphertextKeyId, parseTokenKey } from '../../../domain/crypto';

describe('token cipher', () => {
	const raw = randomBytes(32);

	test('the key is accepted as 64 hex characters or base64 (standard or url-safe), same key id', () => {
		const fromHex = parseTokenKey(raw.toString('hex'));
		const fromBase64 = parseTokenKey(raw.toString('base64'));
		const fromBase64Url = parseTokenKey(raw.toString('base64url'));
		expect(fromHex.key.equals(raw)).toBe(true);
		expect(fromBase64.key.equals(raw)).toBe(true);
		expect(fromBase64Url.key.equals(raw)).toBe(true);
		expect(fromHex.id).toBe(createHash('sha256').update(raw).digest('hex').slice(0, 8));
		expect(fromBase64.id).toBe(fromHex.id);
	});

	test('wrong sizes are refused without echoing the value', () => {
		for (const bad of ['abc', randomBytes(16).toString('hex'), randomBytes(31).toString('base64'), '']) {
			expect(() => parseTokenKey(bad)).toThrow(TokenKeyError);
		}
		const value = randomBytes(16).toString('hex');
		expect(() => parseTokenKey(value)).toThrow(expect.objectContaining({ message: expect.not.stringContaining(value) }));
	});

	test('v1:<keyId>:<iv>:<tag>:<ct>, random IV, round trip, tampering detected', () => {
		const cipher = new TokenCipher(parseTokenKey(raw.toString('hex')));
		const a = cipher.encrypt('APP_USR-secret');
		const b = cipher.encrypt('APP_USR-secret');
		expect(a).toMatch(/^v1:[0-9a-f]{8}:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
		expect(a).not.toBe(b);
		expect(a).not.toContain('secret');
		expect(ciphertextKeyId(a)).toBe(cipher.current.id);
		expect(cipher.decrypt(a)).toBe('APP_USR-secret');
		const parts = a.split(':');
		parts[4] = Buffer.from('tampered').toString('base64');
		expect(() => cipher.decrypt(parts.join(':'))).toThrow(/não pôde ser decifrado/);
		expect(() => cipher.decrypt('plain text')).toThrow(/formato/);
	});

	test('decryption picks the key by id; rotation is needed only for old keys', () => {
		const oldKey = parseTokenKey(randomBytes(32).toString('hex'));
		const newKey = parseTokenKey(randomBytes(32).toString('base64'));
		const old = new TokenCipher(oldKey).encrypt('x');
		const both = new TokenCipher(newKey, [oldKey]);
		expect(both.decrypt(old)).toBe('x');
		expect(both.needsRotation(old)).toBe(true);
		expect(both.needsRotation(both.encrypt('x'))).toBe(false);
		expect(() => new TokenCipher(newKey).decrypt(old)).toThrow(new RegExp(oldKey.id));
	});

	test('from the environment: current key and comma-separated previous keys', () => {
		const previous = [randomBytes(32).toString('hex'), randomBytes(32).toString('base64')];
		const cipher = TokenCipher.fromEnv({ VIANG_TOKEN_KEY: raw.toString('hex'), VIANG_TOKEN_KEY_PREVIOUS: ` ${previous[0]} ,${previous[1]},` });
		expect(cipher.keyIds).toHaveLength(3);
		expect(() => TokenCipher.fromEnv({})).toThrow(/VIANG_TOKEN_KEY/);
		expect(() => TokenCipher.fromEnv({ VIANG_TOKEN_KEY: raw.toString('hex'), VIANG_TOKEN_KEY_PREVIOUS: 'short' })).toThrow(
			/VIANG_TOKEN_KEY_PREVIOUS/,
		);
	});
});
