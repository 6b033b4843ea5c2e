import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { templateMessage } from '../../../../domain/whatsapp';
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
	},
	{
		displayName: 'Template Name',
		name: 'templateName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. resumo_diario',
		description: 'An approved template of the instance\'s WABA (Template → Get Many lists them)',
	},
	{ displayName: 'Language', name: 'language', type: 'string', default: 'pt_BR' },
	{
		displayName: 'Body Parameters',
		name: 'bodyParameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		placeholder: 'Add Parameter',
		description: 'Values of {{1}}, {{2}}… in order',
		options: [
			{
				displayName: 'Parameter',
				name: 'parameter',
				values: [{ displayName: 'Text', name: 'text', type: 'string', default: '' }],
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['sendTemplate'] } }, properties);

export async function execute(this: IExecuteFunctions, wa: WhatsAppContext): Promise<INodeExecutionData[]> {
	return executePerItem(this, async (i) => {
		const instance = await wa.store.requireInstance(String(this.getNodeParameter('instance', i)));
		const collection = this.getNodeParameter('bodyParameters', i, {}) as { parameter?: Array<{ text?: string }> };
		const message = templateMessage(
			String(this.getNodeParameter('templateName', i)),
			String(this.getNodeParameter('language', i, 'pt_BR')),
			(collection.parameter ?? []).map((p) => String(p.text ?? '')),
		);
		const outcome = await wa.sender.send(instance, String(this.getNodeParameter('to', i)), message, 'manual');
		return { instanceId: instance.id, clientId: instance.clientId, ...outcome } as IDataObject;
	});
}
