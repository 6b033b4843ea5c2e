import type { INodeProperties } from 'n8n-workflow';
import * as getClientLink from './getClientLink.operation';

export { getClientLink };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['dashboard'] } },
		options: [
			{
				name: 'Get Client Link',
				value: 'getClientLink',
				description: "A signed link to a client's dashboard that shows only that client's data",
				action: 'Get a client dashboard link',
			},
		],
		default: 'getClientLink',
	},
	...getClientLink.description,
];
