import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { versionDescription } from './actions/versionDescription';
import { router } from './actions/router';
import { viangWarehouseConnectionTest } from '../shared/warehouse';

/** Warehouse operations of the Viang platform (clients, invites, tokens, logs, staff notifications). */
export class Viang implements INodeType {
	description: INodeTypeDescription = versionDescription;

	methods = {
		credentialTest: { viangWarehouseConnectionTest },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [await router.call(this)];
	}
}
