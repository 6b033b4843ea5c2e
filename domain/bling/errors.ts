// Bling's error bodies: {"error":{"type":"VALIDATION_ERROR","message":"…","description":"…","fields":[…]}}
// for the API; the token endpoint answers the same shape with OAuth types (`invalid_grant`), and
// some gateways answer plain OAuth ({"error":"invalid_grant","error_description":"…"}): read both.
import { ApiError, type ProviderErrorInfo } from '../http';

export function describeBlingError(body: unknown): ProviderErrorInfo {
	if (!body || typeof body !== 'object') return typeof body === 'string' ? { message: body.slice(0, 200) } : {};
	const b = body as Record<string, unknown>;
	if (b.error && typeof b.error === 'object') {
		const e = b.error as Record<string, unknown>;
		const parts = [e.message, e.description].filter((p): p is string => typeof p === 'string' && p.trim() !== '');
		const fields = Array.isArray(e.fields)
			? (e.fields as Array<Record<string, unknown>>).map((f) => (typeof f?.msg === 'string' ? f.msg : '')).filter(Boolean)
			: [];
		return {
			code: typeof e.type === 'string' ? e.type : undefined,
			message: [...new Set([...parts, ...fields])].join(' — ') || undefined,
		};
	}
	return {
		code: typeof b.error === 'string' ? b.error : undefined,
		message: typeof b.error_description === 'string' ? b.error_description : typeof b.message === 'string' ? b.message : undefined,
	};
}

/** The token endpoint refused the code or refresh token: only a new authorization helps. */
export function isBlingInvalidGrant(error: unknown): boolean {
	return error instanceof ApiError && (error.code ?? '').toLowerCase() === 'invalid_grant';
}
