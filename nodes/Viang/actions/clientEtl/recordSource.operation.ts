import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { recordSource } from '../../../../domain/client-etl/run';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import { withWarehouse } from '../../../shared/warehouse';
import { stateParameter } from './state';

const properties: INodeProperties[] = [
	{
		displayName: 'Run State',
		name: 'state',
		type: 'json',
		default: '',
		required: true,
		placeholder: "={{ $('Start Mercado Livre').item.json }}",
		description: 'The item of the Start Source node before the sync',
	},
	{
		displayName: 'Input: the sync node\'s output item (its summary, or `error` when it failed and continued).',
		name: 'recordNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['clientEtl'], operation: ['recordSource'] } }, properties);

/** The state with the source's result appended; a failed source is a result, not an error. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	return withWarehouse(this, (warehouse) =>
		executePerItem(this, async (i) => {
			const state = await recordSource(warehouse, stateParameter(this, 'state', i), items[i].json as Record<string, unknown>);
			return state as unknown as IDataObject;
		}),
	);
}
