// Bling signs each webhook: X-Bling-Signature-256 = "sha256=" + hex HMAC-SHA256 of the raw body,
// keyed with the app's client secret. Compare in constant time, over the bytes as received.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const BLING_SIGNATURE_HEADER = 'x-bling-signature-256';

export function signBlingBody(rawBody: Buffer | string, clientSecret: string): string {
	return `sha256=${createHmac('sha256', clientSecret).update(rawBody).digest('hex')}`;
}

export function verifyBlingSignature(rawBody: Buffer | string | undefined, header: string | string[] | undefined, clientSecret: string): boolean {
	if (rawBody === undefined || !clientSecret) return false;
	const value = Array.isArray(header) ? header[0] : header;
	if (!value) return false;
	const received = value.trim().replace(/^sha256=/i, '').toLowerCase();
	if (!/^[0-9a-f]{64}$/.test(received)) return false;
	const expected = signBlingBody(rawBody, clientSecret).slice('sha256='.length);
	return timingSafeEqual(Buffer.from(received, 'hex'), Buffer.from(expected, 'hex'));
}
