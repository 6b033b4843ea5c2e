import type { INodeProperties } from 'n8n-workflow';
import * as finish from './finish.operation';
import * as planSources from './planSources.operation';
import * as recordSource from './recordSource.operation';
import * as settleClient from './settleClient.operation';
import * as startSource from './startSource.operation';

export { finish, planSources, recordSource, settleClient, startSource };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['clientEtl'] } },
		options: [
			{
				name: 'Finish',
				value: 'finish',
				description: 'Close the run: overall status, its run log row, the client\'s status (ready, or back to authorized with staff told)',
				action: 'Finish a client ETL run',
			},
			{
				name: 'Plan Sources',
				value: 'planSources',
				description: 'Check the inputs and decide which sources run (named ones, or every source the client is connected to)',
				action: 'Plan a client ETL run',
			},
			{
				name: 'Record Source',
				value: 'recordSource',
				description: 'Close a source\'s run log row with what its sync answered (rows or error)',
				action: 'Record a source result',
			},
			{
				name: 'Settle Client',
				value: 'settleClient',
				description: 'After calling client-etl: a client whose load failed without an answer goes back to authorized, staff told',
				action: 'Settle the client after a client ETL call',
			},
			{
				name: 'Start Source',
				value: 'startSource',
				description: 'Open a source\'s run log row before its sync',
				action: 'Start a source',
			},
		],
		default: 'planSources',
	},
	...finish.description,
	...planSources.description,
	...recordSource.description,
	...settleClient.description,
	...startSource.description,
];
