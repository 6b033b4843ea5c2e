import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import { withLinkService } from '../../transport';
import { statusOptions } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Only Transitions To',
		name: 'transitionsTo',
		type: 'multiOptions',
		options: statusOptions,
		default: [],
		description: 'Output only transitions into these states (all are recorded in the history regardless). Empty: all.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['syncStatuses'], operation: ['sync'] } }, properties);

/** Refreshes every client's state from Google Ads, records changes and outputs one item per transition. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return withLinkService(this, (service) =>
		executePerItem(this, async (i) => {
			const wanted = this.getNodeParameter('transitionsTo', i, []) as string[];
			const { transitions } = await service.sync();
			return transitions.filter((t) => wanted.length === 0 || wanted.includes(t.to)) as unknown as IDataObject[];
		}),
	);
}
