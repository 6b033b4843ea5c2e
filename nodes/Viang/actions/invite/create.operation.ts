import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { createInvite, INVITE_TTL_SECONDS } from '../../../../domain/onboarding/invites';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import { withWarehouse } from '../../../shared/warehouse';

export const START_WEBHOOK_PATH = 'onboarding/start';
export const BLING_START_WEBHOOK_PATH = 'onboarding/bling/start';

const properties: INodeProperties[] = [
	{
		displayName: 'Client',
		name: 'clientId',
		type: 'string',
		default: '',
		required: true,
		description: 'ID or name of the Viang client the invite is bound to',
	},
	{
		displayName: 'Start Link URL',
		name: 'startUrl',
		type: 'string',
		default: '',
		placeholder: 'https://n8n.viang.com.br/webhook/onboarding/start',
		description: 'Public URL of the onboarding start webhook; empty: this n8n\'s own URL + /webhook/onboarding/start',
	},
	{
		displayName: 'Valid For (Days)',
		name: 'ttlDays',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 30 },
		default: 7,
		description: `How long the link works (default ${INVITE_TTL_SECONDS / 86400} days)`,
	},
	{ displayName: 'Created By', name: 'createdBy', type: 'string', default: '', description: 'Who asked for the invite' },
	{
		displayName: 'Offer Bling Connection',
		name: 'offerBling',
		type: 'boolean',
		default: false,
		description: 'Whether the e-mail also offers an optional "Conectar Bling" link (a second single-use invite for the same client, answered by the onboarding-bling-callback workflow)',
	},
	{
		displayName: 'Bling Start Link URL',
		name: 'blingStartUrl',
		type: 'string',
		default: '',
		placeholder: 'https://n8n.viang.com.br/webhook/onboarding/bling/start',
		description: 'Public URL of the Bling start webhook; empty: this n8n\'s own URL + /webhook/onboarding/bling/start',
		displayOptions: { show: { offerBling: [true] } },
	},
];

export const description = updateDisplayOptions({ show: { resource: ['invite'], operation: ['create'] } }, properties);

export function defaultWebhookUrl(ctx: IExecuteFunctions, path: string): string {
	return `${ctx.getInstanceBaseUrl().replace(/\/+$/, '')}/webhook/${path}`;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return withWarehouse(this, (warehouse) =>
		executePerItem(this, async (i) => {
			const startUrl = String(this.getNodeParameter('startUrl', i, '') ?? '').trim() || defaultWebhookUrl(this, START_WEBHOOK_PATH);
			const blingStartUrl = (this.getNodeParameter('offerBling', i, false) as boolean)
				? String(this.getNodeParameter('blingStartUrl', i, '') ?? '').trim() || defaultWebhookUrl(this, BLING_START_WEBHOOK_PATH)
				: null;
			// Previous open links of the client are revoked; the new token appears only in the link.
			const invite = await createInvite(warehouse, {
				clientId: String(this.getNodeParameter('clientId', i)).trim(),
				startUrl,
				blingStartUrl,
				ttlSeconds: Math.round((this.getNodeParameter('ttlDays', i, 7) as number) * 86400),
				createdBy: String(this.getNodeParameter('createdBy', i, '') ?? '').trim() || undefined,
			});
			return { ...invite, email: { ...invite.email }, inviteStatus: 'created' };
		}),
	);
}
