// One error type for every provider call, so nodes, the CLI and the bot can show a clear message
// that names the client and the call, and never a token (see redact.ts).
import { redact } from './redact';

export type ApiErrorKind =
	| 'http' // the provider answered with a non-2xx status
	| 'timeout' // no answer within the call's timeout
	| 'network' // connection refused/reset/dropped
	| 'rate_limited' // 429 and the retry budget ran out
	| 'invalid_response'; // the body was not what we expected

export interface ApiErrorDetails {
	provider: string;
	/** Operation name, e.g. `orders.search`. */
	call: string;
	/** Viang client id the call acted for, when any. */
	clientId?: string;
	kind: ApiErrorKind;
	status?: number;
	/** Provider error code, e.g. `invalid_grant`. */
	code?: string;
	/** Provider's human message (redacted). */
	providerMessage?: string;
	method?: string;
	/** Path only, query stripped: queries may carry secrets. */
	path?: string;
	attempts?: number;
	cause?: unknown;
}

export class ApiError extends Error {
	readonly provider: string;
	readonly call: string;
	readonly clientId?: string;
	readonly kind: ApiErrorKind;
	readonly status?: number;
	readonly code?: string;
	readonly providerMessage?: string;
	readonly method?: string;
	readonly path?: string;
	readonly attempts?: number;

	constructor(details: ApiErrorDetails) {
		super(ApiError.format(details));
		this.name = 'ApiError';
		this.provider = details.provider;
		this.call = details.call;
		this.clientId = details.clientId;
		this.kind = details.kind;
		this.status = details.status;
		this.code = details.code;
		this.providerMessage = details.providerMessage === undefined ? undefined : redact(details.providerMessage);
		this.method = details.method;
		this.path = details.path;
		this.attempts = details.attempts;
		if (details.cause !== undefined) {
			// Keep the cause for debugging, but only its redacted message: causes may quote request options.
			const message = details.cause instanceof Error ? details.cause.message : String(details.cause);
			Object.defineProperty(this, 'cause', { value: redact(message), enumerable: false });
		}
	}

	/** True for errors worth another attempt (5xx, timeouts, dropped connections, 429). */
	get retryable(): boolean {
		if (this.kind === 'timeout' || this.kind === 'network' || this.kind === 'rate_limited') return true;
		return this.kind === 'http' && this.status !== undefined && (this.status >= 500 || this.status === 429);
	}

	static format(d: ApiErrorDetails): string {
		const who = d.clientId ? ` for client ${d.clientId}` : '';
		const where = d.method && d.path ? ` (${d.method} ${d.path})` : '';
		let what: string;
		switch (d.kind) {
			case 'timeout':
				what = 'timed out';
				break;
			case 'network':
				what = 'could not reach the server';
				break;
			case 'rate_limited':
				what = 'was rate limited (429) until the retry budget ran out';
				break;
			case 'invalid_response':
				what = 'returned an unexpected response';
				break;
			default:
				what = `failed with HTTP ${d.status ?? '?'}`;
		}
		const code = d.code ? ` [${d.code}]` : '';
		const message = d.providerMessage ? `: ${d.providerMessage}` : '';
		const attempts = d.attempts && d.attempts > 1 ? ` after ${d.attempts} attempts` : '';
		return redact(`${d.provider} ${d.call}${who}${where} ${what}${attempts}${code}${message}`);
	}

	/** Plain object for logs and n8n items: never includes tokens. */
	toJSON(): Record<string, unknown> {
		return {
			name: this.name,
			message: this.message,
			provider: this.provider,
			call: this.call,
			clientId: this.clientId,
			kind: this.kind,
			status: this.status,
			code: this.code,
		};
	}
}

export function isApiError(error: unknown): error is ApiError {
	return error instanceof ApiError;
}
