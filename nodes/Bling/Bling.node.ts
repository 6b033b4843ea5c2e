import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { router } from './actions/router';
import { versionProperties } from './actions/versionDescription';
import { credentialTest } from './methods';

/** Bling ERP (API v3) for a Viang client whose tokens are in the warehouse vault. */
export class Bling implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bling',
		name: 'bling',
		icon: { light: 'file:bling.svg', dark: 'file:bling.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read products, stock, sales orders and receivables/payables of a Viang client\'s Bling account, and sync them into the warehouse',
		defaults: { name: 'Bling' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'blingAppApi', required: true, testedBy: 'blingAppApiTest' },
			{ name: 'viangWarehouseApi', required: true, testedBy: 'viangWarehouseConnectionTest' },
		],
		properties: versionProperties,
	};

	methods = { credentialTest };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return router.call(this);
	}
}
