/* eslint-disable n8n-nodes-base/node-filename-against-convention -- n8n's Airtable v2 layout: the description lives here */
import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';
import * as dashboard from './dashboard/Dashboard.resource';
import * as notification from './notification/Notification.resource';

export const versionDescription: INodeTypeDescription = {
	displayName: 'Viang',
	name: 'viang',
	icon: { light: 'file:viang.svg', dark: 'file:viang.dark.svg' },
	group: ['transform'],
	version: 1,
	subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
	description: 'Work with the Viang warehouse: clients, onboarding invites, tokens, run logs and staff notifications',
	defaults: { name: 'Viang' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [
		{ name: 'viangWarehouseApi', required: true, testedBy: 'viangWarehouseConnectionTest' },
		{ name: 'viangMetabaseApi', required: true, displayOptions: { show: { resource: ['dashboard'] } } },
	],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Dashboard', value: 'dashboard' },
				{ name: 'Notification', value: 'notification' },
			],
			default: 'notification',
		},
		...dashboard.description,
		...notification.description,
	],
};
