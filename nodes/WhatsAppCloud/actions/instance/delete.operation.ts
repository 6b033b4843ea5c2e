import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import type { WhatsAppContext } from '../../transport';
import { instanceProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		...instanceProperty,
		description: 'The instance to delete (its opt-outs and send log go with it); the number stays in the Meta app',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['instance'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, wa: WhatsAppContext): Promise<INodeExecutionData[]> {
	return executePerItem(this, async (i) => {
		const instance = await wa.store.requireInstance(String(this.getNodeParameter('instance', i)));
		const deleted = await wa.store.deleteInstance(instance.id);
		return { deleted, id: instance.id, phoneNumberId: instance.phoneNumberId, clientId: instance.clientId };
	});
}
