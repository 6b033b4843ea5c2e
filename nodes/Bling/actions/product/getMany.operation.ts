import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { BlingProduct } from '../../../../domain/bling/api-types';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import type { BlingContext } from '../../transport';
import { clientIdProperty, returnAllOrLimit } from '../common.descriptions';
import { maxRecords } from '../helpers';

const properties: INodeProperties[] = [
	clientIdProperty,
	{
		displayName: 'Status',
		name: 'criterio',
		type: 'options',
		options: [
			{ name: 'Active', value: 2 },
			{ name: 'All', value: 5 },
			{ name: 'Inactive', value: 3 },
		],
		default: 2,
		description: 'Which products to list (Bling\'s "criterio")',
	},
	{ displayName: 'SKU', name: 'codigo', type: 'string', default: '', description: 'Only the product with this code (SKU)' },
	...returnAllOrLimit(),
];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, bling: BlingContext): Promise<INodeExecutionData[]> {
	return executePerItem(this, async (i) => {
		const clientId = this.getNodeParameter('clientId', i) as string;
		const criterio = this.getNodeParameter('criterio', i) as number;
		const codigo = (this.getNodeParameter('codigo', i, '') as string).trim();
		const rows = await bling.client(clientId).all<BlingProduct>('produtos.list', '/produtos', { criterio, codigo }, maxRecords(this, i));
		return rows as IDataObject[];
	});
}
