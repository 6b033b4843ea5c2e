import type { INodeProperties } from 'n8n-workflow';
import * as finish from './finish.operation';
import * as start from './start.operation';

export { finish, start };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['runLog'] } },
		options: [
			{ name: 'Finish', value: 'finish', description: 'Close a run log row with its result', action: 'Finish a run log entry' },
			{ name: 'Start', value: 'start', description: 'Open a run log row (updates_log)', action: 'Start a run log entry' },
		],
		default: 'start',
	},
	...finish.description,
	...start.description,
];
