import type { INodeProperties } from 'n8n-workflow';
import * as item from './item/Item.resource';
import * as order from './order/Order.resource';
import * as productAds from './productAds/ProductAds.resource';
import * as user from './user/User.resource';
import * as visits from './visits/Visits.resource';
import * as warehouseSync from './warehouseSync/WarehouseSync.resource';

// The node's resources and operations (node metadata and credentials are in MercadoLivre.node.ts).
export const versionProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Item', value: 'item' },
			{ name: 'Order', value: 'order' },
			{ name: 'Product Ad', value: 'productAds' },
			{ name: 'User', value: 'user' },
			{ name: 'Visit', value: 'visits' },
			{ name: 'Warehouse Sync', value: 'warehouseSync' },
		],
		default: 'order',
	},
	...item.description,
	...order.description,
	...productAds.description,
	...user.description,
	...visits.description,
	...warehouseSync.description,
];
