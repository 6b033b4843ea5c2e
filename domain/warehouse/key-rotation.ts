// `viang tokens rotate-key`: re-encrypts every stored secret with the current key. Each swap is
// conditional on the ciphertext still being the one read, so a concurrent refresh is never undone.
import type { TokenCipher } from '../crypto/token-cipher';
import type { WarehouseTransport } from './transport';

export interface RotationResult {
	/** Stored secrets (rows) looked at. */
	checked: number;
	rotated: number;
	alreadyCurrent: number;
	/** Changed by someone else meanwhile (already written with the current key). */
	skipped: number;
	keyId: string;
}

export async function rotateTokenKey(transport: WarehouseTransport, cipher: TokenCipher): Promise<RotationResult> {
	const rows = await transport.rpc<{ kind: string; ref: string; ciphertexts: Array<string | null> }>('wh_secrets_list');
	const result: RotationResult = { checked: rows.length, rotated: 0, alreadyCurrent: 0, skipped: 0, keyId: cipher.current.id };
	// Decrypt everything first: an unknown key id fails the whole run before anything is written.
	const plans = rows.map((row) => ({
		row,
		stale: row.ciphertexts.some((value) => value !== null && cipher.needsRotation(value)),
		plain: row.ciphertexts.map((value) => (value === null ? null : cipher.decrypt(value))),
	}));
	for (const plan of plans) {
		if (!plan.stale) {
			result.alreadyCurrent++;
			continue;
		}
		const updated = await transport.rpc<{ updated: boolean }>('wh_secret_reencrypt', {
			p_kind: plan.row.kind,
			p_ref: plan.row.ref,
			p_old: plan.row.ciphertexts,
			p_new: plan.plain.map((value) => (value === null ? null : cipher.encrypt(value))),
		});
		if (updated[0]?.updated) result.rotated++;
		else result.skipped++;
	}
	return result;
}
