import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import { withLinkService } from '../../transport';
import { clientIdProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	clientIdProperty,
	{
		displayName: 'Refresh From Google Ads',
		name: 'refresh',
		type: 'boolean',
		default: true,
		description: 'Whether to read the current state from Google Ads (and record a change) instead of the stored one',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['link'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return withLinkService(this, (service) =>
		executePerItem(this, async (i) => {
			const result = await service.get(this.getNodeParameter('clientId', i) as string, {
				refresh: this.getNodeParameter('refresh', i, true) as boolean,
			});
			return result as unknown as IDataObject;
		}),
	);
}
