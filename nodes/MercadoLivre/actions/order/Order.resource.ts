import type { INodeProperties } from 'n8n-workflow';
import * as get from './get.operation';
import * as search from './search.operation';

export { get, search };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get an order by ID', action: 'Get an order' },
			{
				name: 'Search',
				value: 'search',
				description: 'Search orders created or updated in a date window',
				action: 'Search orders',
			},
		],
		default: 'search',
	},
	...get.description,
	...search.description,
];
