// Product Ads through the current API (the legacy endpoints answer 404 since 26/02/2026):
// advertiser lookup (Api-Version 1), ad-group search with daily metrics (api-version 2), and the
// items of each ad group. Ad groups are the finest granularity: FAMILY/CATALOG groups hold several
// items with no per-item split.
import type { MlAdGroup, MlAdvertiser } from './api-types';
import { MercadoLivreClient, ML_SITE } from './client';

export const AD_GROUP_PAGE_SIZE = 50;

/** The seller's Product Ads advertiser on MLB, or null when it has none (no Product Ads account/permission). */
export async function findAdvertiser(client: MercadoLivreClient): Promise<MlAdvertiser | null> {
	const advertisers = await client.getAdvertisers();
	return advertisers.find((a) => a.site_id === ML_SITE) ?? advertisers[0] ?? null;
}

/** Every ad group with its daily metrics in [dateFrom, dateTo], page by page. */
export async function forEachAdGroupPage(
	client: MercadoLivreClient,
	advertiser: MlAdvertiser,
	dateFrom: string,
	dateTo: string,
	onPage: (groups: MlAdGroup[]) => Promise<void>,
	options: { max?: number } = {},
): Promise<number> {
	let count = 0;
	for (let offset = 0; ; offset += AD_GROUP_PAGE_SIZE) {
		const page = await client.searchAdGroups({
			siteId: advertiser.site_id,
			advertiserId: String(advertiser.advertiser_id),
			dateFrom,
			dateTo,
			offset,
			limit: AD_GROUP_PAGE_SIZE,
		});
		const groups = options.max === undefined ? page.results : page.results.slice(0, options.max - count);
		count += groups.length;
		if (groups.length > 0) await onPage(groups);
		if (page.results.length === 0 || offset + AD_GROUP_PAGE_SIZE >= page.paging.total) return count;
		if (options.max !== undefined && count >= options.max) return count;
	}
}
