// fetch with a per-attempt timeout: a hung connection must fail the attempt, not the whole run.
export class FetchTimeoutError extends Error {
	constructor(readonly timeoutMs: number) {
		super(`no response within ${timeoutMs} ms`);
		this.name = 'FetchTimeoutError';
	}
}

export interface TimedResponse {
	status: number;
	headers: Headers;
	/** The body as text (read inside the timeout so a stalled body also times out). */
	text: string;
}

export async function fetchWithTimeout(
	url: string,
	init: RequestInit,
	timeoutMs: number,
	fetchImpl: typeof fetch = fetch,
): Promise<TimedResponse> {
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(new FetchTimeoutError(timeoutMs)), timeoutMs);
	try {
		const response = await fetchImpl(url, { ...init, signal: controller.signal });
		const text = await response.text();
		return { status: response.status, headers: response.headers, text };
	} catch (error) {
		if (controller.signal.aborted) throw new FetchTimeoutError(timeoutMs);
		throw error;
	} finally {
		clearTimeout(timer);
	}
}
