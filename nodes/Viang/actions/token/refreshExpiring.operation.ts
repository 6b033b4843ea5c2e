import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { needsReauthMessage, refreshExpiringTokens, type TokenApps } from '../../../../domain/nightly/token-refresh';
import { blingAppFromCredentials } from '../../../Bling/transport';
import { appFromCredentials } from '../../../MercadoLivre/transport';
import { toNodeError } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import { withWarehouse } from '../../../shared/warehouse';

const properties: INodeProperties[] = [
	{
		displayName: 'Within Minutes',
		name: 'withinMinutes',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 1440 },
		default: 120,
		description: 'Refresh tokens that expire within this many minutes',
	},
	{
		displayName: 'Mercado Livre Spacing (Ms)',
		name: 'mercadoLivreSpacingMs',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 500,
		description: 'Pause between two calls to Mercado Livre\'s token endpoint',
	},
	{
		displayName: 'Bling Spacing (Ms)',
		name: 'blingSpacingMs',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 4500,
		description: 'Pause between two calls to Bling\'s token endpoint (Bling blocks an address after 20 calls in a minute)',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['token'], operation: ['refreshExpiring'] } }, properties);

/** Apps whose credential is attached to the node; a provider without one is left alone. */
async function appsOf(ctx: IExecuteFunctions): Promise<TokenApps> {
	const optional = async (name: string) => ctx.getCredentials(name).catch(() => undefined);
	const ml = await optional('mercadoLivreAppApi');
	const bling = await optional('blingAppApi');
	return { mercadolivre: ml ? appFromCredentials(ml) : undefined, bling: bling ? blingAppFromCredentials(bling) : undefined };
}

/** One item per refreshed or failed credential; needs_reauth items carry the staff message. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	try {
		const apps = await appsOf(this);
		const results = await withWarehouse(this, (warehouse) =>
			refreshExpiringTokens({
				warehouse,
				apps,
				withinMinutes: this.getNodeParameter('withinMinutes', 0, 120) as number,
				spacingMs: {
					mercadolivre: this.getNodeParameter('mercadoLivreSpacingMs', 0, 500) as number,
					bling: this.getNodeParameter('blingSpacingMs', 0, 4500) as number,
				},
			}),
		);
		return results.map((result) => ({
			json: { ...result, message: result.status === 'needs_reauth' ? needsReauthMessage(result) : null } as unknown as IDataObject,
			pairedItem: { item: 0 },
		}));
	} catch (error) {
		if (this.continueOnFail()) return [{ json: { error: error instanceof Error ? error.message : String(error) }, pairedItem: { item: 0 } }];
		throw toNodeError(this.getNode(), error, 0);
	}
}
