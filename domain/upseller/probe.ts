// Credential test of `upSellerApi`: the credential holds no secret (clients' tokens are in the
// vault), so the test proves the base URL reaches UpSeller's Open API: an unauthenticated list call
// must come back as UpSeller's JSON envelope (any code).
import { fetchWithTimeout } from '../http';
import { baseUrlOf, UPSELLER_PATHS, type UpSellerConfig } from './config';

export async function probeUpSeller(config: UpSellerConfig, timeoutMs = 10_000): Promise<{ ok: boolean; message: string }> {
	const url = `${baseUrlOf(config)}/${UPSELLER_PATHS.warehouses}`;
	try {
		const response = await fetchWithTimeout(
			url,
			{ method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ pageNo: 1, pageSize: 1 }) },
			timeoutMs,
		);
		let body: unknown;
		try {
			body = JSON.parse(response.text);
		} catch {
			body = undefined;
		}
		if (body && typeof body === 'object' && 'code' in body) return { ok: true, message: `UpSeller's Open API answers at ${baseUrlOf(config)}` };
		return { ok: false, message: `${url} answered HTTP ${response.status} without UpSeller's JSON envelope: check the base URL` };
	} catch (error) {
		return { ok: false, message: `Could not reach ${url}: ${error instanceof Error ? error.message : String(error)}` };
	}
}
