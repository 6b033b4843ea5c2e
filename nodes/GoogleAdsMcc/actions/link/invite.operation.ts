import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { googleAdsStaffFailure } from '../../../../domain/googleads';
import { executePerItem, failEveryItem } from '../../../shared/execute';
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
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Requested By',
				name: 'requestedBy',
				type: 'string',
				default: '',
				placeholder: 'e.g. telegram:42 (@joana)',
				description: 'Who asked for the invitation; the link history records it next to "n8n"',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['link'], operation: ['invite'] } }, properties);

// Failed items also carry a pt-BR message and whether it was the input (see executePerItem).
const options = { staffFailure: googleAdsStaffFailure };

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	try {
		return await withLinkService(this, (service) =>
			executePerItem(
				this,
				async (i) => {
					const requestedBy = String((this.getNodeParameter('options', i, {}) as IDataObject).requestedBy ?? '').trim();
					const actor = requestedBy ? service.actingAs(`n8n (${requestedBy.slice(0, 100)})`) : service;
					const result = await actor.invite(
						this.getNodeParameter('clientId', i) as string,
						this.getNodeParameter('customerId', i) as string,
					);
					return result as unknown as IDataObject;
				},
				options,
			),
		);
	} catch (error) {
		return failEveryItem(this, error, options);
	}
}
