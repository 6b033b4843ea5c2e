import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import { withLinkService } from '../../transport';
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
];

export const description = updateDisplayOptions({ show: { resource: ['link'], operation: ['invite'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return withLinkService(this, (service) =>
		executePerItem(this, async (i) => {
			const result = await service.invite(
				this.getNodeParameter('clientId', i) as string,
				this.getNodeParameter('customerId', i) as string,
			);
			return result as unknown as IDataObject;
		}),
	);
}
