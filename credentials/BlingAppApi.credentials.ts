import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The Viang application registered in Bling's developer panel. Clients' tokens are not stored
 * here: they live encrypted in the Viang warehouse, per client (the onboarding flow stores them).
 * Tested by the Bling nodes (`blingAppApiTest`): a token-endpoint call with Basic client auth.
 */
export class BlingAppApi implements ICredentialType {
	name = 'blingAppApi';

	displayName = 'Bling App API';

	icon = { light: 'file:../nodes/Bling/bling.svg', dark: 'file:../nodes/Bling/bling.dark.svg' } as const;

	documentationUrl = 'https://developer.bling.com.br/aplicativos';

	properties: INodeProperties[] = [
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'Client ID of the app in Bling\'s developer panel',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Also the key of the webhook signatures (X-Bling-Signature-256)',
		},
		{
			displayName: 'Redirect URI',
			name: 'redirectUri',
			type: 'string',
			default: '',
			placeholder: 'https://n8n.viang.com.br/webhook/onboarding/bling/callback',
			description: 'The link de redirecionamento registered for the app: the onboarding-bling-callback webhook, https://<n8n>/webhook/onboarding/bling/callback (optional: empty sends none and Bling uses the registered one)',
		},
		{
			displayName: 'API Base URL',
			name: 'apiUrl',
			type: 'string',
			default: 'https://api.bling.com.br/Api/v3',
		},
		{
			displayName: 'Authorization URL',
			name: 'authorizeUrl',
			type: 'string',
			default: 'https://bling.com.br/Api/v3/oauth/authorize',
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: 'https://api.bling.com.br/Api/v3/oauth/token',
		},
	];
}
