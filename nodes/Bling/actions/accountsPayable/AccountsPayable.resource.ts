import type { INodeProperties } from 'n8n-workflow';
import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['accountsPayable'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List accounts payable (contas a pagar) by due, issue or payment date',
				action: 'Get many accounts payable',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
