// What the Bling step needs: the warehouse, the Bling app (credential blingAppApi), the keys derived
// from the warehouse credential's token key (the same state key as Mercado Livre), and the redirect
// URI to send, if any (Bling redirects to the one registered for the app).
import type { IExecuteFunctions } from 'n8n-workflow';
import type { BlingFlowContext } from '../../../../domain/onboarding/bling-authorization';
import { onboardingKeys } from '../../../../domain/onboarding/keys';
import { getBlingApp } from '../../../Bling/transport';
import { getWarehouse } from '../../../shared/warehouse';

export const BLING_CALLBACK_WEBHOOK_PATH = 'onboarding/bling/callback';

export async function blingFlowContext(ctx: IExecuteFunctions, itemIndex: number): Promise<BlingFlowContext> {
	const warehouse = await getWarehouse(ctx);
	const app = await getBlingApp(ctx);
	const warehouseCredentials = await ctx.getCredentials('viangWarehouseApi');
	const keys = onboardingKeys(String(warehouseCredentials.tokenKey ?? ''));
	const redirectUri = String(ctx.getNodeParameter('blingRedirectUri', itemIndex, '') ?? '').trim() || app.redirectUri || undefined;
	return { warehouse, app, keys, redirectUri };
}

export const blingRedirectUriProperty = {
	displayName: 'Redirect URI',
	name: 'blingRedirectUri',
	type: 'string' as const,
	default: '',
	placeholder: 'https://n8n.viang.com.br/webhook/onboarding/bling/callback',
	description:
		'Sent to Bling as redirect_uri. Empty: the Redirect URI of the Bling credential, else none (Bling uses the callback URL registered for the app: this n8n\'s URL + /webhook/onboarding/bling/callback).',
};
