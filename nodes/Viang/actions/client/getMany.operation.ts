import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { CLIENT_STATUSES } from '../../../../domain/warehouse';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import { withWarehouse } from '../../../shared/warehouse';
import { clientItem } from './shape';

const statusOptions = CLIENT_STATUSES.map((status) => ({ name: status, value: status }));

const properties: INodeProperties[] = [
	{
		displayName: 'Statuses',
		name: 'statuses',
		type: 'multiOptions',
		options: statusOptions,
		default: [],
		description: 'Only clients in these statuses (none selected: all)',
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

export const description = updateDisplayOptions({ show: { resource: ['client'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return withWarehouse(this, (warehouse) =>
		executePerItem(this, async (i) => {
			const statuses = this.getNodeParameter('statuses', i, []) as string[];
			const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
			const limit = returnAll ? Infinity : (this.getNodeParameter('limit', i, 50) as number);
			const clients = (await warehouse.clients.list()).filter((c) => statuses.length === 0 || statuses.includes(c.status));
			return clients.slice(0, limit).map(clientItem);
		}),
	);
}
