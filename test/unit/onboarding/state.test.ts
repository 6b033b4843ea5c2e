import { randomBytes } from 'node:crypto';
import { deriveStateKey, onboardingKeys } from '../../../domain/onboarding/keys';
import { signState, verifyState } from '../../../domain/onboarding/state';

const key = deriveStateKey(randomBytes(32));
const inviteId = '0b8c6a52-3c1d-4e59-9f0e-1b2c3d4e5f60';
const inFiveMinutes = () => new Date(Date.now() + 5 * 60_000);

describe('OAuth state', () => {
	it('round-trips the invite id and expiry (seconds precision)', () => {
		const expiresAt = inFiveMinutes();
		const check = verifyState(signState({ inviteId, expiresAt }, key), key);
		expect(check).toEqual({ ok: true, inviteId, expiresAt: new Date(Math.floor(expiresAt.getTime() / 1000) * 1000), nonce: expect.any(String) });
	});

	it('is different every time (random nonce)', () => {
		const expiresAt = inFiveMinutes();
		expect(signState({ inviteId, expiresAt }, key)).not.toBe(signState({ inviteId, expiresAt }, key));
	});

	it('refuses a changed payload, a changed signature and another key', () => {
		const state = signState({ inviteId, expiresAt: inFiveMinutes() }, key);
		const [v, payload, mac] = state.split('.');
		const other = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), i: 'another' })).toString('base64url');
		expect(verifyState(`${v}.${other}.${mac}`, key)).toEqual({ ok: false, reason: 'bad_signature' });
		expect(verifyState(`${v}.${payload}.${Buffer.alloc(32).toString('base64url')}`, key)).toEqual({ ok: false, reason: 'bad_signature' });
		expect(verifyState(state, deriveStateKey(randomBytes(32)))).toEqual({ ok: false, reason: 'bad_signature' });
	});

	it('refuses an expired state', () => {
		const state = signState({ inviteId, expiresAt: new Date(Date.now() + 1000) }, key);
		expect(verifyState(state, key, Date.now() + 2000)).toEqual({ ok: false, reason: 'expired' });
	});

	it.each([undefined, null, '', 'abc', 'v2.a.b', 'v1..', 'v1.a.b.c'])('refuses malformed state %p', (state) => {
		expect(verifyState(state, key)).toMatchObject({ ok: false });
	});

	it('derives one key per token key, different from the token key itself', () => {
		const tokenKey = randomBytes(32);
		expect(deriveStateKey(tokenKey).equals(deriveStateKey(Buffer.from(tokenKey)))).toBe(true);
		expect(deriveStateKey(tokenKey).equals(tokenKey)).toBe(false);
		const keys = onboardingKeys(tokenKey.toString('hex'));
		expect(keys.stateKey.equals(deriveStateKey(tokenKey))).toBe(true);
		expect(keys.cipher.decrypt(keys.cipher.encrypt('verifier'))).toBe('verifier');
	});

	it('falls back to VIANG_TOKEN_KEY and says what is missing', () => {
		const hex = randomBytes(32).toString('hex');
		expect(onboardingKeys('', { VIANG_TOKEN_KEY: hex }).stateKey.equals(deriveStateKey(Buffer.from(hex, 'hex')))).toBe(true);
		expect(() => onboardingKeys('', {})).toThrow(/token key/);
	});
});
