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
				description: 'Load a client\'s stock snapshot and daily receivables/payables into the Viang warehouse',
				action: 'Sync a client into the warehouse',
			},
		],
		default: 'syncClient',
	},
	...syncClient.description,
];
