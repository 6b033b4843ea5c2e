import type { INodeProperties } from 'n8n-workflow';
import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['stock'] } },
		options: [{ name: 'Get Many', value: 'getMany', description: 'List SKU stock of one warehouse', action: 'Get many SKU stocks' }],
		default: 'getMany',
	},
	...getMany.description,
];
