import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import type { WhatsAppContext } from '../../transport';
import { returnAllOrLimit, wabaIdProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	wabaIdProperty,
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Any', value: '' },
			{ name: 'Approved', value: 'APPROVED' },
			{ name: 'Paused', value: 'PAUSED' },
			{ name: 'Pending', value: 'PENDING' },
			{ name: 'Rejected', value: 'REJECTED' },
		],
		default: '',
	},
	{ displayName: 'Name Contains', name: 'name', type: 'string', default: '' },
	...returnAllOrLimit(),
];

export const description = updateDisplayOptions({ show: { resource: ['template'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, wa: WhatsAppContext): Promise<INodeExecutionData[]> {
	return executePerItem(this, async (i) => {
		const filter = {
			status: String(this.getNodeParameter('status', i, '')) || undefined,
			name: String(this.getNodeParameter('name', i, '')).trim() || undefined,
		};
		const rows = [];
		for (const wabaId of wa.wabaIds(String(this.getNodeParameter('wabaIds', i, '')))) {
			rows.push(...(await wa.client.listTemplates(wabaId, filter)));
		}
		const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
		const limit = returnAll ? rows.length : (this.getNodeParameter('limit', i, 50) as number);
		return rows.slice(0, limit) as unknown as IDataObject[];
	});
}
