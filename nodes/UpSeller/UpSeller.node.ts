import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { router } from './actions/router';
import { versionProperties } from './actions/versionDescription';
import { credentialTest } from './methods';

/** UpSeller's inventory Open API (warehouses, SKU stock) for a Viang client; no orders exist there. */
export class UpSeller implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'UpSeller',
		name: 'upSeller',
		icon: { light: 'file:upSeller.svg', dark: 'file:upSeller.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read a Viang client\'s UpSeller warehouses and SKU stock, and store stock snapshots in the warehouse',
		defaults: { name: 'UpSeller' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'upSellerApi', required: true, testedBy: 'upSellerApiTest' },
			{ name: 'viangWarehouseApi', required: true, testedBy: 'viangWarehouseConnectionTest' },
		],
		properties: versionProperties,
	};

	methods = { credentialTest };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return router.call(this);
	}
}
