/* eslint-disable n8n-nodes-base/node-filename-against-convention -- n8n's Airtable v2 layout: the description lives here */
import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';
import * as link from './link/Link.resource';
import * as syncStatuses from './syncStatuses/SyncStatuses.resource';

/** Everything but icon, credentials and usableAsTool, which GoogleAdsMcc.node.ts sets (lint reads them there). */
export const versionDescription: Omit<INodeTypeDescription, 'icon' | 'usableAsTool'> = {
	displayName: 'Google Ads MCC',
	name: 'googleAdsMcc',
	group: ['transform'],
	version: 1,
	subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
	description: "Link clients' Google Ads accounts to Viang's manager account (MCC) and follow the links",
	defaults: { name: 'Google Ads MCC' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Link', value: 'link' },
				{ name: 'Sync Status', value: 'syncStatuses' },
			],
			default: 'link',
		},
		...link.description,
		...syncStatuses.description,
	],
};
