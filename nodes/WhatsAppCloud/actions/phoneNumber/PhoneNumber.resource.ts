import type { INodeProperties } from 'n8n-workflow';
import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['phoneNumber'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the numbers of the app\'s WhatsApp Business Accounts, with the client that uses each',
				action: 'Get many phone numbers',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
