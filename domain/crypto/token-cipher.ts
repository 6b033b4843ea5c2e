// AES-256-GCM for secrets at rest (provider tokens, PKCE verifiers). Every ciphertext names the
// key that made it (`v1:<keyId>:<iv>:<tag>:<ciphertext>`, base64 parts), so keys can be rotated:
// decryption picks the key by id, encryption always uses the current key.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const FORMAT = 'v1';
const IV_BYTES = 12;

export class TokenKeyError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'TokenKeyError';
	}
}

export interface TokenKey {
	id: string;
	key: Buffer;
}

/** 32 bytes given as 64 hex characters or as base64; the error never repeats the value. */
export function parseTokenKey(value: string, variable = 'VIANG_TOKEN_KEY'): TokenKey {
	const text = value.trim();
	let key: Buffer | undefined;
	if (/^[0-9a-fA-F]{64}$/.test(text)) {
		key = Buffer.from(text, 'hex');
	} else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) {
		const decoded = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
		if (decoded.length === 32) key = decoded;
	}
	if (!key) {
		throw new TokenKeyError(`${variable} deve ter 32 bytes, em 64 caracteres hexadecimais ou em base64`);
	}
	return { id: tokenKeyId(key), key };
}

/** First 8 hex characters of sha256(key): identifies a key without revealing it. */
export function tokenKeyId(key: Buffer): string {
	return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

export function ciphertextKeyId(ciphertext: string): string | undefined {
	const parts = ciphertext.split(':');
	return parts.length === 5 && parts[0] === FORMAT ? parts[1] : undefined;
}

export class TokenCipher {
	readonly current: TokenKey;
	private readonly keys = new Map<string, Buffer>();

	constructor(current: TokenKey, previous: TokenKey[] = []) {
		this.current = current;
		for (const key of [current, ...previous]) this.keys.set(key.id, key.key);
	}

	/** From `VIANG_TOKEN_KEY` (current) and `VIANG_TOKEN_KEY_PREVIOUS` (comma-separated old keys). */
	static fromEnv(env: NodeJS.ProcessEnv = process.env): TokenCipher {
		const current = env.VIANG_TOKEN_KEY;
		if (!current) {
			throw new TokenKeyError('VIANG_TOKEN_KEY não está definida: é a chave que cifra os tokens no banco');
		}
		const previous = (env.VIANG_TOKEN_KEY_PREVIOUS ?? '')
			.split(',')
			.map((value) => value.trim())
			.filter((value) => value.length > 0)
			.map((value) => parseTokenKey(value, 'VIANG_TOKEN_KEY_PREVIOUS'));
		return new TokenCipher(parseTokenKey(current), previous);
	}

	get keyIds(): string[] {
		return [...this.keys.keys()];
	}

	encrypt(plaintext: string): string {
		const iv = randomBytes(IV_BYTES);
		const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
		const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
		const tag = cipher.getAuthTag();
		return [FORMAT, this.current.id, iv.toString('base64'), tag.toString('base64'), body.toString('base64')].join(':');
	}

	decrypt(ciphertext: string): string {
		const parts = ciphertext.split(':');
		if (parts.length !== 5 || parts[0] !== FORMAT) {
			throw new TokenKeyError('Segredo cifrado em formato desconhecido');
		}
		const [, keyId, iv, tag, body] = parts;
		const key = this.keys.get(keyId);
		if (!key) {
			throw new TokenKeyError(
				`Segredo cifrado com a chave ${keyId}, que não está em VIANG_TOKEN_KEY nem em VIANG_TOKEN_KEY_PREVIOUS`,
			);
		}
		try {
			const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
			decipher.setAuthTag(Buffer.from(tag, 'base64'));
			return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
		} catch {
			throw new TokenKeyError(`Segredo cifrado com a chave ${keyId} não pôde ser decifrado (dado alterado?)`);
		}
	}

	/** True when the ciphertext was made with an older key. */
	needsRotation(ciphertext: string): boolean {
		return ciphertextKeyId(ciphertext) !== this.current.id;
	}
}
