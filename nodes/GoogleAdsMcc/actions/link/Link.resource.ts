import type { INodeProperties } from 'n8n-workflow';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as invite from './invite.operation';
import * as unlink from './unlink.operation';
import * as withdrawInvitation from './withdrawInvitation.operation';

export { get, getMany, invite, unlink, withdrawInvitation };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['link'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: "Get a client's link state (refreshed from Google Ads)",
				action: 'Get a link',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get the stored link state of many clients',
				action: 'Get many links',
			},
			{
				name: 'Invite',
				value: 'invite',
				description: "Invite a client's Google Ads account to the manager account",
				action: 'Invite an account',
			},
			{
				name: 'Unlink',
				value: 'unlink',
				description: "End the manager account's link to an active client account",
				action: 'Unlink an account',
			},
			{
				name: 'Withdraw Invitation',
				value: 'withdrawInvitation',
				description: 'Cancel a pending invitation',
				action: 'Withdraw an invitation',
			},
		],
		default: 'invite',
	},
	...invite.description,
	...get.description,
	...getMany.description,
	...withdrawInvitation.description,
	...unlink.description,
];
