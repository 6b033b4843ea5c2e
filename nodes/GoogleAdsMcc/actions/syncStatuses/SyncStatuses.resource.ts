import type { INodeProperties } from 'n8n-workflow';
import * as sync from './sync.operation';

export { sync };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['syncStatuses'] } },
		options: [
			{
				name: 'Sync All Clients',
				value: 'sync',
				description: "Refresh every client's link state from Google Ads, record the changes and output the transitions",
				action: 'Sync all link statuses',
			},
		],
		default: 'sync',
	},
	...sync.description,
];
