import type { INodeProperties } from 'n8n-workflow';
import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['template'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the message templates of the app\'s WhatsApp Business Accounts',
				action: 'Get many templates',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
