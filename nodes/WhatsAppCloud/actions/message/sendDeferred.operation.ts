import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import type { WhatsAppContext } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Instance',
		name: 'instance',
		type: 'string',
		default: '',
		description: 'Only this instance (ID or phone number ID); empty retries every instance\'s messages',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['sendDeferred'] } }, properties);

export async function execute(this: IExecuteFunctions, wa: WhatsAppContext): Promise<INodeExecutionData[]> {
	return executePerItem(this, async (i) => {
		const reference = String(this.getNodeParameter('instance', i, '')).trim();
		const instanceId = reference ? (await wa.store.requireInstance(reference)).id : undefined;
		const outcomes = await wa.sender.resendDue(
			(id) => wa.store.requireInstance(id),
			instanceId,
			this.getNodeParameter('limit', i, 50) as number,
		);
		return outcomes as unknown as IDataObject[];
	});
}
