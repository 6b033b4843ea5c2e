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
		displayOptions: { show: { resource: ['item'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get a listing with its variations and SKU', action: 'Get an item' },
			{ name: 'Get Many', value: 'getMany', description: 'List the seller\'s listings (scan)', action: 'Get many items' },
		],
		default: 'getMany',
	},
	...get.description,
	...getMany.description,
];
