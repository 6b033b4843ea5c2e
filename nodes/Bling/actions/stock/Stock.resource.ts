import type { INodeProperties } from 'n8n-workflow';
import * as getBalances from './getBalances.operation';

export { getBalances };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['stock'] } },
		options: [
			{
				name: 'Get Balances',
				value: 'getBalances',
				description: 'Get the physical and virtual stock balance of products, per depósito',
				action: 'Get stock balances',
			},
		],
		default: 'getBalances',
	},
	...getBalances.description,
];
