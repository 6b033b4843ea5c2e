import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The Viang application registered in Mercado Livre's developer panel. Sellers' tokens are not
 * stored here: they live encrypted in the Viang warehouse, per client. Tested by the Mercado Livre
 * nodes (`mercadoLivreAppApiTest`): a client_credentials token request proves id and secret.
 */
export class MercadoLivreAppApi implements ICredentialType {
	name = 'mercadoLivreAppApi';

	displayName = 'Mercado Livre App API';

	icon = { light: 'file:../nodes/MercadoLivre/mercadoLivre.svg', dark: 'file:../nodes/MercadoLivre/mercadoLivre.dark.svg' } as const;

	documentationUrl = 'https://developers.mercadolivre.com.br/pt_br/autenticacao-e-autorizacao';

	properties: INodeProperties[] = [
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'App ID of the application in the Mercado Livre developer panel',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Redirect URI',
			name: 'redirectUri',
			type: 'string',
			default: '',
			placeholder: 'https://painel.viang.com.br/mercadolivre/callback',
			description: 'Exactly the redirect URI registered for the app',
		},
		{
			displayName: 'API Base URL',
			name: 'apiUrl',
			type: 'string',
			default: 'https://api.mercadolibre.com',
		},
		{
			displayName: 'Auth Base URL',
			name: 'authUrl',
			type: 'string',
			default: 'https://auth.mercadolivre.com.br',
			description: 'Authorization page host (Brazil)',
		},
	];
}
