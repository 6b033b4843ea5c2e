// JWT HS256 with node:crypto: Metabase signed embedding needs nothing more, so no dependency.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type JwtPayload = Record<string, unknown>;

export class JwtError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'JwtError';
	}
}

function base64url(input: Buffer | string): string {
	return Buffer.from(input).toString('base64url');
}

function hmac(secret: string | Buffer, data: string): Buffer {
	return createHmac('sha256', secret).update(data).digest();
}

/** `header.payload.signature`, header `{"alg":"HS256","typ":"JWT"}`. */
export function signHs256(payload: JwtPayload, secret: string | Buffer): string {
	if (secret.length === 0) throw new JwtError('empty signing secret');
	const signingInput = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify(payload))}`;
	return `${signingInput}.${base64url(hmac(secret, signingInput))}`;
}

/**
 * Verifies signature, algorithm and `exp` (seconds), and returns the payload. Used by tests and by
 * anyone checking a link before handing it out.
 */
export function verifyHs256(token: string, secret: string | Buffer, nowMs: number = Date.now()): JwtPayload {
	const parts = token.split('.');
	if (parts.length !== 3) throw new JwtError('malformed token');
	const [header64, payload64, signature64] = parts;
	let header: { alg?: unknown };
	let payload: JwtPayload;
	try {
		header = JSON.parse(Buffer.from(header64, 'base64url').toString('utf8'));
		payload = JSON.parse(Buffer.from(payload64, 'base64url').toString('utf8'));
	} catch {
		throw new JwtError('malformed token');
	}
	// Only HS256: never let the token choose a weaker algorithm ("none").
	if (header.alg !== 'HS256') throw new JwtError('unexpected algorithm');
	const expected = hmac(secret, `${header64}.${payload64}`);
	const actual = Buffer.from(signature64, 'base64url');
	if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw new JwtError('bad signature');
	if (typeof payload.exp === 'number' && payload.exp * 1000 <= nowMs) throw new JwtError('token expired');
	return payload;
}
