import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { BlingSyncPart, syncBlingClient } from '../../../../domain/bling/etl';
import { executePerItem } from '../../../shared/execute';
import { toDay, updateDisplayOptions } from '../../../shared/utilities';
import type { BlingContext } from '../../transport';
import { clientIdProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	clientIdProperty,
	{
		displayName: 'Parts',
		name: 'parts',
		type: 'multiOptions',
		options: [
			{ name: 'Finance (Receivables and Payables)', value: 'finance' },
			{ name: 'Stock Snapshot', value: 'stock' },
		],
		default: ['stock', 'finance'],
	},
	{
		displayName: 'From',
		name: 'from',
		type: 'dateTime',
		default: '',
		description: 'First due day of the finance range (default: 180 days ago)',
	},
	{ displayName: 'To', name: 'to', type: 'dateTime', default: '', description: 'Last due day, included (default: 90 days ahead)' },
];

export const description = updateDisplayOptions({ show: { resource: ['warehouseSync'], operation: ['syncClient'] } }, properties);

export async function execute(this: IExecuteFunctions, bling: BlingContext): Promise<INodeExecutionData[]> {
	return executePerItem(this, async (i) => {
		const clientId = String(this.getNodeParameter('clientId', i)).trim();
		const parts = this.getNodeParameter('parts', i) as BlingSyncPart[];
		if (parts.length === 0) throw new Error('Choose at least one part to sync');
		// Rows go straight into the warehouse; only this summary becomes execution data.
		const summary = await syncBlingClient({
			warehouse: bling.warehouse,
			app: bling.app,
			clientId,
			parts,
			from: toDay(this.getNodeParameter('from', i, '')),
			to: toDay(this.getNodeParameter('to', i, '')),
			client: bling.client(clientId),
		});
		return summary as unknown as IDataObject;
	});
}
