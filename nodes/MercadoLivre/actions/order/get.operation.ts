import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { annotateOrder } from '../../../../domain/mercadolivre/display';
import { getItemsById } from '../../../../domain/mercadolivre/items';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import type { MercadoLivreContext } from '../../transport';
import { clientIdProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	clientIdProperty,
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 2000003508419013',
	},
	{
		displayName: 'Resolve SKUs',
		name: 'resolveSkus',
		type: 'boolean',
		default: false,
		description: 'Whether to add each line\'s SKU (viang_sku) by the Viang SKU rules; reads the items too',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, ml: MercadoLivreContext): Promise<INodeExecutionData[]> {
	return executePerItem(this, async (i) => {
		const clientId = this.getNodeParameter('clientId', i) as string;
		const orderId = String(this.getNodeParameter('orderId', i)).trim();
		const client = ml.client(clientId);
		let order = await client.getOrder(orderId);
		if (this.getNodeParameter('resolveSkus', i, false) as boolean) {
			const items = await getItemsById(client, order.order_items.map((line) => line.item.id));
			order = annotateOrder(order, items);
		}
		return order as IDataObject;
	});
}
