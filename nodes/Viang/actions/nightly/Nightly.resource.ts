import type { INodeProperties } from 'n8n-workflow';
import * as checkReprocessRequest from './checkReprocessRequest.operation';
import * as listDueClients from './listDueClients.operation';
import * as runClientEtl from './runClientEtl.operation';
import * as summarizeRun from './summarizeRun.operation';

export { checkReprocessRequest, listDueClients, runClientEtl, summarizeRun };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['nightly'] } },
		options: [
			{
				name: 'Check Reprocess Request',
				value: 'checkReprocessRequest',
				description: 'Validate a reprocess request (client, start day) before anything runs',
				action: 'Check a reprocess request',
			},
			{
				name: 'List Due Clients',
				value: 'listDueClients',
				description: 'Every ready client, with the day its incremental sync starts from',
				action: 'List the clients due for the nightly sync',
			},
			{
				name: 'Run Client ETL',
				value: 'runClientEtl',
				description: 'Run the client-etl workflow for every input client, a few at a time; one failure never stops the others',
				action: 'Run client ETL for each client',
			},
			{
				name: 'Summarize Run',
				value: 'summarizeRun',
				description: 'Totals, failures and the staff message of a nightly run',
				action: 'Summarize a nightly run',
			},
		],
		default: 'listDueClients',
	},
	...checkReprocessRequest.description,
	...listDueClients.description,
	...runClientEtl.description,
	...summarizeRun.description,
];
