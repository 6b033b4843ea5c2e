// What both onboarding steps need: the warehouse, the Mercado Livre app (credential
// mercadoLivreAppApi), the keys derived from the warehouse credential's token key, and the
// callback URL (the app's redirect URI).
import type { IExecuteFunctions } from 'n8n-workflow';
import type { FlowContext } from '../../../../domain/onboarding/authorization';
import { onboardingKeys } from '../../../../domain/onboarding/keys';
import { appFromCredentials } from '../../../MercadoLivre/transport';
import { getWarehouse } from '../../../shared/warehouse';
import { defaultWebhookUrl } from '../invite/create.operation';

export const CALLBACK_WEBHOOK_PATH = 'onboarding/callback';

export async function flowContext(ctx: IExecuteFunctions, itemIndex: number): Promise<FlowContext> {
	const warehouse = await getWarehouse(ctx);
	const app = appFromCredentials(await ctx.getCredentials('mercadoLivreAppApi'));
	const warehouseCredentials = await ctx.getCredentials('viangWarehouseApi');
	const keys = onboardingKeys(String(warehouseCredentials.tokenKey ?? ''));
	const redirectUri =
		String(ctx.getNodeParameter('redirectUri', itemIndex, '') ?? '').trim() || app.redirectUri || defaultWebhookUrl(ctx, CALLBACK_WEBHOOK_PATH);
	return { warehouse, app, keys, redirectUri };
}

export const redirectUriProperty = {
	displayName: 'Redirect URI',
	name: 'redirectUri',
	type: 'string' as const,
	default: '',
	placeholder: 'https://n8n.viang.com.br/webhook/onboarding/callback',
	description:
		'The Mercado Livre redirect URI (the onboarding callback webhook). Empty: the Redirect URI of the Mercado Livre credential, else this n8n\'s URL + /webhook/onboarding/callback.',
};
