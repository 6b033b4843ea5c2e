import type { INodeProperties } from 'n8n-workflow';
import * as syncClient from './syncClient.operation';

export { syncClient };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['warehouseSync'] } },
		options: [
			{
				name: 'Sync Client',
				value: 'syncClient',
				description: 'Store a stock snapshot of every UpSeller warehouse of the client in the Viang warehouse',
				action: 'Sync a client into the warehouse',
			},
		],
		default: 'syncClient',
	},
	...syncClient.description,
];
