// Which sources a client-etl run loads. `sources` names them (a comma-separated string or an
// array); empty means every source the client is connected to: Mercado Livre always, Bling and
// UpSeller when their credentials are in the vault and usable. Mercado Livre and Bling parts may
// be named too (`orders,ads`, `bling.stock`), as `viang etl run --sources` accepts.
import { BLING_SYNC_PARTS, type BlingSyncPart } from '../bling/etl';
import { ML_SYNC_PARTS, type MlSyncPart } from '../mercadolivre/etl';
import type { CredentialSummary } from '../warehouse/types';

export type EtlSource = 'mercadolivre' | 'bling' | 'upseller';
/** In the order a run loads them (Mercado Livre first: it is what makes a client `ready`). */
export const ETL_SOURCES: readonly EtlSource[] = ['mercadolivre', 'bling', 'upseller'];

export const SOURCE_NAMES: Record<EtlSource, string> = { mercadolivre: 'Mercado Livre', bling: 'Bling', upseller: 'UpSeller' };

export class UnknownEtlSourceError extends Error {
	constructor(readonly unknown: string[]) {
		super(
			`Unknown source${unknown.length > 1 ? 's' : ''} ${unknown.map((s) => `"${s.slice(0, 40)}"`).join(', ')}: use mercadolivre, bling or upseller ` +
				'(comma-separated, or parts such as orders,items,visits,ads, bling.stock, bling.finance), or leave it empty for every connected source',
		);
		this.name = 'UnknownEtlSourceError';
	}
}

export interface RequestedSources {
	/** False when nothing was named: every connected source runs. */
	explicit: boolean;
	sources: EtlSource[];
	mlParts: MlSyncPart[];
	blingParts: BlingSyncPart[];
}

/** The names in a `sources` input: a string (commas, spaces or semicolons) or an array of them. */
export function sourceNames(value: unknown): string[] {
	if (value === undefined || value === null) return [];
	const list = Array.isArray(value) ? value : [value];
	return list
		.flatMap((entry) => (typeof entry === 'string' ? entry.split(/[,;\s]+/) : [String(entry)]))
		.map((name) => name.trim().toLowerCase())
		.filter(Boolean);
}

/** Throws UnknownEtlSourceError (naming every bad name) before anything runs. */
export function parseEtlSources(value: unknown): RequestedSources {
	const names = sourceNames(value);
	if (names.length === 0) return { explicit: false, sources: [...ETL_SOURCES], mlParts: [...ML_SYNC_PARTS], blingParts: [...BLING_SYNC_PARTS] };
	const ml = new Set<MlSyncPart>();
	const bling = new Set<BlingSyncPart>();
	let upseller = false;
	const unknown: string[] = [];
	for (const name of names) {
		const part = name.replace(/^(mercadolivre|ml)\./, '');
		if (name === 'mercadolivre' || name === 'ml') ML_SYNC_PARTS.forEach((p) => ml.add(p));
		else if ((ML_SYNC_PARTS as readonly string[]).includes(part)) ml.add(part as MlSyncPart);
		else if (name === 'bling') BLING_SYNC_PARTS.forEach((p) => bling.add(p));
		else if (name === 'bling.stock' || name === 'bling.finance') bling.add(name.slice(6) as BlingSyncPart);
		else if (name === 'upseller') upseller = true;
		else unknown.push(name);
	}
	if (unknown.length > 0) throw new UnknownEtlSourceError(unknown);
	const sources = ETL_SOURCES.filter((s) => (s === 'mercadolivre' ? ml.size > 0 : s === 'bling' ? bling.size > 0 : upseller));
	return {
		explicit: true,
		sources,
		mlParts: ML_SYNC_PARTS.filter((p) => ml.has(p)),
		blingParts: BLING_SYNC_PARTS.filter((p) => bling.has(p)),
	};
}

/** The canonical text of a request: '' for every connected source, else names and parts. */
export function formatEtlSources(requested: RequestedSources): string {
	if (!requested.explicit) return '';
	const names: string[] = [];
	if (requested.sources.includes('mercadolivre')) {
		names.push(...(requested.mlParts.length === ML_SYNC_PARTS.length ? ['mercadolivre'] : requested.mlParts));
	}
	if (requested.sources.includes('bling')) {
		names.push(...(requested.blingParts.length === BLING_SYNC_PARTS.length ? ['bling'] : requested.blingParts.map((p) => `bling.${p}`)));
	}
	if (requested.sources.includes('upseller')) names.push('upseller');
	return names.join(',');
}

export type Connection = 'connected' | 'not_connected' | 'needs_reauth';

/**
 * Whether a client can be loaded from a source: Mercado Livre always (every client has it; a
 * missing token fails loudly in the run), Bling and UpSeller when the vault holds their
 * credentials, not flagged needs_reauth (a dead Bling token would fail every night until the
 * client authorizes again: it is reported as skipped instead).
 */
export function connectionOf(source: EtlSource, credentials: readonly CredentialSummary[]): Connection {
	if (source === 'mercadolivre') return 'connected';
	const credential = credentials.find((c) => c.provider === source);
	if (!credential) return 'not_connected';
	return credential.needsReauth ? 'needs_reauth' : 'connected';
}
