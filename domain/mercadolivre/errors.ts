// Mercado Livre's error bodies: {message, error, status, cause[]} for the API and
// {error, error_description, status} for OAuth.
import type { ProviderErrorInfo } from '../http';

export function describeMlError(body: unknown): ProviderErrorInfo {
	if (!body || typeof body !== 'object') return typeof body === 'string' ? { message: body.slice(0, 200) } : {};
	const b = body as Record<string, unknown>;
	const code = typeof b.error === 'string' ? b.error : undefined;
	const message =
		typeof b.error_description === 'string' ? b.error_description : typeof b.message === 'string' ? b.message : undefined;
	return { code, message };
}
