import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import type { BlingContext } from '../../transport';
import { clientIdProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	clientIdProperty,
	{ displayName: 'Sales Order ID', name: 'salesOrderId', type: 'string', default: '', required: true, placeholder: 'e.g. 12345678' },
];

export const description = updateDisplayOptions({ show: { resource: ['salesOrder'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, bling: BlingContext): Promise<INodeExecutionData[]> {
	return executePerItem(this, async (i) => {
		const clientId = this.getNodeParameter('clientId', i) as string;
		const id = String(this.getNodeParameter('salesOrderId', i)).trim();
		return (await bling.client(clientId).getSalesOrder(id)) as IDataObject;
	});
}
