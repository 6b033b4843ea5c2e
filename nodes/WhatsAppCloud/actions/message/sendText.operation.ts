import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { textMessage } from '../../../../domain/whatsapp';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import type { WhatsAppContext } from '../../transport';
import { instanceProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	instanceProperty,
	{
		displayName: 'To',
		name: 'to',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 5511987654321',
		description: 'WhatsApp number of the contact, with country code. Free text is delivered only within 24 h of the contact\'s last message.',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		description: 'Up to 4096 characters',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['sendText'] } }, properties);

export async function execute(this: IExecuteFunctions, wa: WhatsAppContext): Promise<INodeExecutionData[]> {
	return executePerItem(this, async (i) => {
		const instance = await wa.store.requireInstance(String(this.getNodeParameter('instance', i)));
		const message = textMessage(String(this.getNodeParameter('text', i)));
		const outcome = await wa.sender.send(instance, String(this.getNodeParameter('to', i)), message, 'manual');
		return { instanceId: instance.id, clientId: instance.clientId, ...outcome } as IDataObject;
	});
}
