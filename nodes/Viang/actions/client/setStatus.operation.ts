import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { CLIENT_STATUSES, type ClientStatus } from '../../../../domain/warehouse';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import { withWarehouse } from '../../../shared/warehouse';
import { clientItem, clientReferenceProperty } from './shape';

const properties: INodeProperties[] = [
	clientReferenceProperty,
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: CLIENT_STATUSES.map((status) => ({ name: status, value: status })),
		default: 'ready',
		description: 'Lifecycle: invited → authorized → backfilling → ready; needs_reauth and disabled. Other moves are refused.',
	},
	{ displayName: 'Reason', name: 'reason', type: 'string', default: '', description: 'Kept in the status history' },
];

export const description = updateDisplayOptions({ show: { resource: ['client'], operation: ['setStatus'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return withWarehouse(this, (warehouse) =>
		executePerItem(this, async (i) => {
			const client = await warehouse.clients.require(String(this.getNodeParameter('clientId', i)).trim());
			const status = this.getNodeParameter('status', i) as ClientStatus;
			const reason = String(this.getNodeParameter('reason', i, '') ?? '').trim();
			const updated = await warehouse.clients.setStatus(client.id, status, reason || undefined);
			return { ...clientItem(updated), previousStatus: client.status };
		}),
	);
}
