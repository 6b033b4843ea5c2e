import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import { withWarehouse } from '../../../shared/warehouse';
import { clientItem, clientReferenceProperty } from './shape';

const properties: INodeProperties[] = [
	clientReferenceProperty,
	{
		displayName: 'Include Credentials',
		name: 'includeCredentials',
		type: 'boolean',
		default: true,
		description: 'Whether to list which providers the client has tokens for (never the tokens)',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['client'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return withWarehouse(this, (warehouse) =>
		executePerItem(this, async (i) => {
			const client = await warehouse.clients.require(String(this.getNodeParameter('clientId', i)).trim());
			const item = clientItem(client);
			if (this.getNodeParameter('includeCredentials', i, true) as boolean) {
				const credentials = await warehouse.clients.credentials(client.id);
				item.providers = credentials.map((c) => c.provider);
				item.credentials = credentials.map((c) => ({
					provider: c.provider,
					accountId: c.accountId,
					expiresAt: c.expiresAt.toISOString(),
					needsReauth: c.needsReauth,
					hasRefreshToken: c.hasRefreshToken,
				}));
			}
			return item;
		}),
	);
}
