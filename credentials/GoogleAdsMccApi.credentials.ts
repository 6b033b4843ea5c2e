import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * Viang's Google Ads manager account (MCC): developer token, the OAuth client and a refresh token
 * of a user with access to the MCC. Tested by the Google Ads MCC node (`googleAdsMccApiTest`):
 * the refresh token is exchanged for an access token and the manager account is queried.
 */
export class GoogleAdsMccApi implements ICredentialType {
	name = 'googleAdsMccApi';

	displayName = 'Google Ads MCC API';

	icon = { light: 'file:../nodes/GoogleAdsMcc/googleAdsMcc.svg', dark: 'file:../nodes/GoogleAdsMcc/googleAdsMcc.dark.svg' } as const;

	documentationUrl = 'https://developers.google.com/google-ads/api/docs/oauth/overview';

	properties: INodeProperties[] = [
		{
			displayName: 'Developer Token',
			name: 'developerToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'From the API Center of the manager account',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'OAuth client ID (Google Cloud console)',
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
			displayName: 'Refresh Token',
			name: 'refreshToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Refresh token of a Google user with access to the manager account (scope adwords)',
		},
		{
			displayName: 'Manager Customer ID',
			name: 'managerCustomerId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '123-456-7890',
			description: 'The MCC that sends the invitations; also sent as login-customer-ID',
		},
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'string',
			default: 'v26',
		},
		{
			displayName: 'API Base URL',
			name: 'apiUrl',
			type: 'string',
			default: 'https://googleads.googleapis.com',
		},
		{
			displayName: 'OAuth Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: 'https://oauth2.googleapis.com/token',
		},
	];
}
