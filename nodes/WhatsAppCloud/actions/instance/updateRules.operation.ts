import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { parseRules } from '../../../../domain/whatsapp';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import type { WhatsAppContext } from '../../transport';
import { instanceProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	instanceProperty,
	{
		displayName: 'Rules (JSON)',
		name: 'rules',
		type: 'json',
		default: '{\n  "keywordReplies": [{ "keywords": ["vendas"], "action": "sales_yesterday" }],\n  "optOut": { "keywords": ["sair"] }\n}',
		required: true,
		description: 'The whole rule set (replaces the current one); validated before it is saved. See docs/whatsapp.md.',
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Active', value: 'active', description: 'Rules answer messages and the daily summary is sent' },
			{ name: 'Keep Current', value: 'keep' },
			{ name: 'Paused', value: 'paused', description: 'Automation stops; manual sends still work' },
		],
		default: 'keep',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['instance'], operation: ['updateRules'] } }, properties);

export async function execute(this: IExecuteFunctions, wa: WhatsAppContext): Promise<INodeExecutionData[]> {
	return executePerItem(this, async (i) => {
		const instance = await wa.store.requireInstance(String(this.getNodeParameter('instance', i)));
		const rules = parseRules(this.getNodeParameter('rules', i) as unknown);
		const status = this.getNodeParameter('status', i, 'keep') as 'active' | 'paused' | 'keep';
		const updated = await wa.store.updateInstance(instance.id, {
			rules: rules as unknown as Record<string, unknown>,
			status: status === 'keep' ? undefined : status,
		});
		return updated as unknown as IDataObject;
	});
}
