import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { failEveryItem, type PerItemOptions } from '../../shared/execute';
import { withWarehouse } from '../../shared/warehouse';
import { appFromCredentials, WhatsAppContext } from '../transport';
import * as instance from './instance/Instance.resource';
import * as message from './message/Message.resource';
import type { WhatsAppCloudType } from './node.type';
import * as phoneNumber from './phoneNumber/PhoneNumber.resource';
import * as template from './template/Template.resource';

type Operation = {
	execute: (this: IExecuteFunctions, wa: WhatsAppContext) => Promise<INodeExecutionData[]>;
	/** How failed items tell staff what went wrong (operations staff start from the bot). */
	perItemOptions?: PerItemOptions;
};

const resources: Record<string, Record<string, Operation>> = {
	instance: {
		create: instance.create,
		delete: instance.deleteInstance,
		get: instance.get,
		getMany: instance.getMany,
		updateRules: instance.updateRules,
	},
	message: {
		replyByRules: message.replyByRules,
		sendDailySummary: message.sendDailySummary,
		sendDeferred: message.sendDeferred,
		sendTemplate: message.sendTemplate,
		sendText: message.sendText,
	},
	phoneNumber: { getMany: phoneNumber.getMany },
	template: { getMany: template.getMany },
};

/** Dispatches to `<resource>/<operation>.operation.ts` (n8n's Airtable v2 pattern). */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as WhatsAppCloudType['resource'];
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = resources[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`, { itemIndex: 0 });
	}
	try {
		const app = appFromCredentials(await this.getCredentials('whatsAppCloudApi'));
		const output = await withWarehouse(this, (warehouse) => handler.execute.call(this, new WhatsAppContext(app, warehouse)));
		return [output];
	} catch (error) {
		return [failEveryItem(this, error, handler.perItemOptions)];
	}
}
