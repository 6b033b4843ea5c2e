import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { answerInbound } from '../../../../domain/whatsapp';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import type { WhatsAppContext } from '../../transport';

// Defaults read the WhatsApp Cloud Trigger's items, so trigger → this node needs no setup.
const properties: INodeProperties[] = [
	{
		displayName: 'Instance',
		name: 'instance',
		type: 'string',
		default: '={{ $json.instanceId }}',
		required: true,
		description: 'The instance that received the message (ID or phone number ID)',
	},
	{
		displayName: 'From',
		name: 'from',
		type: 'string',
		default: '={{ $json.from }}',
		required: true,
		description: 'WhatsApp ID of the contact who wrote',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		default: '={{ $json.text }}',
		description: 'What the contact wrote; items without text (statuses, media) are answered with nothing',
	},
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		default: '={{ $json.messageId }}',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['replyByRules'] } }, properties);

export async function execute(this: IExecuteFunctions, wa: WhatsAppContext): Promise<INodeExecutionData[]> {
	return executePerItem(this, async (i) => {
		const result = await answerInbound(
			{ store: wa.store, sender: wa.sender },
			{
				instance: String(this.getNodeParameter('instance', i) ?? ''),
				from: String(this.getNodeParameter('from', i) ?? ''),
				text: (this.getNodeParameter('text', i, '') as string | null) ?? '',
				messageId: String(this.getNodeParameter('messageId', i, '') ?? '') || undefined,
			},
		);
		return result as unknown as IDataObject;
	});
}
