import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The one Meta app every Viang client's WhatsApp number is added to: one permanent system-user
 * token, one app secret (it signs webhook deliveries), one verify token and one webhook URL for all
 * clients. Clients' numbers and rules live in the Viang warehouse (WhatsApp Cloud node → Instance).
 * The test lists the phone numbers of the first WABA; the nodes' test (`whatsAppCloudApiTest`)
 * lists them across every WABA.
 */
export class WhatsAppCloudApi implements ICredentialType {
	name = 'whatsAppCloudApi';

	displayName = 'WhatsApp Cloud (Meta App) API';

	icon = { light: 'file:../nodes/WhatsAppCloud/whatsAppCloud.svg', dark: 'file:../nodes/WhatsAppCloud/whatsAppCloud.dark.svg' } as const;

	documentationUrl = 'https://developers.facebook.com/docs/whatsapp/cloud-api/get-started';

	properties: INodeProperties[] = [
		{
			displayName: 'App ID',
			name: 'appId',
			type: 'string',
			default: '',
			required: true,
			description: 'ID of the Meta app (developers.facebook.com → My Apps)',
		},
		{
			displayName: 'App Secret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'App Settings → Basic → App Secret; checks the X-Hub-Signature-256 of every webhook delivery',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Permanent token of a system user of the Business Manager, with whatsapp_business_messaging and whatsapp_business_management',
		},
		{
			displayName: 'WhatsApp Business Account IDs',
			name: 'wabaIds',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 102290129340398, 109876543210987',
			description: 'Comma-separated IDs of the WhatsApp Business Accounts (WABAs) whose numbers use this app',
		},
		{
			displayName: 'Webhook Verify Token',
			name: 'verifyToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The "Verify token" typed in the app\'s WhatsApp → Configuration → Webhook; Meta sends it back when it checks the callback URL',
		},
		{
			displayName: 'Graph API Version',
			name: 'graphVersion',
			type: 'string',
			default: 'v26.0',
			description: 'Graph API version used in every call',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://graph.facebook.com',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}/{{$credentials.graphVersion}}',
			url: '=/{{$credentials.wabaIds.split(",")[0].trim()}}/phone_numbers',
			qs: { fields: 'id,display_phone_number,verified_name' },
		},
	};
}
