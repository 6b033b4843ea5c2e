import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import { withLinkServices } from '../../transport';
import { clientIdProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	clientIdProperty,
	{
		displayName: 'Customer ID',
		name: 'customerId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '123-456-7890',
		description: "The client's Google Ads customer ID (1234567890 or 123-456-7890); stored for the client",
	},
	{
		displayName: 'Requested By',
		name: 'requestedBy',
		type: 'string',
		default: '',
		placeholder: 'e.g. telegram:4242',
		description: "Who asked for the invite, recorded in the link's history (empty: n8n)",
	},
];

export const description = updateDisplayOptions({ show: { resource: ['link'], operation: ['invite'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return withLinkServices(this, (serviceFor) =>
		executePerItem(this, async (i) => {
			const requestedBy = String(this.getNodeParameter('requestedBy', i, '')).trim();
			const result = await serviceFor(requestedBy ? `n8n:${requestedBy}` : 'n8n').invite(
				this.getNodeParameter('clientId', i) as string,
				this.getNodeParameter('customerId', i) as string,
			);
			return result as unknown as IDataObject;
		}),
	);
}
