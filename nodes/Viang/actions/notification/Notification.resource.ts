import type { INodeProperties } from 'n8n-workflow';
import * as send from './send.operation';

export { send };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['notification'] } },
		options: [
			{
				name: 'Send',
				value: 'send',
				description: 'Tell staff something through the notification hook (the Telegram bot delivers it)',
				action: 'Send a staff notification',
			},
		],
		default: 'send',
	},
	...send.description,
];
