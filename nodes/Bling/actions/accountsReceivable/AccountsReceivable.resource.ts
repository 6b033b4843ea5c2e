import type { INodeProperties } from 'n8n-workflow';
import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['accountsReceivable'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List accounts receivable (contas a receber) by due, issue or receipt date',
				action: 'Get many accounts receivable',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
