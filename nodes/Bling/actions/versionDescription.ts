import type { INodeProperties } from 'n8n-workflow';
import * as accountsPayable from './accountsPayable/AccountsPayable.resource';
import * as accountsReceivable from './accountsReceivable/AccountsReceivable.resource';
import * as product from './product/Product.resource';
import * as salesOrder from './salesOrder/SalesOrder.resource';
import * as stock from './stock/Stock.resource';
import * as warehouseSync from './warehouseSync/WarehouseSync.resource';

// The node's resources and operations (node metadata and credentials are in Bling.node.ts).
export const versionProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Accounts Payable', value: 'accountsPayable' },
			{ name: 'Accounts Receivable', value: 'accountsReceivable' },
			{ name: 'Product', value: 'product' },
			{ name: 'Sales Order', value: 'salesOrder' },
			{ name: 'Stock', value: 'stock' },
			{ name: 'Warehouse Sync', value: 'warehouseSync' },
		],
		default: 'product',
	},
	...accountsPayable.description,
	...accountsReceivable.description,
	...product.description,
	...salesOrder.description,
	...stock.description,
	...warehouseSync.description,
];
