// The OAuth `state` sent to Mercado Livre: `v1.<payload>.<mac>`, payload = base64url JSON
// { i: invite id, e: expiry (unix seconds), n: random nonce }, mac = HMAC-SHA256 over "v1.<payload>".
// It cannot be forged (HMAC), it expires, and replay is stopped by the invite itself: it is used
// once, at the callback.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const VERSION = 'v1';
/** Time the seller has on Mercado Livre's page (login included) before the state expires. */
export const STATE_TTL_SECONDS = 30 * 60;

export interface StatePayload {
	inviteId: string;
	expiresAt: Date;
	/** Random when absent; the Bling step keeps it with the invite to use each state once. */
	nonce?: string;
}

export type StateCheck =
	| { ok: true; inviteId: string; expiresAt: Date; nonce: string }
	| { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

export function newStateNonce(): string {
	return randomBytes(12).toString('base64url');
}

function mac(key: Buffer, body: string): Buffer {
	return createHmac('sha256', key).update(body).digest();
}

export function signState(payload: StatePayload, key: Buffer): string {
	const json = JSON.stringify({
		i: payload.inviteId,
		e: Math.floor(payload.expiresAt.getTime() / 1000),
		n: payload.nonce ?? newStateNonce(),
	});
	const body = `${VERSION}.${Buffer.from(json).toString('base64url')}`;
	return `${body}.${mac(key, body).toString('base64url')}`;
}

export function verifyState(state: string | undefined | null, key: Buffer, now: number = Date.now()): StateCheck {
	const parts = String(state ?? '').split('.');
	if (parts.length !== 3 || parts[0] !== VERSION || !parts[1] || !parts[2]) return { ok: false, reason: 'malformed' };
	const body = `${parts[0]}.${parts[1]}`;
	const given = Buffer.from(parts[2], 'base64url');
	const expected = mac(key, body);
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
	let payload: { i?: unknown; e?: unknown; n?: unknown };
	try {
		payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
	} catch {
		return { ok: false, reason: 'malformed' };
	}
	if (typeof payload.i !== 'string' || typeof payload.e !== 'number') return { ok: false, reason: 'malformed' };
	const expiresAt = new Date(payload.e * 1000);
	if (expiresAt.getTime() <= now) return { ok: false, reason: 'expired' };
	return { ok: true, inviteId: payload.i, expiresAt, nonce: typeof payload.n === 'string' ? payload.n : '' };
}
