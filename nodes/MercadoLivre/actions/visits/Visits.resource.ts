import type { INodeProperties } from 'n8n-workflow';
import * as get from './get.operation';

export { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['visits'] } },
		options: [{ name: 'Get', value: 'get', description: 'Get an item\'s visits per day', action: 'Get item visits per day' }],
		default: 'get',
	},
	...get.description,
];
