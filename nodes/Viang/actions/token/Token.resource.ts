import type { INodeProperties } from 'n8n-workflow';
import * as refreshExpiring from './refreshExpiring.operation';

export { refreshExpiring };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['token'] } },
		options: [
			{
				name: 'Refresh Expiring',
				value: 'refreshExpiring',
				description: 'Refresh the provider tokens that expire soon, spaced out per provider',
				action: 'Refresh expiring tokens',
			},
		],
		default: 'refreshExpiring',
	},
	...refreshExpiring.description,
];
