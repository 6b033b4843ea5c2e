// Meta signs every webhook delivery: X-Hub-Signature-256: sha256=<hex HMAC-SHA256(raw body, app secret)>.
// Only the raw bytes prove anything: a re-serialised JSON body differs in spacing and escapes.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-hub-signature-256';

export function signBody(rawBody: Buffer | string, appSecret: string): string {
	return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

export type SignatureCheck = { valid: true } | { valid: false; reason: 'missing' | 'malformed' | 'mismatch' | 'no_secret' | 'no_body' };

export function verifySignature(rawBody: Buffer | string | undefined, header: unknown, appSecret: string): SignatureCheck {
	if (!appSecret) return { valid: false, reason: 'no_secret' };
	const value = Array.isArray(header) ? header[0] : header;
	if (typeof value !== 'string' || value.trim() === '') return { valid: false, reason: 'missing' };
	const match = /^sha256=([0-9a-f]{64})$/i.exec(value.trim());
	if (!match) return { valid: false, reason: 'malformed' };
	if (rawBody === undefined) return { valid: false, reason: 'no_body' };
	const expected = createHmac('sha256', appSecret).update(rawBody).digest();
	const given = Buffer.from(match[1].toLowerCase(), 'hex');
	// Constant time: the comparison must not tell an attacker how many bytes were right.
	return timingSafeEqual(expected, given) ? { valid: true } : { valid: false, reason: 'mismatch' };
}
