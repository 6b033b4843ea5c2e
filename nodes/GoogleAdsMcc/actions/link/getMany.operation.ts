import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import { withLinkService } from '../../transport';
import { statusOptions } from '../common.descriptions';

const properties: INodeProperties[] = [
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
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Status',
				name: 'status',
				type: 'multiOptions',
				options: statusOptions,
				default: [],
				description: 'Only clients whose link is in one of these states',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['link'], operation: ['getMany'] } }, properties);

/** Stored states of every client with a Google Ads account on file (use Sync Statuses to refresh them). */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return withLinkService(this, (service) =>
		executePerItem(this, async (i) => {
			const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
			const limit = this.getNodeParameter('limit', i, 50) as number;
			const filters = this.getNodeParameter('filters', i, {}) as { status?: string[] };
			let links = await service.list();
			if (filters.status?.length) links = links.filter((link) => filters.status!.includes(link.status));
			return (returnAll ? links : links.slice(0, limit)) as unknown as IDataObject[];
		}),
	);
}
