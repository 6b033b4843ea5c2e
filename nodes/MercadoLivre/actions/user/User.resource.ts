import type { INodeProperties } from 'n8n-workflow';
import * as getMe from './getMe.operation';

export { getMe };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Get Me',
				value: 'getMe',
				description: 'Get the Mercado Livre account the client authorized',
				action: 'Get the authorized account',
			},
		],
		default: 'getMe',
	},
	...getMe.description,
];
