import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { addDays, assertDay, todaySp } from '../../../../domain/mercadolivre/time';
import { fetchItemVisits } from '../../../../domain/mercadolivre/visits';
import { executePerItem } from '../../../shared/execute';
import { toDay, updateDisplayOptions } from '../../../shared/utilities';
import type { MercadoLivreContext } from '../../transport';
import { clientIdProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	clientIdProperty,
	{ displayName: 'Item ID', name: 'itemId', type: 'string', default: '', required: true, placeholder: 'e.g. MLB1234567890' },
	{ displayName: 'From', name: 'from', type: 'dateTime', default: '', description: 'First day (default: 30 days ago)' },
	{ displayName: 'To', name: 'to', type: 'dateTime', default: '', description: 'Last day, included (default: yesterday)' },
];

export const description = updateDisplayOptions({ show: { resource: ['visits'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, ml: MercadoLivreContext): Promise<INodeExecutionData[]> {
	return executePerItem(this, async (i) => {
		const clientId = this.getNodeParameter('clientId', i) as string;
		const itemId = String(this.getNodeParameter('itemId', i)).trim();
		const yesterday = addDays(todaySp(), -1);
		const to = assertDay(toDay(this.getNodeParameter('to', i, '')) ?? yesterday, 'To');
		const from = assertDay(toDay(this.getNodeParameter('from', i, '')) ?? addDays(to, -29), 'From');
		if (to < from) throw new Error('"To" is before "From"');
		const rows = await fetchItemVisits(ml.client(clientId), itemId, from, to);
		return rows as unknown as IDataObject[];
	});
}
