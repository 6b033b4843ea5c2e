import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import type { BlingContext } from '../../transport';
import { clientIdProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	clientIdProperty,
	{
		displayName: 'Product IDs',
		name: 'productIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 16062341937, 16062341938',
		description: 'Bling product IDs, separated by commas',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['stock'], operation: ['getBalances'] } }, properties);

export async function execute(this: IExecuteFunctions, bling: BlingContext): Promise<INodeExecutionData[]> {
	return executePerItem(this, async (i) => {
		const clientId = this.getNodeParameter('clientId', i) as string;
		const ids = String(this.getNodeParameter('productIds', i))
			.split(/[\s,;]+/)
			.map((id) => id.trim())
			.filter(Boolean);
		if (ids.length === 0) throw new Error('No product IDs given');
		if (ids.some((id) => !/^\d+$/.test(id))) throw new Error('Product IDs must be numbers separated by commas');
		// One item per product: total physical and virtual balance, and the balance per depósito.
		return (await bling.client(clientId).getStockBalances(ids)) as unknown as IDataObject[];
	});
}
