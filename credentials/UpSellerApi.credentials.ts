import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * Where and how to call UpSeller's Open API. Each client's Client ID and API Token are kept in the
 * Viang warehouse vault (provider 'upseller'), not here. UpSeller shows its authentication header
 * names only as an image, so they are settings (defaults: the names one integration used).
 * Tested by the UpSeller node (`upSellerApiTest`): the API answers at the base URL.
 */
export class UpSellerApi implements ICredentialType {
	name = 'upSellerApi';

	displayName = 'UpSeller API';

	icon = { light: 'file:../nodes/UpSeller/upSeller.svg', dark: 'file:../nodes/UpSeller/upSeller.dark.svg' } as const;

	documentationUrl = 'https://www.upseller.com/pt/help-doc-article-3398';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://openapi.upseller.com/erp/inventory',
		},
		{
			displayName: 'Client ID Header',
			name: 'clientIdHeader',
			type: 'string',
			default: 'client-id',
			description: 'Name of the header that carries the client\'s UpSeller Client ID',
		},
		{
			displayName: 'API Token Header',
			name: 'keyHeader',
			type: 'string',
			default: 'api-token',
			description: 'Name of the header that carries the client\'s UpSeller API Token',
		},
	];
}
