import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { router } from './actions/router';
import { versionProperties } from './actions/versionDescription';
import { credentialTest } from './methods';

export class MercadoLivre implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Mercado Livre',
		name: 'mercadoLivre',
		icon: { light: 'file:mercadoLivre.svg', dark: 'file:mercadoLivre.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Read orders, items, visits and Product Ads of a Viang client\'s Mercado Livre account, and sync them into the warehouse',
		defaults: { name: 'Mercado Livre' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'mercadoLivreAppApi', required: true, testedBy: 'mercadoLivreAppApiTest' },
			{ name: 'viangWarehouseApi', required: true, testedBy: 'viangWarehouseConnectionTest' },
		],
		properties: versionProperties,
	};

	methods = { credentialTest };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return router.call(this);
	}
}
