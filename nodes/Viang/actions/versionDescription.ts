/* eslint-disable n8n-nodes-base/node-filename-against-convention -- n8n's Airtable v2 layout: the description lives here */
import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';
import * as client from './client/Client.resource';
import * as clientEtl from './clientEtl/ClientEtl.resource';
import * as dashboard from './dashboard/Dashboard.resource';
import * as invite from './invite/Invite.resource';
import * as nightly from './nightly/Nightly.resource';
import * as notification from './notification/Notification.resource';
import * as onboarding from './onboarding/Onboarding.resource';
import * as runLog from './runLog/RunLog.resource';
import * as token from './token/Token.resource';

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
	// credentials: set in Viang.node.ts, where n8n's lint rules read them.
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Client', value: 'client' },
				{ name: 'Client ETL', value: 'clientEtl' },
				{ name: 'Dashboard', value: 'dashboard' },
				{ name: 'Invite', value: 'invite' },
				{ name: 'Nightly', value: 'nightly' },
				{ name: 'Notification', value: 'notification' },
				{ name: 'Onboarding', value: 'onboarding' },
				{ name: 'Run Log', value: 'runLog' },
				{ name: 'Token', value: 'token' },
			],
			default: 'notification',
		},
		...client.description,
		...clientEtl.description,
		...dashboard.description,
		...invite.description,
		...nightly.description,
		...notification.description,
		...onboarding.description,
		...runLog.description,
		...token.description,
	],
};
