import type { INodeProperties } from 'n8n-workflow';
import * as instance from './instance/Instance.resource';
import * as message from './message/Message.resource';
import * as phoneNumber from './phoneNumber/PhoneNumber.resource';
import * as template from './template/Template.resource';

// The node's resources and operations (node metadata and credentials are in WhatsAppCloud.node.ts).
export const versionProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Instance', value: 'instance' },
			{ name: 'Message', value: 'message' },
			{ name: 'Phone Number', value: 'phoneNumber' },
			{ name: 'Template', value: 'template' },
		],
		default: 'message',
	},
	...instance.description,
	...message.description,
	...phoneNumber.description,
	...template.description,
];
