import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { MlOrder } from '../../../../domain/mercadolivre/api-types';
import { OrderDateField } from '../../../../domain/mercadolivre/client';
import { annotateOrder } from '../../../../domain/mercadolivre/display';
import { getItemsById } from '../../../../domain/mercadolivre/items';
import { fetchOrders, ORDER_PAGE_SIZE } from '../../../../domain/mercadolivre/orders';
import { parseInstantSp, toSpIso } from '../../../../domain/mercadolivre/time';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import type { MercadoLivreContext } from '../../transport';
import { clientIdProperty, returnAllOrLimit } from '../common.descriptions';

const properties: INodeProperties[] = [
	clientIdProperty,
	{
		displayName: 'Date Field',
		name: 'dateField',
		type: 'options',
		options: [
			{ name: 'Created', value: 'date_created', description: 'When the order was placed' },
			{ name: 'Last Updated', value: 'date_last_updated', description: 'When the order last changed (paid, cancelled, refunded…)' },
		],
		default: 'date_created',
	},
	{
		displayName: 'From',
		name: 'from',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'Start of the window (São Paulo time when no offset is given)',
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'End of the window, included (São Paulo time when no offset is given)',
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Any', value: '' },
			{ name: 'Cancelled', value: 'cancelled' },
			{ name: 'Paid', value: 'paid' },
			{ name: 'Partially Refunded', value: 'partially_refunded' },
		],
		default: '',
	},
	...returnAllOrLimit(),
	{
		displayName: 'Resolve SKUs',
		name: 'resolveSkus',
		type: 'boolean',
		default: false,
		description: 'Whether to add each line\'s SKU (viang_sku) by the Viang SKU rules; reads the items too',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['search'] } }, properties);

export async function execute(this: IExecuteFunctions, ml: MercadoLivreContext): Promise<INodeExecutionData[]> {
	return executePerItem(this, async (i) => {
		const clientId = this.getNodeParameter('clientId', i) as string;
		const field = this.getNodeParameter('dateField', i) as OrderDateField;
		const from = parseInstantSp(String(this.getNodeParameter('from', i)));
		const to = parseInstantSp(String(this.getNodeParameter('to', i)));
		if (to < from) throw new Error('"To" is before "From"');
		const status = (this.getNodeParameter('status', i, '') as string) || undefined;
		const returnAll = this.getNodeParameter('returnAll', i) as boolean;
		const client = ml.client(clientId);
		const sellerId = await ml.sellerId(clientId);
		let orders: MlOrder[] = [];
		if (returnAll) {
			// Windows are halved past the 10,000-offset cap; for long backfills use Warehouse Sync instead.
			await fetchOrders(client, { sellerId, field, window: { from, to }, status, onPage: async (page) => void orders.push(...page) });
			orders.sort((a, b) => Date.parse(a.date_created) - Date.parse(b.date_created));
		} else {
			const limit = this.getNodeParameter('limit', i) as number;
			const seen = new Set<string>();
			for (let offset = 0; orders.length < limit && offset < 10_000; offset += ORDER_PAGE_SIZE) {
				const page = await client.searchOrders({ sellerId, field, from: toSpIso(from), to: toSpIso(to), status, offset, limit: ORDER_PAGE_SIZE });
				for (const order of page.results) {
					if (seen.has(String(order.id)) || orders.length >= limit) continue;
					seen.add(String(order.id));
					orders.push(order);
				}
				if (offset + ORDER_PAGE_SIZE >= page.paging.total) break;
			}
		}
		if (this.getNodeParameter('resolveSkus', i, false) as boolean) {
			const items = await getItemsById(client, orders.flatMap((o) => o.order_items.map((line) => line.item.id)));
			orders = orders.map((order) => annotateOrder(order, items));
		}
		return orders as IDataObject[];
	});
}
