import type { INodeProperties } from 'n8n-workflow';
import * as stock from './stock/Stock.resource';
import * as warehouse from './warehouse/Warehouse.resource';
import * as warehouseSync from './warehouseSync/WarehouseSync.resource';

export const versionProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Stock', value: 'stock' },
			{ name: 'Warehouse', value: 'warehouse' },
			{ name: 'Warehouse Sync', value: 'warehouseSync' },
		],
		default: 'warehouse',
	},
	...stock.description,
	...warehouse.description,
	...warehouseSync.description,
];
