import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { MlSyncPart, syncClient } from '../../../../domain/mercadolivre/etl';
import { addDays, assertDay, todaySp } from '../../../../domain/mercadolivre/time';
import { InvalidGrantError } from '../../../../domain/warehouse';
import { executePerItem } from '../../../shared/execute';
import { toDay, updateDisplayOptions } from '../../../shared/utilities';
import type { MercadoLivreContext } from '../../transport';
import { clientIdProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	clientIdProperty,
	{
		displayName: 'Sources',
		name: 'sources',
		type: 'multiOptions',
		options: [
			{ name: 'Items', value: 'items' },
			{ name: 'Orders', value: 'orders' },
			{ name: 'Product Ads', value: 'ads' },
			{ name: 'Visits', value: 'visits' },
		],
		default: ['orders', 'items', 'visits', 'ads'],
	},
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		options: [
			{ name: 'Full', value: 'full', description: 'Everything created in the date range' },
			{
				name: 'Incremental',
				value: 'incremental',
				description: 'Orders updated since the last successful sync; recent visits and ads',
			},
		],
		default: 'incremental',
	},
	{
		displayName: 'From',
		name: 'from',
		type: 'dateTime',
		default: '',
		description: 'First day (default: 90 days ago); incremental runs use it only before their first success',
	},
	{ displayName: 'To', name: 'to', type: 'dateTime', default: '', description: 'Last day, included (default: today)' },
];

export const description = updateDisplayOptions({ show: { resource: ['warehouseSync'], operation: ['syncClient'] } }, properties);

export async function execute(this: IExecuteFunctions, ml: MercadoLivreContext): Promise<INodeExecutionData[]> {
	return executePerItem(this, async (i) => {
		const clientId = String(this.getNodeParameter('clientId', i)).trim();
		const sources = this.getNodeParameter('sources', i) as MlSyncPart[];
		const mode = this.getNodeParameter('mode', i) as 'full' | 'incremental';
		const to = assertDay(toDay(this.getNodeParameter('to', i, '')) ?? todaySp(), 'To');
		const from = assertDay(toDay(this.getNodeParameter('from', i, '')) ?? addDays(to, -89), 'From');
		// Pages go straight into the warehouse; only this summary becomes execution data.
		const summary = await syncClient({
			warehouse: ml.warehouse,
			app: ml.app,
			clientId,
			from,
			to,
			sources,
			mode,
			client: ml.client(clientId),
			invalidGrant: (message) => new InvalidGrantError(message),
		});
		return summary as unknown as IDataObject;
	});
}
