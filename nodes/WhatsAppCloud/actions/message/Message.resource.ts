import type { INodeProperties } from 'n8n-workflow';
import * as replyByRules from './replyByRules.operation';
import * as sendDailySummary from './sendDailySummary.operation';
import * as sendDeferred from './sendDeferred.operation';
import * as sendTemplate from './sendTemplate.operation';
import * as sendText from './sendText.operation';

export { replyByRules, sendDailySummary, sendDeferred, sendTemplate, sendText };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Reply by Rules',
				value: 'replyByRules',
				description: 'Answer an inbound message with the instance\'s automation rules (keywords, opt-out)',
				action: 'Reply to a message by the rules',
			},
			{
				name: 'Send Daily Summary',
				value: 'sendDailySummary',
				description: 'Send yesterday\'s figures as the approved template the rules name',
				action: 'Send the daily summary',
			},
			{
				name: 'Send Deferred',
				value: 'sendDeferred',
				description: 'Retry the messages Meta asked to send later (131056, 130429)',
				action: 'Send deferred messages',
			},
			{ name: 'Send Template', value: 'sendTemplate', description: 'Send an approved template', action: 'Send a template' },
			{ name: 'Send Text', value: 'sendText', description: 'Send a text message', action: 'Send a text message' },
		],
		default: 'sendText',
	},
	...replyByRules.description,
	...sendDailySummary.description,
	...sendDeferred.description,
	...sendTemplate.description,
	...sendText.description,
];
