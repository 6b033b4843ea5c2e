import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { findAdvertiser, forEachAdGroupPage } from '../../../../domain/mercadolivre/ads';
import type { MlAdGroup } from '../../../../domain/mercadolivre/api-types';
import { addDays, assertDay, todaySp } from '../../../../domain/mercadolivre/time';
import { executePerItem } from '../../../shared/execute';
import { toDay, updateDisplayOptions } from '../../../shared/utilities';
import type { MercadoLivreContext } from '../../transport';
import { clientIdProperty, returnAllOrLimit } from '../common.descriptions';

const properties: INodeProperties[] = [
	clientIdProperty,
	{ displayName: 'From', name: 'from', type: 'dateTime', default: '', description: 'First day (default: 7 days ago; at most 90 days back)' },
	{ displayName: 'To', name: 'to', type: 'dateTime', default: '', description: 'Last day, included (default: yesterday)' },
	{
		displayName: 'Include Items',
		name: 'includeItems',
		type: 'boolean',
		default: false,
		description: 'Whether to add the item IDs of each ad group (one more call per group)',
	},
	...returnAllOrLimit(),
];

export const description = updateDisplayOptions({ show: { resource: ['productAds'], operation: ['getAdGroupMetrics'] } }, properties);

export async function execute(this: IExecuteFunctions, ml: MercadoLivreContext): Promise<INodeExecutionData[]> {
	return executePerItem(this, async (i) => {
		const clientId = this.getNodeParameter('clientId', i) as string;
		const yesterday = addDays(todaySp(), -1);
		const to = assertDay(toDay(this.getNodeParameter('to', i, '')) ?? yesterday, 'To');
		const from = assertDay(toDay(this.getNodeParameter('from', i, '')) ?? addDays(to, -6), 'From');
		const returnAll = this.getNodeParameter('returnAll', i) as boolean;
		const max = returnAll ? undefined : (this.getNodeParameter('limit', i) as number);
		const includeItems = this.getNodeParameter('includeItems', i, false) as boolean;
		const client = ml.client(clientId);
		const advertiser = await findAdvertiser(client);
		if (!advertiser) return [];
		const groups: MlAdGroup[] = [];
		await forEachAdGroupPage(client, advertiser, from, to, async (page) => void groups.push(...page), { max });
		const out: IDataObject[] = [];
		for (const group of groups) {
			const row: IDataObject = { ...(group as IDataObject), advertiser_id: advertiser.advertiser_id, date_from: from, date_to: to };
			if (includeItems) row.item_ids = await client.getAdGroupItemIds({ siteId: advertiser.site_id, adGroupId: String(group.id) });
			out.push(row);
		}
		return out;
	});
}
