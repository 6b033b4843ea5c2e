import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { clientDashboardLinkFromWarehouse } from '../../../../domain/metabase';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import { withWarehouse } from '../../../shared/warehouse';

const properties: INodeProperties[] = [
	{
		displayName: 'Client',
		name: 'client',
		type: 'string',
		required: true,
		default: '',
		description: 'The Viang client, by ID or name',
	},
	{
		displayName: 'Dashboard',
		name: 'dashboard',
		type: 'options',
		options: [
			{ name: 'Anúncios', value: 'anuncios' },
			{ name: 'Estoque', value: 'estoque' },
			{ name: 'Financeiro', value: 'financeiro' },
			{ name: 'Produtos (SKU)', value: 'produtos' },
			{ name: 'Visão Geral', value: 'visao-geral' },
		],
		default: 'visao-geral',
	},
	{
		displayName: 'Expires In (Minutes)',
		name: 'expiresInMinutes',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 60,
	},
];

export const description = updateDisplayOptions({ show: { resource: ['dashboard'], operation: ['getClientLink'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const credentials = await this.getCredentials('viangMetabaseApi');
	// The domain reads Metabase settings as the CLI's environment names; here they come from the credential.
	const env = {
		METABASE_SITE_URL: String(credentials.siteUrl ?? ''),
		METABASE_URL: String(credentials.metabaseUrl || credentials.siteUrl || ''),
		METABASE_EMBEDDING_SECRET: String(credentials.embeddingSecret ?? ''),
	};
	return withWarehouse(this, (warehouse) =>
		executePerItem(this, async (i) => {
			const link = await clientDashboardLinkFromWarehouse(warehouse, this.getNodeParameter('client', i) as string, {
				dashboard: this.getNodeParameter('dashboard', i) as string,
				expiresInMinutes: this.getNodeParameter('expiresInMinutes', i) as number,
				env,
			});
			return {
				url: link.url,
				expiresAt: link.expiresAt,
				clientId: link.client.id,
				clientName: link.client.name,
				dashboard: link.dashboard,
			};
		}),
	);
}
