import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';
import { credentialTest } from './methods';

/** Invites clients' Google Ads accounts to Viang's MCC, follows the links and keeps their history. */
export class GoogleAdsMcc implements INodeType {
	description: INodeTypeDescription = {
		...versionDescription,
		icon: { light: 'file:googleAdsMcc.svg', dark: 'file:googleAdsMcc.dark.svg' },
		subtitle: versionDescription.subtitle,
		usableAsTool: true,
		credentials: [
			{ name: 'googleAdsMccApi', required: true, testedBy: 'googleAdsMccApiTest' },
			{ name: 'viangWarehouseApi', required: true, testedBy: 'viangWarehouseConnectionTest' },
		],
	};

	methods = { credentialTest };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [await router.call(this)];
	}
}
