import type { INodeProperties } from 'n8n-workflow';
import * as create from './create.operation';
import * as revoke from './revoke.operation';

export { create, revoke };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['invite'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a single-use onboarding invite (revoking the client\'s previous links) and render its e-mail',
				action: 'Create an invite',
			},
			{ name: 'Revoke', value: 'revoke', description: 'Make invite links stop working', action: 'Revoke invites' },
		],
		default: 'create',
	},
	...create.description,
	...revoke.description,
];
