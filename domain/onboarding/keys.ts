// Keys of the onboarding flow, derived from the token key (VIANG_TOKEN_KEY, or the warehouse
// credential's Token Encryption Key): one HKDF output per purpose, so the state signature never
// reuses the key that encrypts tokens, and rotating the token key also rotates the state key.
import { hkdfSync } from 'node:crypto';
import { parseTokenKey, TokenCipher } from '../crypto/token-cipher';

export interface OnboardingKeys {
	/** HMAC-SHA256 key of the OAuth state. */
	stateKey: Buffer;
	/** Encrypts/decrypts the PKCE verifier kept with the invite (same format as the vault). */
	cipher: TokenCipher;
}

export function deriveStateKey(tokenKey: Buffer): Buffer {
	return Buffer.from(hkdfSync('sha256', tokenKey, Buffer.alloc(0), 'viang/onboarding/state/v1', 32));
}

/** From the key as text (64 hex or base64); empty: VIANG_TOKEN_KEY from the environment. */
export function onboardingKeys(tokenKeyText: string | undefined, env: NodeJS.ProcessEnv = process.env): OnboardingKeys {
	const text = tokenKeyText?.trim() ? tokenKeyText : env.VIANG_TOKEN_KEY;
	if (!text) throw new Error('The onboarding needs the token key (Token Encryption Key of the warehouse credential, or VIANG_TOKEN_KEY)');
	const key = parseTokenKey(text);
	return { stateKey: deriveStateKey(key.key), cipher: new TokenCipher(key) };
}
