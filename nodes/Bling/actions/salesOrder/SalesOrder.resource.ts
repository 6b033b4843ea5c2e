import type { INodeProperties } from 'n8n-workflow';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { get, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['salesOrder'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get a sales order by ID', action: 'Get a sales order' },
			{ name: 'Get Many', value: 'getMany', description: 'List sales orders of a date range', action: 'Get many sales orders' },
		],
		default: 'getMany',
	},
	...get.description,
	...getMany.description,
];
