import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { router } from './actions/router';
import { versionProperties } from './actions/versionDescription';
import { credentialTest } from './methods';

/** WhatsApp Cloud API for many Viang clients on one Meta app: instances, numbers, templates, messages. */
export class WhatsAppCloud implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Cloud',
		name: 'whatsAppCloud',
		icon: { light: 'file:whatsAppCloud.svg', dark: 'file:whatsAppCloud.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Send WhatsApp messages for a Viang client from its number on the shared Meta app, and manage the clients\' instances and rules',
		defaults: { name: 'WhatsApp Cloud' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'whatsAppCloudApi', required: true, testedBy: 'whatsAppCloudApiTest' },
			{ name: 'viangWarehouseApi', required: true, testedBy: 'viangWarehouseConnectionTest' },
		],
		properties: versionProperties,
	};

	methods = { credentialTest };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return router.call(this);
	}
}
