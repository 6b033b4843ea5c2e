import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { versionDescription } from './actions/versionDescription';
import { router } from './actions/router';
import { viangWarehouseConnectionTest } from '../shared/warehouse';
import { blingAppApiTest } from '../Bling/methods/credentialTest';
import { mercadoLivreAppApiTest } from '../MercadoLivre/methods/credentialTest';

/** Warehouse operations of the Viang platform (clients, invites, tokens, logs, staff notifications). */
export class Viang implements INodeType {
	// Icon, subtitle, tool use and credentials stay here, where n8n's lint rules look for them.
	description: INodeTypeDescription = {
		...versionDescription,
		icon: { light: 'file:viang.svg', dark: 'file:viang.dark.svg' },
		subtitle: versionDescription.subtitle,
		usableAsTool: true,
		credentials: [
			{ name: 'viangWarehouseApi', required: true, testedBy: 'viangWarehouseConnectionTest' },
			{ name: 'viangMetabaseApi', required: true, displayOptions: { show: { resource: ['dashboard'] } } },
			{ name: 'mercadoLivreAppApi', required: false, testedBy: 'mercadoLivreAppApiTest', displayOptions: { show: { resource: ['token', 'onboarding'] } } },
			{ name: 'blingAppApi', required: false, testedBy: 'blingAppApiTest', displayOptions: { show: { resource: ['token', 'onboarding'] } } },
		],
	};

	methods = {
		credentialTest: { viangWarehouseConnectionTest, mercadoLivreAppApiTest, blingAppApiTest },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [await router.call(this)];
	}
}
